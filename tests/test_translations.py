"""The Arabic and Kurdish interfaces are complete, and no message id means two things in two catalogs.

Django merges every catalog of a language into one (LOCALE_PATHS first, then each app), so the
same msgid translated differently in two apps silently shows only one of them.
"""

from collections import defaultdict
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGS = sorted(p for p in ROOT.glob("**/locale/*/LC_MESSAGES/django.po") if ".venv" not in p.parts)


def catalogs(lang):
    return [path for path in CATALOGS if path.parts[-3] == lang]


def test_catalogs_exist_for_arabic_and_kurdish():
    assert catalogs("ar") and catalogs("ckb")


def untranslated(path):
    """Each msgid of the catalogue without a translation, or with a fuzzy (unchecked) one."""
    po = polib.pofile(str(path))
    return [
        f"{'fuzzy' if entry.fuzzy else 'missing'}: {entry.msgid!r}"
        for entry in po
        if not entry.obsolete and (not entry.translated() or entry.fuzzy)
    ]


@pytest.mark.parametrize("path", catalogs("ar") + catalogs("ckb"), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_message_is_translated_in_arabic_and_kurdish(path):
    """Admin labels included. On failure the list names each msgid to translate in this file."""
    assert untranslated(path) == []


@pytest.mark.parametrize("lang", ["ar", "ckb"])
def test_the_project_and_every_app_have_a_catalogue(lang):
    assert {p.relative_to(ROOT).parts[0] for p in catalogs(lang)} == {"content", "feedback", "locale", "membership"}


@pytest.mark.parametrize("lang", ["ar", "ckb"])
def test_no_message_id_has_two_different_translations(lang):
    seen = defaultdict(set)
    for path in catalogs(lang):
        for entry in polib.pofile(str(path)):
            if entry.msgstr and not entry.obsolete:
                seen[(entry.msgctxt, entry.msgid)].add(entry.msgstr)
    clashes = {key: values for key, values in seen.items() if len(values) > 1}
    assert clashes == {}


# Letters Arabic writes and Sorani spells otherwise (ی ک ە), hamza seats and tashkeel.
ARABIC_ONLY_LETTERS = set("ةىيكأإؤًٌٍَُِّْ")


@pytest.mark.parametrize("path", catalogs("ckb"), ids=lambda p: str(p.relative_to(ROOT)))
def test_kurdish_messages_are_written_in_sorani_letters(path):
    """An Arabic word left in a Kurdish message (or Kurdish typed on an Arabic keyboard) shows here."""
    arabic = [
        f"{entry.msgid!r}: {entry.msgstr}"
        for entry in polib.pofile(str(path))
        if set(entry.msgstr + "".join(entry.msgstr_plural.values())) & ARABIC_ONLY_LETTERS
    ]
    assert arabic == []
