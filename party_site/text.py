"""Arabic text helpers shared by search, forms and the admin.

`normalize_arabic` folds the spelling variants people type interchangeably, so that a search
or a duplicate check sees them as one word: hamza forms of alif, alif maqsura, ta marbuta,
tashkeel, tatweel, Eastern Arabic / Persian digits, and the Kurdish keyboard's letters (ک ی ە ھ,
the zero-width non-joiner). `word_forms` gives search the forms of a word that should meet: clitic
prefixes cut, Arabic sound plurals and pronoun suffixes cut (light stemming), English stemmed.
"""

import functools
import re

import snowballstemmer
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
    # Kurdish typing puts a zero-width non-joiner after ە and ه inside words (بە‌کار): one word.
    | {"\u200c": None}
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


# Light stemming of Arabic (after normalisation, so ة is ه): suffixes cut only when three letters or
# more remain. Sound plurals: ات (the singular may end in ة: حكومات → حكوم and حكومه), ون and ين
# (ناخبون، ناخبين → ناخب). Attached pronouns ها، هم، هما، كم (a ة before them is written ت:
# حكومتها → حكومه). Not cut, because they merge unrelated words: ه alone (مدرسه is not مدرس), ي
# (nisba: وطني), the dual ان (لبنان is not لبن).
_PRONOUNS = ("هما", "ها", "هم", "كم")
_PLURALS = ("ات", "ون", "ين")
# Letters of Kurdish and Persian that Arabic lacks: such a word is not stemmed as Arabic.
_NOT_ARABIC = set("ڕڵێۆڤپچژگ")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_LATIN_LETTER = re.compile("[a-z]")
_english = snowballstemmer.stemmer("english")


def _arabic_stems(word: str) -> list[str]:
    """The light stems of one normalised Arabic word (without the word itself)."""
    stems = []
    bases = [word]
    for pronoun in _PRONOUNS:
        if word.endswith(pronoun) and len(word) - len(pronoun) >= 3:
            base = word[: -len(pronoun)]
            bases.append(base)
            stems.append(base)
            if base.endswith("ت"):
                stems.append(base[:-1] + "ه")
            break
    for base in bases:
        for plural in _PLURALS:
            if base.endswith(plural) and len(base) - len(plural) >= 3:
                stem = base[: -len(plural)]
                stems += [stem, stem + "ه"] if plural == "ات" else [stem]
                break
    return stems


@functools.lru_cache(maxsize=20000)
def _forms(word: str) -> tuple[str, ...]:
    forms = [word]
    if _LATIN_LETTER.search(word):
        forms.append(_english.stemWord(word))
    elif _ARABIC_LETTER.search(word):
        for prefix in _CLITICS:
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                forms.append(word[len(prefix) :])
        if not _NOT_ARABIC & set(word):
            forms += [stem for form in list(forms) for stem in _arabic_stems(form)]
    return tuple(dict.fromkeys(forms))  # in order, each once


def word_forms(word: str) -> list[str]:
    """A normalised word and the forms of it search matches on: both the stored text and the query
    keep every form, and two words match when their forms meet.

    - Arabic script: each form left when one clitic prefix is cut off (three letters or more
      remaining): البرلمان (→ برلمان) meets برلمان, والديمقراطية (→ ديمقراطيه) meets الديمقراطية; a
      word that merely starts with one of these letters (برلمان → رلمان) keeps its whole form too.
      Then, for Arabic words, the light stems of each of those (above): مؤتمرات meets مؤتمر.
    - Latin script: the English (Porter2) stem, as PostgreSQL's `english` configuration does:
      elections → elect meets election → elect.
    """
    return list(_forms(word))


def search_text(text: str) -> str:
    """What is stored for search: every form of every word, space-padded (' form form ')."""
    forms = [form for word in normalized_words(text) for form in word_forms(word)]
    return f" {' '.join(forms)} " if forms else ""
