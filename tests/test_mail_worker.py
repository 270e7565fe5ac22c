"""The mail worker: no visitor's request waits on SMTP; the worker sends, retries later, stops cleanly."""

import datetime
import os
import signal
import smtplib
import threading
import time
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.utils import timezone

from content.models import Page
from party_site import notifications
from party_site.models import OutgoingEmail
from party_site.notifications import queue_email
from tests.membership_data import post_data

Status = OutgoingEmail.Status


@pytest.fixture
def worker_mode(settings):
    settings.EMAIL_SEND_IMMEDIATELY = False
    settings.ANTISPAM_RATE_LIMIT = (1000, 3600)
    settings.SECRET_KEY = f"test-key-{time.time_ns()}"
    settings.MEMBERSHIP_NOTIFY_EMAILS = ["officers@party.example"]


@pytest.fixture
def submission(db):
    return Page.objects.create(key="privacy", title="خصوصية")


def queue(submission, **kwargs):
    with transaction.atomic():
        return queue_email(submission, "test.ack", ["applicant@example.org"], "شكراً", "وصل طلبك.", **kwargs)


def test_a_submission_waits_on_no_smtp_and_the_worker_sends_it(
    worker_mode, client, party_content, django_capture_on_commit_callbacks
):
    with (
        mock.patch("django.core.mail.EmailMessage.send") as send,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post("/join/", post_data())
    assert response.status_code == 302
    assert send.call_count == 0 and mail.outbox == []
    waiting = OutgoingEmail.objects.all()
    assert waiting.count() >= 1 and {email.status for email in waiting} == {Status.PENDING}

    call_command("mail_worker", "--once")
    assert len(mail.outbox) == waiting.count()
    assert {email.status for email in OutgoingEmail.objects.all()} == {Status.SENT}


def test_in_development_the_request_sends_it_after_commit(settings, submission, django_capture_on_commit_callbacks):
    settings.EMAIL_SEND_IMMEDIATELY = True
    with django_capture_on_commit_callbacks(execute=True):
        queue(submission)
    assert len(mail.outbox) == 1


def test_a_failure_stays_waiting_with_its_error_and_is_retried_later(worker_mode, submission):
    email = queue(submission)
    failing = mock.patch("django.core.mail.EmailMessage.send", side_effect=smtplib.SMTPServerDisconnected("gone"))
    with failing as send:
        call_command("mail_worker", "--once")
        call_command("mail_worker", "--once")  # too soon for a retry
    assert send.call_count == 1
    email.refresh_from_db()
    assert email.status == Status.FAILED and email.last_error == "SMTPServerDisconnected"
    assert email.attempts == 1 and email.body == "وصل طلبك."

    OutgoingEmail.objects.filter(pk=email.pk).update(claimed_at=timezone.now() - datetime.timedelta(seconds=61))
    call_command("mail_worker", "--once")
    email.refresh_from_db()
    assert email.status == Status.SENT and email.attempts == 2 and len(mail.outbox) == 1


def test_retry_delays_grow_and_stay_within_an_hour():
    delays = [notifications.retry_delay(n) for n in range(1, notifications.MAX_ATTEMPTS)]
    assert delays == sorted(delays) and delays[0] == datetime.timedelta(minutes=1)
    assert max(delays) == datetime.timedelta(hours=1)


def test_sigterm_stops_the_worker_after_the_email_in_hand(worker_mode, submission):
    first, second = queue(submission), queue(submission)
    before = signal.getsignal(signal.SIGTERM)

    def send_then_terminate(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGTERM)
        return 1

    with mock.patch("django.core.mail.EmailMessage.send", side_effect=send_then_terminate) as send:
        call_command("mail_worker", "--poll", "0.05")  # returns instead of looping forever
    assert send.call_count == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Status.SENT and second.status == Status.PENDING  # nothing lost
    assert signal.getsignal(signal.SIGTERM) == before


def test_a_running_worker_sends_within_seconds(worker_mode, submission):
    stop = threading.Timer(1.5, os.kill, (os.getpid(), signal.SIGTERM))
    email = queue(submission)
    stop.start()
    started = time.monotonic()
    call_command("mail_worker", "--poll", "0.1")
    stop.cancel()
    assert time.monotonic() - started < 5
    email.refresh_from_db()
    assert email.status == Status.SENT


@pytest.mark.django_db(transaction=True)
def test_two_workers_never_take_the_same_row(worker_mode):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL (CI runs this with DATABASE_URL)")
    page = Page.objects.create(key="privacy", title="خصوصية")
    first, second = queue(page), queue(page)
    locked, release = threading.Event(), threading.Event()

    def other_worker():  # holds the first row, as a worker in its claim would
        try:
            with transaction.atomic():
                OutgoingEmail.objects.select_for_update().get(pk=first.pk)
                locked.set()
                release.wait(10)
        finally:
            connections.close_all()

    thread = threading.Thread(target=other_worker)
    thread.start()
    try:
        assert locked.wait(10)
        taken = notifications.claim_next()  # does not wait for the lock: takes the next row
        assert taken is not None and taken.pk == second.pk
        assert notifications.claim_next() is None
    finally:
        release.set()
        thread.join()
