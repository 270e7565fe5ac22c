"""Feedback is not kept for ever: archived and spam messages are purged (manage.py purge_feedback),
leaving no note, e-mail or admin log entry."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from feedback.models import FeedbackMessage
from tests.feedback_data import message, traces


@pytest.fixture
def settings_for_retention(settings):
    settings.FEEDBACK_RETENTION_DAYS = 365
    settings.FEEDBACK_SPAM_RETENTION_DAYS = 30


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
