"""manage.py erase_applicant: a person's applications and feedback messages go on their request,
with every row that mentions them (history, notes, e-mails, admin log entries)."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from feedback.models import FeedbackMessage
from membership.models import Application
from tests.feedback_data import message, traces
from tests.membership_data import make_application


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
