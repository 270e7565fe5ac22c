"""E-mail about a submission is sent after it is saved, and a failure never loses it."""

import datetime
import logging
import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from content.models import Page
from party_site import notifications
from party_site.models import OutgoingEmail
from party_site.notifications import deliver, deliver_pending, queue_email


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


def test_an_email_is_sent_once_when_the_after_commit_send_and_the_cron_run_race(
    submission, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        email = queue_email(submission, "test.ack", ["applicant@example.org"], "شكراً", "وصل طلبك.")
    claimed = notifications.claim(email.pk)  # the after-commit send has taken the row and is talking to SMTP…
    assert claimed is not None and claimed.status == OutgoingEmail.Status.SENDING
    assert deliver_pending() == (0, 0)  # …so cron leaves it alone
    for callback in callbacks:
        callback()  # a second after-commit send (or the same one again) gets nothing either
    assert mail.outbox == []
    assert deliver(email.pk) is None


def test_a_row_abandoned_mid_send_is_retried_after_15_minutes(submission, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        email = queue_email(submission, "test.ack", ["applicant@example.org"], "شكراً", "وصل طلبك.")
    notifications.claim(email.pk)  # the worker died here
    OutgoingEmail.objects.filter(pk=email.pk).update(claimed_at=timezone.now() - datetime.timedelta(minutes=14))
    assert deliver_pending() == (0, 0)
    OutgoingEmail.objects.filter(pk=email.pk).update(claimed_at=timezone.now() - datetime.timedelta(minutes=16))
    assert deliver_pending() == (1, 0)
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT and email.attempts == 2 and len(mail.outbox) == 1


def test_retries_stop_after_the_last_attempt(submission, django_capture_on_commit_callbacks):
    failing = mock.patch("django.core.mail.EmailMessage.send", side_effect=smtplib.SMTPServerDisconnected("gone"))
    with failing as send, django_capture_on_commit_callbacks(execute=True):
        email = queue_email(submission, "test.ack", ["applicant@example.org"], "شكراً", "وصل طلبك.")
        for _ in range(notifications.MAX_ATTEMPTS + 3):
            call_command("send_pending_emails")
    assert send.call_count == notifications.MAX_ATTEMPTS
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED and email.attempts == notifications.MAX_ATTEMPTS
