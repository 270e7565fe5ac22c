"""One stylesheet serves RTL and LTR: logical properties only, fonts self-hosted."""

import re
from pathlib import Path

STATIC = Path(__file__).resolve().parent.parent / "static"
CSS = (STATIC / "css" / "site.css").read_text(encoding="utf-8")
PHYSICAL = re.compile(
    r"(?<![\w-])(?:margin|padding|border)-(?:left|right)\b|(?<![\w-])(?:left|right)\s*:|"
    r"(?:text-align|float|clear)\s*:\s*(?:left|right)\b|border-(?:top|bottom)-(?:left|right)-radius"
)


def test_stylesheet_uses_no_physical_left_or_right():
    offending = [line.strip() for line in CSS.splitlines() if PHYSICAL.search(line)]
    assert offending == []


def test_the_check_itself_catches_physical_properties():
    for rule in ("margin-left: 1rem", "right: 0", "text-align: right", "padding-right:2px", "float: left"):
        assert PHYSICAL.search(rule), rule
    for rule in ("margin-inline-start: 1rem", "inset-inline-end: 0", "text-align: start"):
        assert not PHYSICAL.search(rule), rule


def test_fonts_are_self_hosted_woff2_with_their_licence():
    sources = re.findall(r"url\(\"?([^\")]+)\"?\)", CSS)
    fonts = [src for src in sources if src.endswith(".woff2")]
    assert len(fonts) >= 2
    for src in fonts:
        assert not src.startswith(("http:", "https:", "//"))
        assert (STATIC / "css" / src).resolve().is_file(), src
    assert "SIL OPEN FONT LICENSE" in (STATIC / "fonts" / "OFL.txt").read_text(encoding="utf-8").upper()


def test_decorative_link_arrows_are_not_read_aloud_in_either_direction():
    """An arrow after a link is drawn, not spoken: each `content` that draws one gives it an empty
    alternative text, so a screen reader reads "All principles", not "All principles left arrow"."""
    rules = re.findall(r"([^{}]*\.link-arrow::after)\s*\{([^}]*)\}", CSS)
    assert {"←", "→"} <= {arrow for _selector, body in rules for arrow in re.findall(r"[←→]", body)}
    for selector, body in rules:
        contents = [value.strip() for value in re.findall(r"content\s*:\s*([^;]+)", body)]
        assert contents and re.fullmatch(r'"[^"]*"\s*/\s*""', contents[-1]), selector.strip()
