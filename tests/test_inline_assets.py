"""What a page carries inside its HTML (party_site/inline_assets.py): its styles, a starter script and
the emblem, each inline element allowed by its hash in that page's Content Security Policy.

On a slow phone every file a page needs before it paints costs one more round trip, and every file
fetched beside the first picture slows it down. What visitors rely on: the page is styled, the
styles a page needs are the ones it carries, site.js still arrives (after the first paint), the
emblem still shows, and the Content Security Policy allows no inline style or script but these.
"""

import base64
import gzip
import hashlib
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from party_site.inline_assets import build, emblem_data_url
from tests.content_helpers import MP4_BYTES, add_attachments, make_post

STATIC = Path(__file__).resolve().parent.parent / "static"
STYLE = re.compile(r'<style data-href="([^"]+)">(.*?)</style>', re.S)
SCRIPT = re.compile(r"<script( [^>]*)?>(.*?)</script>", re.S)


def sources(response, directive):
    policy = response["Content-Security-Policy"]
    return next(part.split()[1:] for part in policy.split(";") if part.split()[0] == directive)


def digest(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def inline_styles(html):
    """{file name without hash: text} for each inline stylesheet."""
    return {re.sub(r"\.[0-9a-f]{12}\.css$", ".css", url).rsplit("/", 1)[-1]: text for url, text in STYLE.findall(html)}


@pytest.mark.parametrize("path", ["/", "/en/", "/ckb/", "/news/", "/principles/", "/join/", "/no-such-page/"])
def test_every_public_page_carries_its_styles_and_starter_inline_allowed_by_hash(client, party_content, path):
    response = client.get(path)
    html = response.content.decode()
    styles = STYLE.findall(html)
    assert styles and styles[0][0].startswith("/static/css/site"), "site.css first"
    assert '<link rel="stylesheet"' not in html
    style_sources = sources(response, "style-src")
    for _url, text in styles:
        assert digest(text) in style_sources
    assert "'unsafe-inline'" not in style_sources

    inline_scripts = [(attrs, text) for attrs, text in SCRIPT.findall(html) if not re.search(r"\ssrc=", attrs)]
    executable = [(attrs, text) for attrs, text in inline_scripts if "application/ld+json" not in attrs]
    assert len(executable) == 1, "one inline script: the starter"
    attrs, text = executable[0]
    assert re.search(r'data-src="/static/js/site(\.[0-9a-f]{12})?\.js"', attrs)
    script_sources = sources(response, "script-src")
    assert digest(text) in script_sources and "'unsafe-inline'" not in script_sources
    assert not re.search(r'<script[^>]* src="/static/js/site', html), "site.js is asked for after the first paint"


def test_form_pages_carry_the_form_styles_and_other_pages_do_not(client, party_content):
    for path in ("/join/", "/feedback/", "/en/join/"):
        styles = inline_styles(client.get(path).content.decode())
        assert list(styles) == ["site.css", "forms.css"], path
        assert ".field__error" in styles["forms.css"] and ".form-trap{display:none}" in styles["forms.css"]
    for path in ("/", "/news/", "/about/"):
        styles = inline_styles(client.get(path).content.decode())
        assert list(styles) == ["site.css"], path
        assert ".field__error" not in styles["site.css"]


def test_a_post_carries_the_media_styles_only_when_it_shows_media(client, party_content):
    plain = make_post(title="خبر بلا مرفقات")
    with_report = make_post(title="تقرير بمرفق")
    add_attachments(with_report, 1)
    plain_styles = inline_styles(client.get(plain.get_absolute_url()).content.decode())
    report_styles = inline_styles(client.get(with_report.get_absolute_url()).content.decode())
    assert list(plain_styles) == ["site.css"]
    assert list(report_styles) == ["site.css", "media.css"]
    assert ".attachments" in report_styles["media.css"]
    uploaded_video = make_post(title="خطاب مصوّر", video_file=SimpleUploadedFile("v.mp4", MP4_BYTES))
    video_styles = inline_styles(client.get(uploaded_video.get_absolute_url()).content.decode())
    assert list(video_styles) == ["site.css", "media.css"] and ".video video" in video_styles["media.css"]


@pytest.mark.parametrize(
    ("path", "sheet", "selector"),
    [("/secretariat/", "secretariat.css", ".person"), ("/search/?q=حزب", "search.css", ".result")],
)
def test_the_secretariat_and_search_carry_their_own_styles(client, party_content, path, sheet, selector):
    styles = inline_styles(client.get(path).content.decode())
    assert list(styles) == ["site.css", sheet]
    assert selector in styles[sheet] and selector not in styles["site.css"]


def test_the_starter_names_site_js_and_the_print_stylesheet_which_are_served(client, party_content):
    html = client.get("/").content.decode()
    site_js = re.search(r'<script data-src="([^"]+)"', html).group(1)
    print_css = re.search(r'data-print-css="([^"]+)"', html).group(1)
    assert client.get(site_js).status_code == 200
    sheet = client.get(print_css)
    assert sheet.status_code == 200
    assert b"@media print" in b"".join(sheet.streaming_content if sheet.streaming else [sheet.content])


def test_the_emblem_is_drawn_from_one_symbol_and_is_the_icon_without_a_request(client, party_content):
    html = client.get("/").content.decode()
    assert html.count('<symbol id="emblem"') == 1
    assert html.count('<use href="#emblem"/>') >= 3  # header, home page, footer
    assert not re.search(r"<(img|link)[^>]+img/emblem", html), "no request for the emblem file"
    icon = re.search(r'<link rel="icon" href="([^"]+)"', html).group(1)
    assert icon == emblem_data_url() and icon.startswith("data:image/svg+xml,%3Csvg")
    shapes = re.findall(r"<(?:rect|path)\b", (STATIC / "img" / "emblem.svg").read_text())
    symbol = re.search(r'<symbol id="emblem".*?</symbol>', html, re.S).group(0)
    assert len(re.findall(r"<(?:rect|path)\b", symbol)) == len(shapes)
    assert "data:" in sources(client.get("/"), "img-src")


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


@pytest.mark.parametrize("path", ["/", "/en/", "/ckb/"])
def test_the_home_page_fits_in_the_first_round_trip(client, party_content, path):
    """TCP's initial window (10 segments of 1,460 bytes) is what a server sends before it waits for an
    acknowledgement: a page within it, headers included, arrives in one round trip (make page-weight
    measures the demo archive). With the party's own content the home page must stay well inside."""
    response = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    headers = sum(len(f"{name}: {value}\r\n") for name, value in response.items()) + len("HTTP/1.1 200 OK\r\n\r\n")
    assert len(response.content) + headers <= 10 * 1460 - 1000, (len(response.content), headers)
    assert gzip.decompress(response.content).decode().count("<style") == 1


def test_a_change_to_the_stylesheet_changes_the_hash(tmp_path, settings):
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "site.css").write_text("body { color: #111 }", encoding="utf-8")
    settings.STATICFILES_DIRS = [tmp_path]
    first = build()
    (tmp_path / "css" / "site.css").write_text("body { color: #222 }", encoding="utf-8")
    second = build()
    assert first.text == "body{color:#111}"
    assert second.csp_source != first.csp_source


@pytest.mark.parametrize(
    ("name", "text"),
    [("css/site.css", 'a::after { content: "</style><script>" }'), ("js/boot.js", 'var a = "</script><b>";')],
)
def test_a_file_that_would_close_its_element_is_refused(tmp_path, settings, name, text):
    (tmp_path / name).parent.mkdir(parents=True)
    (tmp_path / name).write_text(text, encoding="utf-8")
    settings.STATICFILES_DIRS = [tmp_path]
    with pytest.raises(ValueError):
        build(name)


def test_the_sites_error_page_for_an_admin_address_may_use_what_it_carries(party_content):
    """An expired admin login form gets the site's designed 403 page under the admin's own policy:
    that policy must allow the page's inline styles and starter too."""
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/admin/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    html = response.content.decode()
    styles = STYLE.findall(html)
    assert styles
    for _url, text in styles:
        assert digest(text) in sources(response, "style-src")
    starter = re.search(r"<script data-src[^>]*>(.*?)</script>", html, re.S).group(1)
    assert digest(starter) in sources(response, "script-src")
    assert "'unsafe-inline'" not in sources(response, "script-src")
