"""The stylesheet is inlined in every page's <head> (party_site/stylesheet.py), allowed by its hash.

A linked stylesheet costs a slow phone one more round trip before the first paint; inlined, the page
paints as soon as its HTML arrives. What visitors rely on: the page is styled, the fonts it names
load, and the Content Security Policy still allows no inline style but this one.
"""

import base64
import hashlib
import re
from pathlib import Path

import pytest

from party_site.stylesheet import build

STATIC = Path(__file__).resolve().parent.parent / "static"
STYLE = re.compile(r'<style data-href="([^"]+)">(.*?)</style>', re.S)


def style_sources(response):
    policy = response["Content-Security-Policy"]
    directive = next(part.split()[1:] for part in policy.split(";") if part.split()[0] == "style-src")
    return directive


@pytest.mark.parametrize("path", ["/", "/en/", "/ckb/", "/news/", "/principles/", "/join/", "/no-such-page/"])
def test_every_public_page_carries_the_stylesheet_inline_and_allows_it_by_hash(client, party_content, path):
    response = client.get(path)
    html = response.content.decode()
    styles = STYLE.findall(html)
    assert len(styles) == 1, "exactly one inline stylesheet"
    assert '<link rel="stylesheet"' not in html
    _url, text = styles[0]
    digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
    sources = style_sources(response)
    assert f"'sha256-{digest}'" in sources
    assert "'unsafe-inline'" not in sources


def test_the_inline_text_is_the_site_stylesheet_minified():
    source = (STATIC / "css" / "site.css").read_text(encoding="utf-8")
    inline = build().text
    assert len(inline) < len(source) * 0.9, "comments and spaces are removed"
    assert "/*" not in inline
    # Every selector of the file is still there (the minifier only drops whitespace and comments).
    for selector in (".skip-link", ".card__img", ".link-arrow::after", ".statement"):
        assert selector in source and selector in inline, selector


def test_the_fonts_it_names_are_absolute_and_are_served(client, party_content):
    html = client.get("/").content.decode()
    url, text = STYLE.search(html).groups()
    fonts = re.findall(r'url\("([^"]+\.woff2)"\)', text)
    assert len(fonts) >= 2
    for font in fonts:
        assert font.startswith("/static/fonts/"), font  # not relative to the page's own address
        assert client.get(font).status_code == 200, font
    assert client.get(url).status_code == 200, "the same stylesheet is still served at data-href"


def test_a_change_to_the_stylesheet_changes_the_hash(tmp_path, settings):
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "site.css").write_text("body { color: #111 }", encoding="utf-8")
    settings.STATICFILES_DIRS = [tmp_path]
    first = build()
    (tmp_path / "css" / "site.css").write_text("body { color: #222 }", encoding="utf-8")
    second = build()
    assert first.text == "body{color:#111}"
    assert second.csp_source != first.csp_source


def test_a_stylesheet_that_would_close_the_style_element_is_refused(tmp_path, settings):
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "site.css").write_text('a::after { content: "</style><script>" }', encoding="utf-8")
    settings.STATICFILES_DIRS = [tmp_path]
    with pytest.raises(ValueError):
        build()
