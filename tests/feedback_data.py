"""Feedback messages for tests, with every kind of row that can mention them."""

import datetime

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from feedback.models import FeedbackMessage, FeedbackNote
from party_site.models import OutgoingEmail


def message(status="new", days_ago=0, superuser=None, **fields):
    msg = FeedbackMessage.objects.create(topic="complaint", message="شكوى من علي", status=status, **fields)
    FeedbackMessage.objects.filter(pk=msg.pk).update(updated_at=timezone.now() - datetime.timedelta(days=days_ago))
    if superuser is not None:
        FeedbackNote.objects.create(message=msg, author=superuser, text="اتصلنا به")
        OutgoingEmail.objects.create(
            content_type=ContentType.objects.get_for_model(FeedbackMessage),
            object_id=msg.pk,
            kind="feedback.new",
            to=["team@party.example"],
            subject="s",
            body="b",
        )
        LogEntry.objects.log_actions(superuser.pk, [msg], CHANGE, change_message="marked", single_object=True)
    return msg


def traces(pk):
    content_type = ContentType.objects.get_for_model(FeedbackMessage)
    return (
        FeedbackMessage.objects.filter(pk=pk).count(),
        FeedbackNote.objects.filter(message_id=pk).count(),
        OutgoingEmail.objects.filter(content_type=content_type, object_id=pk).count(),
        LogEntry.objects.filter(content_type=content_type, object_id=str(pk)).count(),
    )
