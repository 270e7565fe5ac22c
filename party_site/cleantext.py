"""Clean text for what staff read: names, free text, and the checks on raw request bytes.

- Names (`clean_name`, `is_name`) are letters of the Arabic, Kurdish and Latin scripts, with spaces,
  hyphens and apostrophes; tashkeel is allowed, tatweel dropped. Compatibility forms (fullwidth
  letters, Arabic presentation forms) are folded to plain letters first (NFKC), so a fullwidth
  digit is a digit, and refused.
- Free text (`clean_free_text`: messages, motivations, notes) keeps emoji, ZWJ/ZWNJ and line
  breaks, but never bidi embedding, override or isolate controls or marks, other invisible
  format characters, control characters, lone surrogates or U+FFFD (the trace of a broken encoding).
- Bidi controls reorder what a reader sees: a U+202E in a name reverses the admin's list and the CSV.
"""

import re
import unicodedata

# Embeddings, overrides, isolates and the three marks (LRM, RLM, ALM).
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
# Invisible: zero-width space, word joiner, BOM, soft hyphen, the other invisible operators
# (U+2061–2064) and deprecated format characters (U+206A–206F). Free text also loses U+FFFD, the
# trace of a broken encoding; a name keeps it, to be refused.
_INVISIBLE = re.compile("[\u200b\u2060-\u2064\u206a-\u206f\ufeff\u00ad]")
_REPLACEMENT = "\ufffd"
_LETTERS = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"  # Latin, Latin-1 and Extended-A/B (Kurmanji's ç ê î û ş)
    "\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"  # Arabic, Sorani
    "\u0750-\u077f"  # Arabic Supplement
)
_MARKS = "\u064b-\u065f\u0670\u0300-\u036f"  # tashkeel, superscript alef; Latin combining accents
_NAME = re.compile(f"[{_LETTERS}][{_LETTERS}{_MARKS}]*(?:[ \\-'\u2019\u02bc]+[{_LETTERS}][{_LETTERS}{_MARKS}]*)*")
_TATWEEL = "\u0640"


def _without_controls(text: str, keep: str = "") -> str:
    """Drop control characters (category Cc except those in `keep`) and lone surrogates (Cs)."""
    return "".join(char for char in text if char in keep or unicodedata.category(char) not in ("Cc", "Cs"))


def clean_free_text(value: str, multiline: bool = True) -> str:
    """Free text as staff should read it: emoji and (when `multiline`) line breaks kept; bidi
    controls, invisible characters and control characters removed; Windows and Unicode line
    breaks made plain; NFC."""
    text = value.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _INVISIBLE.sub("", _BIDI.sub("", text)).replace(_REPLACEMENT, "")
    text = _without_controls(text, keep="\n\t" if multiline else "")
    text = unicodedata.normalize("NFC", text)
    if not multiline:
        text = " ".join(text.split())
    return text.strip()


# Kurdish typed on an Arabic or Persian keyboard writes the vowel ە as ه followed by a zero-width
# non-joiner (زه‌نگنه for زەنگنە): the same name, in today's Sorani spelling.
_KURDISH_E = re.compile("\u0647\u200c")
_JOINER_CONTROLS = re.compile("[\u200c\u200d]")


def clean_name(value: str) -> str:
    """A name as typed, less what cannot belong to it unseen: NFKC, bidi controls, invisible
    characters and tatweel removed, spaces collapsed. ه + ZWNJ becomes ە (Sorani), and any other
    zero-width (non-)joiner goes: it only changes how letters join. Check the result with `is_name`."""
    text = unicodedata.normalize("NFKC", value)
    text = _JOINER_CONTROLS.sub("", _KURDISH_E.sub("\u06d5", text))
    text = _without_controls(_INVISIBLE.sub("", _BIDI.sub("", text)).replace(_TATWEEL, ""))
    return " ".join(text.split())


def is_name(value: str) -> bool:
    return bool(_NAME.fullmatch(value))


def without_bidi_controls(text: str) -> str:
    """For showing stored text to staff (admin pages, the CSV): nothing in it can reorder the rest."""
    return _BIDI.sub("", text)
