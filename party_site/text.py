"""Arabic text helpers shared by search, forms and the admin.

`normalize_arabic` folds the spelling variants people type interchangeably, so that a search
or a duplicate check sees them as one word: hamza forms of alif, alif maqsura, ta marbuta,
tashkeel, tatweel and Eastern Arabic / Persian digits.
"""

import re

from django.conf import settings
from django.utils.translation import get_language

EASTERN_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_TO_WESTERN = str.maketrans(EASTERN_DIGITS + PERSIAN_DIGITS, "0123456789" * 2)
_TO_EASTERN = str.maketrans("0123456789", EASTERN_DIGITS)

_LETTER_FOLDS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ـ": None}
    # Kurdish and Persian keyboards write these letters with other code points.
    | {"ک": "ك", "ی": "ي", "ە": "ه", "ھ": "ه"}
)
# Tashkeel (U+064B–U+065F), superscript alif (U+0670) and Quranic marks.
_TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_CLITICS = ("وبال", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ك", "ل")
_TOKEN = re.compile(r"\w+")


def to_western_digits(text: str) -> str:
    """'٠٧٧٠' → '0770': what forms accept, before validating numbers."""
    return text.translate(_TO_WESTERN)


def to_eastern_digits(text: str) -> str:
    return text.translate(_TO_EASTERN)


def local_digits(value) -> str:
    """Digits as the site's digit setting asks (PARTY_DIGITS), in Arabic and Kurdish pages."""
    text = str(value)
    if get_language() in ("ar", "ckb") and settings.PARTY_DIGITS == "eastern":
        return to_eastern_digits(text)
    return text


def normalize_arabic(text: str) -> str:
    """Fold spelling variants; the result is for comparing and indexing, never for display."""
    if not text:
        return ""
    text = _TASHKEEL.sub("", text)
    text = text.translate(_LETTER_FOLDS)
    text = to_western_digits(text)
    return text.lower()


def normalized_words(text: str) -> list[str]:
    """The words of a text, normalised: for names, where nothing else may be cut off."""
    return _TOKEN.findall(normalize_arabic(text))


def word_forms(word: str) -> list[str]:
    """A normalised word and each form left when one clitic prefix is cut off (three letters or more
    remaining). Both the stored text and the query keep every form, and two words match when their
    forms meet: البرلمان (→ برلمان) meets برلمان, والديمقراطية (→ ديمقراطيه) meets الديمقراطية (→
    ديمقراطيه), and a word that merely starts with one of these letters (برلمان → رلمان) still
    keeps its whole form."""
    forms = [word]
    for prefix in _CLITICS:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3 and word[len(prefix) :] not in forms:
            forms.append(word[len(prefix) :])
    return forms


def search_text(text: str) -> str:
    """What is stored for search: every form of every word, space-padded (' form form ')."""
    forms = [form for word in normalized_words(text) for form in word_forms(word)]
    return f" {' '.join(forms)} " if forms else ""
