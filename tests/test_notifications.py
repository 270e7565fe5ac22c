"""E-mail about a submission is sent after it is saved, and a failure never loses it."""

import logging
import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command

from content.models import Page
from party_site.models import OutgoingEmail
from party_site.notifications import queue_email


@pytest.fixture
def submission(db):
    return Page.objects.create(key="privacy", title="خصوصية")


def test_email_is_sent_only_after_the_transaction_commits(submission, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        queue_email(submission, "test.ack", ["applicant@example.org"], "شكراً", "وصل طلبك.")
        assert len(mail.outbox) == 0
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["applicant@example.org"]
    email = OutgoingEmail.objects.get()
    assert email.status == OutgoingEmail.Status.SENT and email.sent_at is not None
    assert email.body == ""  # personal text is not kept once sent


def test_failure_is_recorded_without_personal_data_and_retried(submission, django_capture_on_commit_callbacks, caplog):
    failing = mock.patch("django.core.mail.EmailMessage.send", side_effect=smtplib.SMTPServerDisconnected("gone"))
    with failing, caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        queue_email(submission, "test.ack", ["applicant@example.org"], "شكراً", "مرحباً يا علي")
    email = OutgoingEmail.objects.get()
    assert email.status == OutgoingEmail.Status.FAILED and email.last_error == "SMTPServerDisconnected"
    assert email.body == "مرحباً يا علي"  # kept for the retry
    assert Page.objects.filter(pk=submission.pk).exists()
    assert "applicant@example.org" not in caplog.text and "علي" not in caplog.text
    assert f"E-mail {email.pk}" in caplog.text

    call_command("send_pending_emails")
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT and email.attempts == 2
    assert len(mail.outbox) == 1


def test_nothing_is_queued_without_an_address(submission):
    assert queue_email(submission, "test.ack", ["", None], "s", "b") is None
    assert OutgoingEmail.objects.count() == 0
