"""What membership officers, exporters and content editors can do with applications in the admin."""

import csv
import datetime
import io
from unittest import mock

import pytest
from django.contrib.auth.models import Group

from membership.models import Application, ApplicationExport, Status
from membership.roles import MEMBERSHIP_EXPORTERS, MEMBERSHIP_OFFICERS
from membership.workflow import start_review
from tests.helpers import sign_in
from tests.membership_data import make_application, today, years_before

CHANGELIST = "/admin/membership/application/"


def change_url(application):
    return f"{CHANGELIST}{application.pk}/change/"


def user_in(django_user_model, name, *groups):
    user = django_user_model.objects.create_user(name, password=f"pw-{name}-1", is_staff=True)
    for group in groups:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def officer(roles, django_user_model):
    return user_in(django_user_model, "officer", MEMBERSHIP_OFFICERS)


@pytest.fixture
def exporter(roles, django_user_model):
    return user_in(django_user_model, "exporter", MEMBERSHIP_EXPORTERS)


# --- roles


def test_officers_hold_exactly_the_rights_they_need(officer):
    assert officer.get_all_permissions() == {
        "membership.view_application",
        "membership.change_application",
        "membership.view_statuschange",
    }


def test_exporting_is_a_separate_role(exporter, officer):
    assert exporter.has_perm("membership.export_application")
    assert not officer.has_perm("membership.export_application")
    assert not exporter.has_perm("membership.change_application")


def test_content_editors_cannot_see_applications_at_all(client, content_editor):
    application = make_application()
    sign_in(client, content_editor)
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(change_url(application)).status_code == 403
    assert "membership" not in client.get("/admin/").content.decode().lower()


def test_the_history_page_does_not_tell_outsiders_which_applications_exist(client, content_editor, officer):
    """403 for an existing and a missing id alike: otherwise anyone on the staff could count applications."""
    application = make_application()
    history = f"{CHANGELIST}{{}}/history/"
    sign_in(client, content_editor)
    assert client.get(history.format(application.pk)).status_code == 403
    assert client.get(history.format(application.pk + 1000)).status_code == 403
    sign_in(client, officer)
    assert client.get(history.format(application.pk)).status_code == 200


def test_nobody_adds_or_deletes_applications_in_the_admin(client, superuser):
    application = make_application()
    sign_in(client, superuser)
    assert client.get(f"{CHANGELIST}add/").status_code == 403
    assert client.get(f"{CHANGELIST}{application.pk}/delete/").status_code == 403


# --- the officer's list


def test_officer_sees_the_list_with_counts_by_status_and_governorate(client, officer):
    make_application(governorate="erbil")
    make_application(governorate="erbil")
    start_review(make_application(governorate="halabja"), officer)
    sign_in(client, officer)
    response = client.get(CHANGELIST)
    assert response.status_code == 200
    assert ("جديد", 2) in response.context["counts_by_status"]
    assert ("قيد المراجعة", 1) in response.context["counts_by_status"]
    assert ("أربيل", 2) in response.context["counts_by_governorate"]
    assert ("حلبجة", 1) in response.context["counts_by_governorate"]
    assert "export_csv" not in response.content.decode()  # no export for officers


def listed(client, query):
    response = client.get(CHANGELIST + query)
    assert response.status_code == 200
    return {row.pk for row in response.context["cl"].result_list}


def test_filters_by_status_governorate_date_and_age_band(client, officer):
    young = make_application(birth_date=years_before(today(), 20), governorate="duhok")
    older = make_application(birth_date=years_before(today(), 50))
    start_review(older, officer)
    Application.objects.filter(pk=older.pk).update(submitted_at=datetime.datetime(2024, 5, 1, tzinfo=datetime.UTC))
    sign_in(client, officer)
    assert listed(client, "?status__exact=under-review") == {older.pk}
    assert listed(client, "?governorate__exact=duhok") == {young.pk}
    assert listed(client, "?age=18-24") == {young.pk}
    assert listed(client, "?age=45-59") == {older.pk}
    assert listed(client, "?age=60%2B") == set()
    assert listed(client, "?submitted_at__year=2024") == {older.pk}


@pytest.mark.parametrize(
    "query",
    ["احمد الربيعى", "أحمد", "علي حسين", "0770 123 4567", "+9647701234567", "٠٧٧٠١٢٣٤٥٦٧"],
)
def test_search_by_normalised_name_or_phone(client, officer, query):
    match = make_application(phone="+9647701234567")
    make_application(first_name="زينب", father_name="كريم", grandfather_name="جاسم", family_name="")
    sign_in(client, officer)
    assert listed(client, f"?q={query}") == {match.pk}


def test_search_by_reference_as_read_aloud(client, officer):
    match = make_application()
    make_application()
    sign_in(client, officer)
    assert listed(client, f"?q={match.display_reference}") == {match.pk}


def test_possible_duplicates_are_flagged_for_staff(client, officer):
    first = make_application(phone="+9647711111111")
    same_phone = make_application(phone="+9647711111111", first_name="محمد")
    same_person = make_application(first_name="احمد", family_name="الربيعى")  # other spelling, other phone
    other = make_application(first_name="زينب")
    sign_in(client, officer)
    assert listed(client, "?duplicate=yes") == {first.pk, same_phone.pk, same_person.pk}
    assert listed(client, "?duplicate=no") == {other.pk}
    page = client.get(change_url(first)).content.decode()
    assert same_phone.display_reference in page and same_person.display_reference in page


def test_a_duplicate_applicant_is_not_told(client, party_content, settings):
    from tests.membership_data import post_data

    settings.ANTISPAM_RATE_LIMIT = (1000, 3600)
    first = client.post("/join/", post_data())
    second = client.post("/join/", post_data())
    assert first.status_code == second.status_code == 302
    assert first["Location"].startswith("/join/thanks/") and second["Location"].startswith("/join/thanks/")
    assert Application.objects.count() == 2


# --- deciding in the admin


def management_data(client, application):
    """The inline formsets' management fields, as the browser sends them back."""
    context = client.get(change_url(application)).context
    data = {}
    for inline in context["inline_admin_formsets"]:
        form = inline.formset.management_form
        data.update({form.add_prefix(name): value for name, value in form.initial.items()})
    return data


def decide(client, application, decision, note=""):
    data = {**management_data(client, application), "decision": decision, "decision_note": note}
    return client.post(change_url(application), data, follow=True)


def test_officer_moves_an_application_through_the_workflow(client, officer):
    application = make_application()
    sign_in(client, officer)
    decide(client, application, "under-review")
    response = decide(client, application, "accepted", "مقابلة جيدة")
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED and application.member_number == 1
    assert application.history.last().changed_by == officer and application.history.last().note == "مقابلة جيدة"
    assert "رقم العضوية: 1" in response.content.decode()


def test_a_refused_step_is_not_also_reported_as_a_success(client, officer):
    from django.contrib import messages

    from membership.workflow import TransitionNotAllowed

    application = make_application()
    sign_in(client, officer)
    with mock.patch("membership.admin.change_status", side_effect=TransitionNotAllowed("new → under-review")):
        response = decide(client, application, "under-review")
    levels = [message.level for message in response.context["messages"]]
    assert levels == [messages.ERROR]


def test_the_decision_menu_offers_only_the_allowed_steps(client, officer):
    application = make_application()
    sign_in(client, officer)
    page = client.get(change_url(application)).content.decode()
    assert 'value="under-review"' in page and 'value="accepted"' not in page
    response = decide(client, application, "accepted")
    application.refresh_from_db()
    assert application.status == Status.NEW and response.status_code == 200


def test_applicant_data_is_read_only_in_the_admin(client, officer):
    application = make_application()
    sign_in(client, officer)
    data = {**management_data(client, application), "first_name": "مزور", "phone": "+9647000000000"}
    assert client.post(change_url(application), data).status_code == 302
    application.refresh_from_db()
    assert application.first_name == "أحمد" and application.phone != "+9647000000000"


def test_officer_sees_which_emails_did_not_go_out(client, officer):
    from party_site.models import OutgoingEmail

    application = make_application()
    application.emails.update(status=OutgoingEmail.Status.FAILED, last_error="SMTPConnectError")
    sign_in(client, officer)
    page = client.get(change_url(application)).content.decode()
    assert "SMTPConnectError" in page and "لم تُرسل" in page


# --- export


def export(client, applications):
    return client.post(
        CHANGELIST, {"action": "export_csv", "_selected_action": [a.pk for a in applications], "index": 0}
    )


def test_exporter_downloads_csv_and_the_export_is_recorded(client, exporter):
    applications = [make_application(), make_application(occupation="=HYPERLINK(1)")]
    make_application()
    sign_in(client, exporter)
    response = export(client, applications)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "no-store" in response["Cache-Control"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 3
    assert rows[0][0] == "الرقم المرجعي"
    assert {row[0] for row in rows[1:]} == {a.display_reference for a in applications}
    assert "'=HYPERLINK(1)" in {cell for row in rows for cell in row}  # no formula runs in a spreadsheet
    phone_column = rows[0].index("الهاتف المحمول")
    phones = {row[phone_column] for row in rows[1:]}
    assert phones == {f"0{a.phone[4:7]} {a.phone[7:10]} {a.phone[10:]}" for a in applications}  # text, not 9.64E+12
    record = ApplicationExport.objects.get()
    assert (record.exported_by, record.row_count) == (exporter, 2)


def test_export_is_refused_without_the_permission(client, officer):
    application = make_application()
    sign_in(client, officer)
    response = export(client, [application])
    assert not response.get("Content-Type", "").startswith("text/csv")
    assert ApplicationExport.objects.count() == 0


def test_the_export_record_filters_by_exporters_only(client, exporter, officer, superuser, django_user_model):
    second = user_in(django_user_model, "second-exporter", MEMBERSHIP_EXPORTERS)
    for user in (exporter, second):
        sign_in(client, user)
        assert export(client, [make_application()]).status_code == 200
    sign_in(client, superuser)
    changelist = client.get("/admin/membership/applicationexport/").context["cl"]
    choices = [str(choice["display"]) for spec in changelist.filter_specs for choice in spec.choices(changelist)]
    assert {"exporter", "second-exporter"} <= set(choices)
    assert "officer" not in choices and "root" not in choices  # not everyone with a staff account


def test_export_records_hold_no_applicant_data(exporter):
    fields = {field.name for field in ApplicationExport._meta.get_fields()}
    assert fields == {"id", "exported_by", "exported_at", "row_count"}
