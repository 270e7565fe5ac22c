"""The web fonts: few and small enough for a first visit on a slow phone network, and every
letter of the three languages inside (checked with fontTools where it is installed)."""

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CSS = (ROOT / "static" / "css" / "site.css").read_text(encoding="utf-8")
FONTS = [(ROOT / "static" / "css" / src).resolve() for src in re.findall(r'url\("?([^")]+\.woff2)"?\)', CSS)]


def test_two_weights_within_the_first_visit_budget():
    # Issue 9: a first visit within 100 KB with fonts, 28 KB of it for HTML, CSS and JS.
    assert len(FONTS) == 2
    assert sum(path.stat().st_size for path in FONTS) <= 56_000


def test_no_font_file_is_left_unused():
    on_disk = set((ROOT / "static" / "fonts").glob("*.woff2"))
    assert on_disk == set(FONTS)


def test_every_font_has_the_letters_and_shaping_the_site_needs():
    # fontTools reads the WOFF2 files (Brotli-compressed): both are in requirements-dev.txt.
    spec = importlib.util.spec_from_file_location("subset_fonts", ROOT / "scripts" / "subset_fonts.py")
    subset_fonts = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(subset_fonts)
    assert "ڕڵۆێەڤپچگژیک" in subset_fonts.REQUIRED["Sorani Kurdish letters"]
    for path in FONTS:
        assert subset_fonts.verify(path), path.name  # Sorani, Arabic, digits, Latin; GSUB/GPOS; no "Plex"
