"""Arabic text helpers shared by search, forms and the admin.

`normalize_arabic` folds the spelling variants people type interchangeably, so that a search
or a duplicate check sees them as one word: hamza forms of alif, alif maqsura, ta marbuta,
tashkeel, tatweel and Eastern Arabic / Persian digits.
"""

import re

EASTERN_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_TO_WESTERN = str.maketrans(EASTERN_DIGITS + PERSIAN_DIGITS, "0123456789" * 2)
_TO_EASTERN = str.maketrans("0123456789", EASTERN_DIGITS)

_LETTER_FOLDS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ـ": None})
# Tashkeel (U+064B–U+065F), superscript alif (U+0670) and Quranic marks.
_TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_CLITICS = ("وبال", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ك", "ل")
_TOKEN = re.compile(r"\w+")


def to_western_digits(text: str) -> str:
    """'٠٧٧٠' → '0770': what forms accept, before validating numbers."""
    return text.translate(_TO_WESTERN)


def to_eastern_digits(text: str) -> str:
    return text.translate(_TO_EASTERN)


def normalize_arabic(text: str) -> str:
    """Fold spelling variants; the result is for comparing and indexing, never for display."""
    if not text:
        return ""
    text = _TASHKEEL.sub("", text)
    text = text.translate(_LETTER_FOLDS)
    text = to_western_digits(text)
    return text.lower()


def strip_clitics(token: str) -> str:
    """Remove one leading clitic prefix (longest first) when three letters or more remain."""
    for prefix in _CLITICS:
        if token.startswith(prefix) and len(token) - len(prefix) >= 3:
            return token[len(prefix) :]
    return token


def search_tokens(text: str) -> list[str]:
    """Normalised, clitic-stripped words: the same function serves stored text and queries."""
    return [strip_clitics(token) for token in _TOKEN.findall(normalize_arabic(text))]


def search_text(text: str) -> str:
    """The space-padded token string stored for search (' token token ')."""
    tokens = search_tokens(text)
    return f" {' '.join(tokens)} " if tokens else ""
