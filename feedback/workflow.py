"""The feedback workflow: receiving a message from the public form, in one function."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from party_site.notifications import queue_email
from party_site.submissions import create_once

from .models import FeedbackMessage

NOTIFICATION_KIND = "feedback.new"


@transaction.atomic
def receive_feedback(data: dict, language: str = "", submission_key: str | None = None) -> FeedbackMessage:
    """Store a message and queue the staff notification in the same transaction.

    The e-mail goes out only after the message is committed, and a failure to send it is
    recorded on the message (see party_site/notifications.py): nothing valid is ever lost.
    The notification names the topic and links to the admin; it carries none of the sender's
    words or details, which stay behind the admin login. The same form page (`submission_key`)
    sent twice is stored once.
    """
    message, created = create_once(FeedbackMessage, submission_key, language=language, **data)
    if not created:  # the same form page sent again: the first message stands, told once
        return message
    with translation.override(settings.LANGUAGE_CODE):
        link = settings.SITE_URL.rstrip("/") + reverse("admin:feedback_feedbackmessage_change", args=[message.pk])
        context = {"message": message, "link": link}
        subject = render_to_string("feedback/email/new_message_subject.txt", context).strip()
        body = render_to_string("feedback/email/new_message.txt", context)
    queue_email(message, NOTIFICATION_KIND, settings.FEEDBACK_NOTIFY_EMAILS, subject, body)
    return message
