"""The one workflow of the public side: receiving a feedback message."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from party_site.notifications import queue_email

from .models import FeedbackMessage

NOTIFICATION_KIND = "feedback.new"


@transaction.atomic
def receive_feedback(data: dict, language: str = "") -> FeedbackMessage:
    """Store a message and queue the staff notification in the same transaction.

    The e-mail goes out only after the message is committed, and a failure to send it is
    recorded on the message (see party_site/notifications.py): nothing valid is ever lost.
    The notification names the topic and links to the admin; it carries none of the sender's
    words or details, which stay behind the admin login.
    """
    message = FeedbackMessage.objects.create(language=language, **data)
    with translation.override(settings.LANGUAGE_CODE):
        link = settings.SITE_URL.rstrip("/") + reverse("admin:feedback_feedbackmessage_change", args=[message.pk])
        subject = gettext("New feedback message (%(topic)s)") % {"topic": message.get_topic_display()}
        body = gettext(
            "A new message has arrived through the website's feedback form.\n\n"
            "Topic: %(topic)s\n"
            "Read it and reply in the site management:\n%(link)s\n"
        ) % {"topic": message.get_topic_display(), "link": link}
    queue_email(message, NOTIFICATION_KIND, settings.FEEDBACK_NOTIFY_EMAILS, subject, body)
    return message
