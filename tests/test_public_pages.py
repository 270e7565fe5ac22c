"""Every public page answers in each language with one <h1> and the right lang/dir."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.helpers import count_h1, html_lang_dir

PUBLIC_URLS = [
    ("content:home", {}),
    ("content:about", {}),
    ("content:founding-statement", {}),
    ("content:privacy", {}),
    ("content:principles", {}),
    ("content:secretariat", {}),
    *[("content:section", {"section": key}) for key in ("news", "culture", "analysis", "studies", "articles", "media")],
    ("membership:join", {}),
    ("feedback:form", {}),
]
LANGUAGES = [("ar", "rtl", ""), ("en", "ltr", "/en"), ("ckb", "rtl", "/ckb")]


def url_in(name, kwargs, lang):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize("lang,direction,prefix", LANGUAGES)
@pytest.mark.parametrize("name,kwargs", PUBLIC_URLS)
def test_public_page_answers_with_one_h1_and_language(client, party_content, name, kwargs, lang, direction, prefix):
    url = url_in(name, kwargs, lang)
    assert url.startswith(prefix + "/")
    response = client.get(url)
    assert response.status_code == 200, url
    content = response.content.decode()
    assert count_h1(content) == 1, url
    assert html_lang_dir(content) == (lang, direction)


def test_arabic_has_no_prefix_and_english_pages_are_in_english(client, party_content):
    with translation.override("ar"):
        assert reverse("content:about") == "/about/"
    arabic = client.get("/about/").content.decode()
    english = client.get("/en/about/").content.decode()
    assert "من نحن" in arabic
    assert "Who we are" in english
    assert "انتقل إلى المحتوى الرئيسي" in arabic


def test_language_switcher_links_to_the_same_page_in_each_language(client, party_content):
    content = client.get("/principles/").content.decode()
    for href in ('href="/principles/"', 'href="/en/principles/"', 'href="/ckb/principles/"'):
        assert href in content
    assert "کوردی" in content and "English" in content and "العربية" in content


def test_navigation_reaches_every_page_and_section(client, party_content):
    content = client.get("/").content.decode()
    for name, kwargs in PUBLIC_URLS:
        assert f'href="{reverse(name, kwargs=kwargs)}"' in content, name


def test_pages_load_nothing_from_other_hosts(client, party_content):
    """No third-party fonts, scripts, styles or images: visitors are reported to no one."""
    for name, kwargs in PUBLIC_URLS:
        content = client.get(reverse(name, kwargs=kwargs)).content.decode()
        # <link rel="canonical"> and rel="alternate" name addresses; the browser fetches nothing.
        content = re.sub(r'<link rel="(canonical|alternate)"[^>]*>', "", content)
        for tag, attr, value in re.findall(
            r"<(script|link|img|iframe|source|video)\b[^>]*?\b(src|href)=\"([^\"]+)\"", content
        ):
            assert not re.match(r"^(https?:)?//", value), f"{name}: <{tag} {attr}={value}>"


def test_public_pages_send_a_strict_content_security_policy(client, party_content):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_public_pages_can_be_revalidated_with_their_etag(client, party_content):
    """A returning visitor (or a proxy) gets 304 Not Modified instead of the whole page again."""
    for url in ("/", "/about/", "/en/principles/", "/news/"):
        response = client.get(url)
        etag = response.headers.get("ETag")
        assert etag, url
        assert client.get(url, headers={"if-none-match": etag}).status_code == 304, url


def test_form_pages_are_never_answered_with_a_stale_304(client, party_content):
    """The join and feedback forms carry a fresh CSRF token each time."""
    for url in ("/join/", "/feedback/"):
        first = client.get(url)
        again = client.get(url, headers={"if-none-match": first.headers.get("ETag", '"x"')})
        assert again.status_code == 200 and "csrfmiddlewaretoken" in again.content.decode(), url


def test_pages_are_compressed_for_slow_networks(client, party_content):
    plain = client.get("/")
    compressed = client.get("/", headers={"accept-encoding": "gzip"})
    assert compressed.headers["Content-Encoding"] == "gzip"
    assert len(compressed.content) < len(plain.content) / 3
    assert "Accept-Encoding" in compressed.headers["Vary"]
