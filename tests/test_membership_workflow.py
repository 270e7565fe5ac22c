"""The officers' workflow: statuses, history, member numbers, decision e-mails, purge and erase."""

import datetime
import threading
from unittest import mock

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection
from django.utils import timezone

from membership.models import Application, MemberNumberCounter, Status, StatusChange
from membership.workflow import (
    TransitionNotAllowed,
    accept_application,
    change_status,
    reject_application,
    start_review,
    submit_application,
    withdraw_application,
)
from party_site.erasure import erase_with_admin_log
from party_site.models import OutgoingEmail
from tests.membership_data import make_application, model_data


@pytest.fixture
def officer(django_user_model, db):
    return django_user_model.objects.create_user("officer", password="pw-officer-1", is_staff=True)


@pytest.fixture(autouse=True)
def notify(settings):
    settings.MEMBERSHIP_NOTIFY_EMAILS = ["officers@party.example"]


def test_the_workflow_records_who_when_and_why(officer, django_capture_on_commit_callbacks):
    application = make_application()
    with django_capture_on_commit_callbacks(execute=True):
        start_review(application, officer, "الوثائق كاملة")
        application = accept_application(application, officer)
    assert application.status == Status.ACCEPTED and application.member_number == 1
    assert application.decided_at is not None
    steps = list(application.history.values_list("from_status", "to_status", "changed_by__username", "note"))
    assert steps == [
        ("", "new", None, ""),
        ("new", "under-review", "officer", "الوثائق كاملة"),
        ("under-review", "accepted", "officer", ""),
    ]
    assert all(change.changed_at for change in application.history.all())
    decisions = [m for m in mail.outbox if m.to == ["ahmed@example.org"] and "رقم عضويتك" in m.body]
    assert len(decisions) == 1 and "رقم عضويتك: 1." in decisions[0].body  # in the language they applied in
    assert application.emails.filter(kind="membership.accepted").exists()


def test_rejection_tells_the_applicant_and_withdrawal_does_not(officer, django_capture_on_commit_callbacks):
    rejected, withdrawn = make_application(), make_application()
    with django_capture_on_commit_callbacks(execute=True):
        reject_application(start_review(rejected, officer), officer, "لا يستوفي الشروط")
        withdraw_application(withdrawn, officer)
    assert rejected.emails.filter(kind="membership.rejected").count() == 1
    assert not withdrawn.emails.exclude(kind__in=["membership.acknowledgement", "membership.new_application"]).exists()
    rejected.refresh_from_db()
    assert rejected.member_number is None and rejected.status == Status.REJECTED


def test_no_decision_email_without_an_address(officer):
    application = make_application(email="")
    accept_application(start_review(application, officer), officer)
    assert not application.emails.exclude(kind="membership.new_application").exists()


@pytest.mark.parametrize(
    "steps",
    [
        [accept_application],  # accepting needs a review first
        [reject_application],
        [start_review, accept_application, reject_application],
        [withdraw_application, start_review],
    ],
)
def test_steps_out_of_order_are_refused(officer, steps):
    application = make_application()
    *allowed, refused = steps
    for step in allowed:
        application = step(application, officer)
    before = application.history.count()
    with pytest.raises(TransitionNotAllowed):
        refused(application, officer)
    assert application.history.count() == before


def test_member_numbers_follow_each_other(officer):
    numbers = [accept_application(start_review(make_application(), officer), officer).member_number for _ in range(3)]
    assert numbers == [1, 2, 3]


def _accept_in_thread(application_id, user_id, barrier, results):
    from django.contrib.auth import get_user_model
    from django.db import connections

    try:
        officer = get_user_model().objects.get(pk=user_id)
        application = Application.objects.get(pk=application_id)
        barrier.wait()
        try:
            results.append(accept_application(application, officer).member_number)
        except TransitionNotAllowed:
            results.append("refused")
    finally:
        connections.close_all()


def _accept_at_once(pairs):
    barrier = threading.Barrier(len(pairs))
    results = []
    threads = [threading.Thread(target=_accept_in_thread, args=(a, u, barrier, results)) for a, u in pairs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.django_db(transaction=True)
def test_member_numbers_are_unique_when_officers_accept_at_the_same_moment(django_user_model):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent transactions need PostgreSQL (CI runs this with DATABASE_URL)")
    officers = [django_user_model.objects.create_user(f"officer{n}", is_staff=True) for n in range(12)]
    applications = [start_review(make_application(), officers[0]) for _ in range(12)]
    results = _accept_at_once([(a.pk, o.pk) for a, o in zip(applications, officers, strict=True)])
    assert sorted(results) == list(range(1, 13))
    assert sorted(Application.objects.values_list("member_number", flat=True)) == list(range(1, 13))

    # Two officers accepting the same application: one number is given, the other officer is told.
    same = start_review(make_application(), officers[0])
    results = _accept_at_once([(same.pk, officers[1].pk), (same.pk, officers[2].pk)])
    assert sorted(results, key=str) == [13, "refused"]
    assert StatusChange.objects.filter(application=same, to_status=Status.ACCEPTED).count() == 1


# --- retention: purge and erase leave no copy


def _decided_days_ago(application, days):
    Application.objects.filter(pk=application.pk).update(decided_at=timezone.now() - datetime.timedelta(days=days))


def _traces(application_id):
    content_type = ContentType.objects.get_for_model(Application)
    return (
        Application.objects.filter(pk=application_id).count(),
        StatusChange.objects.filter(application_id=application_id).count(),
        OutgoingEmail.objects.filter(content_type=content_type, object_id=application_id).count(),
        LogEntry.objects.filter(content_type=content_type, object_id=str(application_id)).count(),
    )


def _log_admin_change(application, user):
    LogEntry.objects.log_actions(user.pk, [application], CHANGE, change_message="[]", single_object=True)


def test_purge_deletes_old_rejected_and_withdrawn_with_every_trace(officer, settings, capsys):
    settings.MEMBERSHIP_RETENTION_DAYS = 30
    old_rejected = reject_application(start_review(make_application(), officer), officer)
    old_withdrawn = withdraw_application(make_application(), officer)
    recent_rejected = reject_application(start_review(make_application(), officer), officer)
    old_accepted = accept_application(start_review(make_application(), officer), officer)
    waiting = make_application()
    for application in (old_rejected, old_withdrawn, old_accepted):
        _decided_days_ago(application, 31)
        _log_admin_change(application, officer)
    _decided_days_ago(recent_rejected, 29)

    call_command("purge_applications", "--dry-run")
    assert "2 application(s)" in capsys.readouterr().out
    assert Application.objects.count() == 5

    call_command("purge_applications")
    assert _traces(old_rejected.pk) == (0, 0, 0, 0)
    assert _traces(old_withdrawn.pk) == (0, 0, 0, 0)
    assert set(Application.objects.values_list("pk", flat=True)) == {recent_rejected.pk, old_accepted.pk, waiting.pk}
    output = capsys.readouterr().out
    assert "Deleted 2" in output and "أحمد" not in output

    call_command("purge_applications", "--days", "0")
    assert not Application.objects.filter(pk=recent_rejected.pk).exists()


def test_erase_by_reference_or_phone_leaves_no_copy(officer, capsys):
    application = accept_application(start_review(make_application(), officer), officer)
    _log_admin_change(application, officer)
    assert all(_traces(application.pk))
    keep = make_application()

    call_command("erase_applicant", "--reference", application.display_reference, "--dry-run")
    assert Application.objects.filter(pk=application.pk).exists()
    call_command("erase_applicant", "--reference", application.display_reference)
    assert _traces(application.pk) == (0, 0, 0, 0)
    assert Application.objects.filter(pk=keep.pk).exists()

    twice = [make_application(phone="+9647501112233") for _ in range(2)]
    call_command("erase_applicant", "--phone", "٠٧٥٠ ١١١ ٢٢٣٣")
    assert not Application.objects.filter(pk__in=[a.pk for a in twice]).exists()
    assert "7501112233" not in capsys.readouterr().out


def test_erase_refuses_unclear_requests(db):
    with pytest.raises(CommandError):
        call_command("erase_applicant")
    with pytest.raises(CommandError):
        call_command("erase_applicant", "--reference", "000-000-000")
    with pytest.raises(CommandError):
        call_command("erase_applicant", "--phone", "12345")


def test_erase_application_removes_sent_email_rows_too(officer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        application = make_application()
    assert application.emails.filter(status=OutgoingEmail.Status.SENT).count() == 2
    erase_with_admin_log(application)
    assert OutgoingEmail.objects.count() == 0


# --- decision dates, references, the admin's step by name


def _stored_decided_at(application):
    return Application.objects.values_list("decided_at", flat=True).get(pk=application.pk)


@pytest.mark.parametrize(
    "steps",
    [
        [start_review, accept_application],
        [start_review, reject_application],
        [withdraw_application],
        [start_review, withdraw_application],
    ],
    ids=["accepted", "rejected", "withdrawn", "withdrawn-under-review"],
)
def test_a_decision_stores_its_date(officer, steps):
    """The purge counts retention from decided_at: it must be in the database, not only on the object."""
    application = make_application()
    before = timezone.now()
    for step in steps:
        application = step(application, officer)
    stored = _stored_decided_at(application)
    assert stored is not None and before <= stored <= timezone.now()


def test_an_application_waiting_or_under_review_has_no_decision_date(officer):
    application = make_application()
    assert _stored_decided_at(application) is None
    start_review(application, officer)
    assert _stored_decided_at(application) is None
    assert Application.objects.get(pk=application.pk).status == Status.UNDER_REVIEW


def test_the_admins_decision_menu_takes_the_step_of_that_name(officer, django_capture_on_commit_callbacks):
    accepted, rejected, withdrawn = make_application(), make_application(), make_application()
    with django_capture_on_commit_callbacks(execute=True):
        for application in (accepted, rejected):
            change_status(application, officer, Status.UNDER_REVIEW, "ملاحظة")
        change_status(accepted, officer, Status.ACCEPTED)
        change_status(rejected, officer, Status.REJECTED)
        change_status(withdrawn, officer, Status.WITHDRAWN)
    stored = {a.pk: (a.status, a.member_number) for a in Application.objects.all()}
    assert stored[accepted.pk] == (Status.ACCEPTED, 1)
    assert stored[rejected.pk] == (Status.REJECTED, None)
    assert stored[withdrawn.pk] == (Status.WITHDRAWN, None)
    assert rejected.emails.filter(kind="membership.rejected").count() == 1
    assert accepted.emails.filter(kind="membership.accepted").count() == 1
    assert accepted.history.get(to_status=Status.UNDER_REVIEW).note == "ملاحظة"


def test_a_reference_that_is_taken_is_drawn_again(db):
    taken = make_application().reference
    with mock.patch("membership.workflow.new_reference", side_effect=[taken, taken, "123456789"]) as drawn:
        application = make_application()
    assert application.reference == "123456789" and drawn.call_count == 3


def test_no_free_reference_after_five_draws_fails_loudly_and_saves_nothing(db):
    taken = make_application().reference
    count = Application.objects.count()
    with (
        mock.patch("membership.workflow.new_reference", return_value=taken) as drawn,
        pytest.raises(IntegrityError, match="No free reference after 5 attempts"),
    ):
        make_application()
    assert drawn.call_count == 5
    assert Application.objects.count() == count and StatusChange.objects.count() == count


def test_an_integrity_error_that_is_not_a_reference_clash_is_not_retried(db, officer):
    accepted = accept_application(start_review(make_application(), officer), officer)
    with (
        mock.patch("membership.workflow.new_reference", side_effect=["111111111", "222222222"]) as drawn,
        pytest.raises(IntegrityError),
    ):
        submit_application(model_data(phone="+9647809999999", member_number=accepted.member_number))
    assert drawn.call_count == 1


def test_member_numbers_continue_from_the_stored_counter(officer):
    """One counter row holds the last number given (say, the last of the paper register)."""
    MemberNumberCounter.objects.create(pk=1, last_number=41)
    assert accept_application(start_review(make_application(), officer), officer).member_number == 42
    assert MemberNumberCounter.objects.get().last_number == 42


@pytest.mark.parametrize("language,subject", [("en", "Welcome to the"), ("ar", "أهلاً بك في"), ("", "أهلاً بك في")])
def test_the_decision_email_is_in_the_language_applied_in(
    officer, django_capture_on_commit_callbacks, language, subject
):
    application = make_application()
    Application.objects.filter(pk=application.pk).update(language=language)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        accept_application(start_review(application, officer), officer)
    (decision,) = [m for m in mail.outbox if m.to == ["ahmed@example.org"]]
    assert decision.subject.startswith(subject)
