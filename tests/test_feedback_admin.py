"""The staff inbox for feedback: who sees it, statuses, assignee, notes, filters and the count of new messages."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from feedback.models import FeedbackMessage, FeedbackNote
from feedback.roles import FEEDBACK_TEAM

CHANGELIST = "/admin/feedback/feedbackmessage/"


@pytest.fixture
def feedback_member(roles, django_user_model):
    user = django_user_model.objects.create_user("feedback-member", password="pw-feedback-1", is_staff=True)
    user.groups.add(Group.objects.get(name=FEEDBACK_TEAM))
    return user


def make(**fields):
    return FeedbackMessage.objects.create(**{"topic": "suggestion", "message": "رسالة", **fields})


def change_url(message):
    return f"{CHANGELIST}{message.pk}/change/"


def change_form_data(client, message, **fields):
    """What the admin's change form would post back: its current values and every inline's management form."""
    response = client.get(change_url(message))
    data = {"status": message.status, "assignee": message.assignee_id or "", **fields}
    for inline in response.context["inline_admin_formsets"]:
        for field in inline.formset.management_form:
            data[field.html_name] = field.value()
    return data


# --- Who sees what ------------------------------------------------------------------------------


def test_feedback_team_has_feedback_permissions_only(feedback_member):
    perms = feedback_member.get_all_permissions()
    assert {"feedback.view_feedbackmessage", "feedback.change_feedbackmessage", "feedback.add_feedbacknote"} <= perms
    assert {perm.split(".")[0] for perm in perms} == {"feedback"}
    assert "feedback.delete_feedbackmessage" not in perms  # spam and archived are statuses, not deletions


def test_the_history_page_does_not_tell_outsiders_which_messages_exist(client, content_editor, feedback_member):
    message = make()
    client.force_login(content_editor)
    assert client.get(f"{CHANGELIST}{message.pk}/history/").status_code == 403
    assert client.get(f"{CHANGELIST}{message.pk + 1000}/history/").status_code == 403
    client.force_login(feedback_member)
    assert client.get(f"{CHANGELIST}{message.pk}/history/").status_code == 200


def test_feedback_team_sees_the_inbox_and_nothing_else(client, feedback_member, party_content):
    message = make()
    client.force_login(feedback_member)
    assert client.get(CHANGELIST).status_code == 200
    assert client.get(change_url(message)).status_code == 200
    assert client.get("/admin/content/page/").status_code == 403
    assert client.get("/admin/auth/user/").status_code == 403
    assert client.get("/admin/party_site/outgoingemail/").status_code == 403
    index = client.get("/admin/")
    assert [app["app_label"] for app in index.context["app_list"]] == ["feedback"]


def test_content_editors_do_not_see_feedback(client, content_editor):
    make()
    client.force_login(content_editor)
    assert client.get(CHANGELIST).status_code == 403
    index = client.get("/admin/")
    assert "feedback" not in [app["app_label"] for app in index.context["app_list"]]
    assert not [item for item in index.context["inbox"] if "feedback" in item["url"]]
    assert "/admin/feedback/" not in index.content.decode()


def test_messages_are_not_added_in_the_admin(client, superuser):
    client.force_login(superuser)
    assert client.get(f"{CHANGELIST}add/").status_code == 403


# --- The count of new messages on the admin index --------------------------------------------------


def test_admin_index_shows_how_many_messages_are_new(client, feedback_member):
    make(), make(), make(status=FeedbackMessage.Status.ANSWERED)
    client.force_login(feedback_member)
    content = client.get("/admin/").content.decode()
    assert 'id="inbox"' in content
    assert f'href="{CHANGELIST}?status__exact=new"' in content
    assert "رسالتا ملاحظات جديدتان" in content  # Arabic dual: "2 new feedback messages"


def test_admin_index_count_in_english(client, superuser):
    make()
    client.force_login(superuser)
    with_english = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")
    (feedback,) = [item for item in with_english.context["inbox"] if "feedback" in item["url"]]
    assert feedback["count"] == 1


# --- Statuses, assignee, notes ----------------------------------------------------------------------


def test_team_member_sets_status_and_assignee_and_adds_a_note(client, feedback_member):
    message = make(name="سارة")
    client.force_login(feedback_member)
    data = change_form_data(client, message, status="in_progress", assignee=feedback_member.pk)
    data.update({"notes-0-text": "اتصلت بها، ستراسلنا غداً.", "message": "edited by staff", "name": "someone else"})
    response = client.post(change_url(message), data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    message.refresh_from_db()
    assert message.status == FeedbackMessage.Status.IN_PROGRESS and message.assignee == feedback_member
    assert (message.message, message.name) == ("رسالة", "سارة")  # what the visitor sent is not editable
    note = FeedbackNote.objects.get()
    assert note.author == feedback_member and note.text == "اتصلت بها، ستراسلنا غداً." and note.created_at


@pytest.mark.parametrize("status", [choice.value for choice in FeedbackMessage.Status])
def test_every_status_can_be_set(client, feedback_member, status):
    message = make()
    client.force_login(feedback_member)
    response = client.post(change_url(message), change_form_data(client, message, status=status))
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.status == status


def test_existing_notes_are_a_record_not_rewritten(client, feedback_member):
    message = make()
    FeedbackNote.objects.create(message=message, author=feedback_member, text="الملاحظة الأولى")
    client.force_login(feedback_member)
    content = client.get(change_url(message)).content.decode()
    assert "الملاحظة الأولى" in content and 'name="notes-0-text"' not in content
    assert 'name="notes-1-text"' in content  # an empty box for a new note
    assert "feedback-member" in content and "/admin/auth/user/" not in content  # the author's name, no link to 403


def test_only_people_who_handle_feedback_can_be_assigned(client, feedback_member, content_editor, superuser):
    message = make()
    client.force_login(feedback_member)
    choices = client.get(change_url(message)).context["adminform"].form.fields["assignee"].queryset
    assert set(choices) == {feedback_member, superuser}


def test_bulk_actions_mark_spam_and_assign(client, feedback_member):
    first, second, other = make(), make(), make()
    client.force_login(feedback_member)
    client.post(CHANGELIST, {"action": "mark_spam", "_selected_action": [first.pk, second.pk]})
    assert set(FeedbackMessage.objects.filter(status="spam")) == {first, second}
    client.post(CHANGELIST, {"action": "assign_to_me", "_selected_action": [other.pk]})
    other.refresh_from_db()
    assert other.assignee == feedback_member


# --- Filters --------------------------------------------------------------------------------------


def test_inbox_filters_by_topic_status_governorate_and_date(client, feedback_member):
    wanted = make(topic="complaint", governorate="basra")
    make(topic="complaint", governorate="erbil")
    make(topic="question", governorate="basra")
    make(topic="complaint", governorate="basra", status=FeedbackMessage.Status.ARCHIVED)
    make(topic="complaint", governorate="basra", received_at=timezone.now() - timedelta(days=40))
    client.force_login(feedback_member)
    since = (timezone.now() - timedelta(days=7)).isoformat()
    response = client.get(
        CHANGELIST,
        {"topic__exact": "complaint", "status__exact": "new", "governorate__exact": "basra", "received_at__gte": since},
    )
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [wanted]
    content = response.content.decode()
    for filter_title in ("الموضوع", "الحالة", "المحافظة", "تاريخ الاستلام"):
        assert filter_title in content


def test_senders_details_stay_in_the_admin_and_phone_reads_left_to_right(client, feedback_member):
    message = make(name="علي", phone="+9647701234567")
    client.force_login(feedback_member)
    content = client.get(change_url(message)).content.decode()
    assert '<a href="tel:+9647701234567"><bdi dir="ltr">0770 123 4567</bdi></a>' in content  # as written in Iraq


def test_change_page_reads_note_authors_in_one_query(client, feedback_member, django_user_model):
    message = make()
    client.force_login(feedback_member)

    def queries_for_change_page():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(change_url(message)).status_code == 200
        return len(captured)

    FeedbackNote.objects.create(message=message, author=feedback_member, text="أولى")
    one_note = queries_for_change_page()
    for n in range(5):
        author = django_user_model.objects.create_user(f"staff-{n}", is_staff=True)
        FeedbackNote.objects.create(message=message, author=author, text=f"ملاحظة {n}")
    assert queries_for_change_page() == one_note


@pytest.mark.parametrize("typed", ["0770 123 4567", "+964 770 123 4567", "٠٧٧٠١٢٣٤٥٦٧", "770123"])
def test_search_finds_a_phone_however_it_is_written(client, feedback_member, typed):
    wanted = make(phone="+9647701234567")
    make(phone="+9647809998877")
    client.force_login(feedback_member)
    found = client.get(CHANGELIST, {"q": typed}).context["cl"].result_list
    assert [m.pk for m in found] == [wanted.pk]
    # the list's filters still apply to what the phone search finds
    filtered = client.get(CHANGELIST, {"q": typed, "status__exact": "spam"}).context["cl"].result_list
    assert list(filtered) == []
