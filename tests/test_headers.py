"""Security headers on every kind of response: pages, 404, 500, admin, static files and uploads."""

from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper

DENIED = ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()")


def assert_security_headers(response):
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    policy = response["Permissions-Policy"]
    assert all(feature in policy for feature in DENIED), policy
    assert "publickey-credentials" not in policy  # passkeys in the admin
    assert response["Referrer-Policy"] in (
        "same-origin",
        "no-referrer",
        "strict-origin",
        "strict-origin-when-cross-origin",
    )
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_page(client, party_content):
    response = client.get("/")
    assert response.status_code == 200
    assert_security_headers(response)


def test_a_page_served_from_the_page_cache(client, party_content):
    client.get("/en/")
    response = client.get("/en/")
    assert response.get("X-Page-Cache") == "hit"
    assert_security_headers(response)


def test_the_404(client, party_content):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert_security_headers(response)


def test_the_500(client, party_content):
    client.raise_request_exception = False
    with mock.patch.object(BaseDatabaseWrapper, "cursor", side_effect=OperationalError("down")):
        response = client.get("/en/")
    assert response.status_code == 500
    assert_security_headers(response)


def test_the_admin(client, settings):
    response = client.get(f"/{settings.ADMIN_URL}login/")
    assert response.status_code == 200
    assert_security_headers(response)


def test_a_static_file(client):
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert_security_headers(response)


@pytest.fixture
def uploads_served(settings):
    """Uploads as `make run` serves them (party_site/urls.py adds the view when DEBUG is on)."""
    from django.conf.urls.static import static
    from django.urls import clear_url_caches

    import party_site.urls

    settings.DEBUG = True
    patterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
    settings.DEBUG = False
    with mock.patch.object(party_site.urls, "urlpatterns", party_site.urls.urlpatterns + patterns):
        clear_url_caches()
        yield
    clear_url_caches()


@pytest.mark.parametrize(
    "name,content,inline",
    [("photo.png", b"\x89PNG\r\n\x1a\n", True), ("report.pdf", b"%PDF-1.4\n", False), ("page.html", b"<p>x", False)],
)
def test_an_upload(client, uploads_served, name, content, inline):
    stored = default_storage.save(f"headers-test/{name}", ContentFile(content))
    response = client.get(f"/uploads/{stored}")
    assert response.status_code == 200
    assert_security_headers(response)
    assert (response.get("Content-Disposition") == "attachment") is not inline
