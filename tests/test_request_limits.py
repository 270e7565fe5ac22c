"""Requests sized to their purpose: the public forms take a few kilobytes of text and no files."""

import re
import time
from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from feedback.models import FeedbackMessage
from membership.models import Application
from party_site import antispam
from tests.membership_data import post_data


@pytest.fixture(autouse=True)
def form_settings(settings):
    settings.ANTISPAM_MIN_SECONDS = 3
    settings.ANTISPAM_RATE_LIMIT = (1000, 3600)
    settings.SECRET_KEY = f"test-key-{time.time_ns()}"


@pytest.mark.parametrize("url", ["/join/", "/en/feedback/", "/ckb/join/", "/search/"])
def test_a_public_form_refuses_a_file_part_with_the_designed_400(client, party_content, url):
    upload = SimpleUploadedFile("big.bin", b"\0" * 20_000, content_type="application/octet-stream")
    response = client.post(url, {**post_data(), "message": "x", "attachment": upload})  # multipart
    assert response.status_code == 400
    assert re.search(r'<html lang="(ar|en|ckb)"', response.content.decode())
    assert not Application.objects.exists() and not FeedbackMessage.objects.exists()


def test_a_body_over_the_public_limit_gets_the_designed_413(client, party_content, settings):
    response = client.post("/en/join/", post_data(motivation="ب" * (settings.PUBLIC_REQUEST_MAX_BYTES // 2)))
    assert response.status_code == 413 and "What you sent is too large" in response.content.decode()
    assert not Application.objects.exists()


def test_the_longest_valid_feedback_in_arabic_emoji_fits_the_limit(client, party_content):
    from feedback.models import MESSAGE_MAX_LENGTH

    token = antispam.new_token("feedback", issued=time.time() - 10)
    message = "😀" * (MESSAGE_MAX_LENGTH // 2)  # two UTF-16 units each: what a textarea counts
    data = {"topic": "suggestion", "message": "ب" * (MESSAGE_MAX_LENGTH - len(message)) + message}
    body = urlencode({**data, "name": "سارة", antispam.TOKEN_FIELD: token})  # as a browser sends it
    assert len(body) > 20_000
    response = client.post("/feedback/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 302 and FeedbackMessage.objects.count() == 1


def test_the_admin_keeps_its_own_limits(client, party_content, settings):
    upload = SimpleUploadedFile("photo.jpg", b"\xff\xd8" + b"\0" * (settings.PUBLIC_REQUEST_MAX_BYTES * 2))
    response = client.post(f"/{settings.ADMIN_URL}login/", {"username": "x", "password": "y", "file": upload})
    assert response.status_code == 200  # the login form again, not a refusal of the body
