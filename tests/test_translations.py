"""The Arabic interface is complete, and no message id means two things in two catalogs.

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


@pytest.mark.parametrize("path", catalogs("ar"), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_arabic_message_is_translated(path):
    po = polib.pofile(str(path))
    missing = [entry.msgid for entry in po if not entry.obsolete and (not entry.translated() or entry.fuzzy)]
    assert missing == []


@pytest.mark.parametrize("lang", ["ar", "ckb"])
def test_no_message_id_has_two_different_translations(lang):
    seen = defaultdict(set)
    for path in catalogs(lang):
        for entry in polib.pofile(str(path)):
            if entry.msgstr and not entry.obsolete:
                seen[(entry.msgctxt, entry.msgid)].add(entry.msgstr)
    clashes = {key: values for key, values in seen.items() if len(values) > 1}
    assert clashes == {}
