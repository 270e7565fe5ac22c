"""Feedback is not kept for ever: archived and spam messages are purged, and a person's messages
are erased with their applications on request, leaving no note, e-mail or admin log entry."""

import datetime

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from feedback.models import FeedbackMessage, FeedbackNote
from membership.models import Application
from party_site.models import OutgoingEmail
from tests.membership_data import make_application


@pytest.fixture
def settings_for_retention(settings):
    settings.FEEDBACK_RETENTION_DAYS = 365
    settings.FEEDBACK_SPAM_RETENTION_DAYS = 30


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


def test_purge_deletes_old_archived_and_spam_with_every_trace(superuser, settings_for_retention, capsys):
    old_archived = message("archived", 400, superuser)
    old_spam = message("spam", 31, superuser)
    recent_archived = message("archived", 300)
    recent_spam = message("spam", 10)
    old_answered = message("answered", 1000)
    old_new = message("new", 1000)
    assert traces(old_archived.pk) == (1, 1, 1, 1)

    call_command("purge_feedback", "--dry-run")
    assert "1 archived" in capsys.readouterr().out and FeedbackMessage.objects.count() == 6

    call_command("purge_feedback")
    assert traces(old_archived.pk) == (0, 0, 0, 0)
    assert traces(old_spam.pk) == (0, 0, 0, 0)
    assert set(FeedbackMessage.objects.values_list("pk", flat=True)) == {
        recent_archived.pk,
        recent_spam.pk,
        old_answered.pk,
        old_new.pk,
    }
    output = capsys.readouterr().out
    assert "Deleted 1 archived" in output and "1 spam" in output and "علي" not in output

    call_command("purge_feedback", "--days", "0", "--spam-days", "0")
    assert set(FeedbackMessage.objects.values_list("pk", flat=True)) == {old_answered.pk, old_new.pk}


def test_purge_refuses_negative_days(db):
    with pytest.raises(CommandError):
        call_command("purge_feedback", "--days", "-1")


def test_erase_by_phone_removes_the_persons_applications_and_feedback(superuser, capsys):
    application = make_application(phone="+9647501112233")
    theirs = message("answered", 0, superuser, phone="+9647501112233")
    other = message("new", 0, phone="+9647709998877")
    call_command("erase_applicant", "--phone", "0750 111 2233", "--dry-run")
    assert "1 application(s) and 1 feedback message(s)" in capsys.readouterr().out
    call_command("erase_applicant", "--phone", "0750 111 2233")
    assert not Application.objects.filter(pk=application.pk).exists()
    assert traces(theirs.pk) == (0, 0, 0, 0)
    assert FeedbackMessage.objects.filter(pk=other.pk).exists()
    assert "7501112233" not in capsys.readouterr().out


def test_erase_by_email_ignores_case_and_covers_feedback_only_senders(superuser):
    theirs = message("new", 0, superuser, email="Sara.Person@Example.org")
    application = make_application(email="sara.person@example.org")
    keep = message("new", 0, email="someone@example.org")
    call_command("erase_applicant", "--email", "SARA.person@example.org")
    assert traces(theirs.pk) == (0, 0, 0, 0)
    assert not Application.objects.filter(pk=application.pk).exists()
    assert FeedbackMessage.objects.filter(pk=keep.pk).exists()


def test_erase_needs_exactly_one_way_of_finding_the_person(db):
    with pytest.raises(CommandError):
        call_command("erase_applicant", "--phone", "0750 111 2233", "--email", "a@example.org")
    with pytest.raises(CommandError):
        call_command("erase_applicant", "--email", "nobody@example.org")
