"""/healthz: 200 when the database and Redis answer, 503 otherwise; light, uncached, cookie-free."""

from unittest import mock

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def assert_bare(response):
    assert not response.cookies
    assert "no-store" in response["Cache-Control"] and "Vary" not in response
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert len(response.content) < 20


def test_healthy(client, settings):
    settings.SECURE_SSL_REDIRECT = True  # as in production: still no redirect
    response = client.get("/healthz", HTTP_HOST="10.0.0.5:8000")  # a balancer probes by address
    assert response.status_code == 200 and response.content == b"ok\n"
    assert_bare(response)
    assert client.head("/healthz").status_code == 200


def test_database_down(client, caplog):
    failing = mock.patch(
        "django.db.backends.utils.CursorWrapper.execute",
        side_effect=OperationalError('connection to server at "10.1.2.3" failed: password for "party"'),
    )
    with failing:
        response = client.get("/healthz")
    assert response.status_code == 503 and response.content == b"unavailable\n"
    assert_bare(response)
    assert "OperationalError" in caplog.text and "10.1.2.3" not in caplog.text


def test_redis_down(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    response = client.get("/healthz")
    assert response.status_code == 503 and response.content == b"unavailable\n"
    assert_bare(response)


def test_only_the_exact_path(client):
    assert client.get("/en/healthz").status_code == 404
