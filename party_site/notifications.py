"""One way of telling people by e-mail about a submission, shared by membership and feedback.

`queue_email()` writes the message as an OutgoingEmail row inside the caller's transaction, so
e-mail can never cost a submission. In production no request waits on SMTP: the mail worker
(`manage.py mail_worker`) picks the row up within a second or two of the commit. In development
(`EMAIL_SEND_IMMEDIATELY`, on with DJANGO_DEBUG) the request sends it itself after the commit, so
`make run` shows mail on the console with no worker. A failure is logged without personal data
(the row's id and the error's class only), stays visible to staff as "not sent", and is retried by
the worker after a growing delay (`retry_delay`), or at once by `manage.py send_pending_emails`,
up to MAX_ATTEMPTS in all.

Each e-mail is sent once: a sender first claims the row with a conditional UPDATE (to "sending")
and sends only if that UPDATE changed the row, so the after-commit send and a cron run at the same
moment cannot both send it. A claim left behind by a process that died is retried after
CLAIM_TIMEOUT. Workers take rows with SELECT … FOR UPDATE SKIP LOCKED on PostgreSQL, so two workers
share the queue without waiting on each other (SQLite serialises writers anyway).
"""

import datetime
import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from .models import OutgoingEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10  # then the row stays "not sent" for staff to see; no more retries
CLAIM_TIMEOUT = datetime.timedelta(minutes=15)  # a "sending" row older than this was abandoned


def queue_email(about, kind: str, to: list[str], subject: str, body: str) -> OutgoingEmail | None:
    """Record an e-mail about `about` (a saved model instance) and send it after commit."""
    recipients = [address for address in to if address]
    if not recipients:
        return None
    email = OutgoingEmail.objects.create(
        content_type=ContentType.objects.get_for_model(about),
        object_id=about.pk,
        kind=kind,
        to=recipients,
        subject=subject,
        body=body,
    )
    if settings.EMAIL_SEND_IMMEDIATELY:
        transaction.on_commit(lambda: deliver(email.pk))
    return email


def retry_delay(attempts: int) -> datetime.timedelta:
    """How long the worker waits after a failed attempt before the next: 1, 2, 4 … 60 minutes, so
    MAX_ATTEMPTS cover an SMTP outage of about four hours."""
    return datetime.timedelta(minutes=min(2 ** (attempts - 1), 60))


def claimable(now=None, backoff=False):
    """Rows a sender may take now: waiting, failed with attempts left, or abandoned mid-send.
    With `backoff` (the worker), a failed row only once its retry_delay has passed."""
    now = now or timezone.now()
    Status = OutgoingEmail.Status
    if backoff:
        failed = Q(status=Status.FAILED) & _any(
            Q(attempts=n, claimed_at__lt=now - retry_delay(n)) for n in range(1, MAX_ATTEMPTS)
        )
    else:
        failed = Q(status=Status.FAILED)
    return OutgoingEmail.objects.filter(attempts__lt=MAX_ATTEMPTS).filter(
        Q(status=Status.PENDING) | failed | Q(status=Status.SENDING, claimed_at__lt=now - CLAIM_TIMEOUT)
    )


def _any(conditions):
    combined = Q(pk__in=[])
    for condition in conditions:
        combined |= condition
    return combined


def claim(email_id: int) -> OutgoingEmail | None:
    """Take one e-mail for sending, atomically: only one process gets the row."""
    now = timezone.now()
    taken = (
        claimable(now)
        .filter(pk=email_id)
        .update(status=OutgoingEmail.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    )
    return OutgoingEmail.objects.get(pk=email_id) if taken == 1 else None


def claim_next() -> OutgoingEmail | None:
    """For the worker: take the oldest e-mail that may be sent now, skipping rows another worker
    holds; None when there is nothing to do."""
    now = timezone.now()
    with transaction.atomic():
        email_id = (
            claimable(now, backoff=True)
            .order_by("pk")
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)
            .first()
        )
        if email_id is None:
            return None
        taken = (
            claimable(now, backoff=True)
            .filter(pk=email_id)
            .update(status=OutgoingEmail.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1)
        )
    return OutgoingEmail.objects.get(pk=email_id) if taken == 1 else None


def deliver(email_id: int) -> bool | None:
    """Send one queued e-mail now if no one else is sending it; record the outcome. Never raises.
    True: sent; False: failed; None: not ours to send (sent, being sent, or out of attempts)."""
    email = claim(email_id)
    if email is None:
        return None
    return send_claimed(email)


def send_claimed(email: OutgoingEmail) -> bool:
    """Send an e-mail this process has claimed and record the outcome (True: sent). Never raises."""
    try:
        EmailMessage(email.subject, email.body, settings.DEFAULT_FROM_EMAIL, email.to).send()
    except Exception as error:  # any transport failure: keep the row, tell staff, log no address
        email.status = OutgoingEmail.Status.FAILED
        email.last_error = type(error).__name__
        email.save(update_fields=["status", "last_error"])
        logger.warning(
            "E-mail %s (%s) was not sent (attempt %s of %s): %s",
            email.pk,
            email.kind,
            email.attempts,
            MAX_ATTEMPTS,
            type(error).__name__,
        )
        return False
    email.status = OutgoingEmail.Status.SENT
    email.sent_at = timezone.now()
    email.body = ""  # no need to keep personal text once it has gone out
    email.last_error = ""
    email.save(update_fields=["status", "sent_at", "body", "last_error"])
    return True


def deliver_pending() -> tuple[int, int]:
    """Retry everything that may be sent now; return (sent, failed)."""
    sent = failed = 0
    for email_id in list(claimable().order_by("pk").values_list("pk", flat=True)):
        outcome = deliver(email_id)
        if outcome is True:
            sent += 1
        elif outcome is False:
            failed += 1
    return sent, failed
