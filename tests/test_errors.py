"""The designed 404 and 500 pages, in the visitor's language."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper

from tests.helpers import count_h1, html_lang_dir


def test_unknown_url_gives_the_designed_404_in_arabic(client, party_content):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    content = response.content.decode()
    assert html_lang_dir(content) == ("ar", "rtl")
    assert "الصفحة غير موجودة" in content
    assert count_h1(content) == 1


def test_unknown_url_gives_the_404_in_english_under_en(client, party_content):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    content = response.content.decode()
    assert html_lang_dir(content) == ("en", "ltr")
    assert "Page not found" in content


@pytest.mark.parametrize(
    "url,lang,text", [("/", "ar", "حدث خطأ من جهتنا"), ("/en/", "en", "Something went wrong on our side")]
)
def test_broken_database_gives_the_500_page_not_a_traceback(client, party_content, url, lang, text):
    client.raise_request_exception = False
    with mock.patch.object(BaseDatabaseWrapper, "cursor", side_effect=OperationalError("database is down")):
        response = client.get(url)
    assert response.status_code == 500
    content = response.content.decode()
    assert html_lang_dir(content) == (lang, "rtl" if lang == "ar" else "ltr")
    assert text in content
    assert "Traceback" not in content and "OperationalError" not in content


@pytest.mark.parametrize("url,home", [("/", "/"), ("/en/", "/en/"), ("/ckb/", "/ckb/")])
def test_the_500_page_links_to_the_home_page_in_its_language(client, party_content, url, home):
    client.raise_request_exception = False
    with mock.patch.object(BaseDatabaseWrapper, "cursor", side_effect=OperationalError("database is down")):
        content = client.get(url).content.decode()
    assert f'class="btn btn--primary" href="{home}"' in content and f'class="brand" href="{home}"' in content
