"""One way of telling people by e-mail about a submission, shared by membership and feedback.

`queue_email()` writes the message as an OutgoingEmail row inside the caller's transaction and
sends it only after that transaction commits, so e-mail can never cost a submission. A failure
is logged without personal data (the row's id and the error's class only) and stays visible to
staff as "not sent"; `manage.py send_pending_emails` retries.
"""

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from .models import OutgoingEmail

logger = logging.getLogger(__name__)


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
    transaction.on_commit(lambda: deliver(email.pk))
    return email


def deliver(email_id: int) -> bool:
    """Send one queued e-mail now; record the outcome. Never raises."""
    email = OutgoingEmail.objects.filter(pk=email_id).exclude(status=OutgoingEmail.Status.SENT).first()
    if email is None:
        return False
    email.attempts += 1
    try:
        EmailMessage(email.subject, email.body, settings.DEFAULT_FROM_EMAIL, email.to).send()
    except Exception as error:  # any transport failure: keep the row, tell staff, log no address
        email.status = OutgoingEmail.Status.FAILED
        email.last_error = type(error).__name__
        email.save(update_fields=["attempts", "status", "last_error"])
        logger.warning("E-mail %s (%s) was not sent: %s", email.pk, email.kind, type(error).__name__)
        return False
    email.status = OutgoingEmail.Status.SENT
    email.sent_at = timezone.now()
    email.body = ""  # no need to keep personal text once it has gone out
    email.last_error = ""
    email.save(update_fields=["attempts", "status", "sent_at", "body", "last_error"])
    return True


def deliver_pending() -> tuple[int, int]:
    """Retry everything not yet sent; return (sent, failed)."""
    sent = failed = 0
    pending = OutgoingEmail.objects.exclude(status=OutgoingEmail.Status.SENT).values_list("pk", flat=True)
    for email_id in list(pending):
        if deliver(email_id):
            sent += 1
        else:
            failed += 1
    return sent, failed
