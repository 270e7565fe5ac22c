"""The designed 404 and 500 pages, in the visitor's language."""

import re
from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper

from tests.helpers import count_h1, html_lang_dir, sign_in


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


# --- 400, 403, 413 and the CSRF failure: designed pages in the visitor's language, never Django's stock ones


def assert_designed(response, status, lang, text):
    assert response.status_code == status
    content = response.content.decode()
    assert html_lang_dir(content) == (lang, "rtl" if lang in ("ar", "ckb") else "ltr")
    assert text in content, content[:2000]
    assert count_h1(content) == 1
    assert "DEBUG" not in content and "Bad Request" not in content and "Forbidden" not in content
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.parametrize(
    "url,lang,text", [("/", "ar", "تعذّرت قراءة الطلب"), ("/en/", "en", "The request could not be read")]
)
def test_a_forged_host_gets_the_designed_400(client, party_content, url, lang, text):
    assert_designed(client.get(url, HTTP_HOST="evil.example"), 400, lang, text)


def test_a_broken_multipart_body_gets_the_designed_400(client, party_content):
    response = client.generic("POST", "/en/feedback/", b"--x\r\nbroken", content_type="multipart/form-data")
    assert_designed(response, 400, "en", "The request could not be read")


def test_too_many_fields_get_the_designed_400(client, party_content, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50
    response = client.post("/feedback/", {f"f{n}": "x" for n in range(60)})
    assert_designed(response, 400, "ar", "تعذّرت قراءة الطلب")


def test_a_body_too_large_gets_the_designed_413(client, party_content, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post("/en/feedback/", {"message": "x" * 2000})
    assert_designed(response, 413, "en", "What you sent is too large")


def test_permission_denied_gets_the_designed_403(client, party_content, staff_user):
    sign_in(client, staff_user)  # staff, but with no permission on applications
    response = client.get("/en/admin/membership/application/".removeprefix("/en"))
    assert_designed(response, 403, "ar", "غير مسموح")


def test_a_csrf_failure_on_a_public_form_shows_it_again_with_what_was_typed(party_content):
    from django.test import Client

    from party_site import antispam

    client = Client(enforce_csrf_checks=True)
    typed = "رسالة كتبتها قبل ساعات"
    response = client.post(
        "/feedback/",
        {"topic": "question", "message": typed, "name": "سارة", antispam.TOKEN_FIELD: "x"},
    )
    assert_designed(response, 403, "ar", "انتهت صلاحية هذا النموذج")
    content = response.content.decode()
    assert typed in content and 'value="سارة"' in content
    assert 'value="question" selected' in content
    assert 'name="csrfmiddlewaretoken"' in content  # a fresh token: sending again works
    from feedback.models import FeedbackMessage

    assert not FeedbackMessage.objects.exists()


def test_a_csrf_failure_on_the_join_form_keeps_the_date_and_declarations(party_content):
    from django.test import Client

    from tests.membership_data import post_data

    client = Client(enforce_csrf_checks=True)
    response = client.post("/en/join/", post_data())
    assert_designed(response, 403, "en", "This form had expired")
    content = response.content.decode()
    assert 'value="أحمد"' in content and 'value="1990"' in content
    assert 'name="declares_iraqi" required id="id_declares_iraqi" checked' in content or re.search(
        r'<input[^>]*name="declares_iraqi"[^>]*checked', content
    )


def test_a_csrf_failure_elsewhere_explains_and_keeps_no_secret(party_content, settings):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/{settings.ADMIN_URL}login/", {"username": "root", "password": "s3cret-typed"})
    assert_designed(response, 403, "ar", "انتهت صلاحية هذا النموذج")
    content = response.content.decode()
    assert "s3cret-typed" not in content and f'href="/{settings.ADMIN_URL}login/"' in content
