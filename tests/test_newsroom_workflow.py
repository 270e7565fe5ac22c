"""Review before publishing (content/workflow.py): writers submit, editors send back or publish."""

from datetime import timedelta

import pytest
from django.utils import timezone

from content import workflow
from content.models import Post, ReviewStep
from party_site.models import OutgoingEmail
from tests.content_helpers import make_post
from tests.newsroom_helpers import POSTS, make_writer, post_form, sign_in


def draft_by(user, title="مسودة الكاتب", status=Post.Status.DRAFT):
    return make_post(title=title, status=status, created_by=user)


def test_publishing_is_a_permission_of_its_own(writer, editor):
    assert not writer.has_perm("content.publish_post") and writer.has_perm("content.add_post")
    assert editor.has_perm("content.publish_post")


def test_a_writer_creates_a_draft_and_submits_it(client, writer, party_content):
    sign_in(client, writer)
    response = client.post(f"{POSTS}add/", post_form(_step="submit"))
    assert response.status_code == 302, response.content.decode()[:3000]
    post = Post.objects.get()
    assert (post.created_by, post.status) == (writer, Post.Status.IN_REVIEW)
    step = post.review_steps.get()
    assert (step.action, step.by) == (ReviewStep.Action.SUBMITTED, writer) and step.at is not None
    assert not Post.objects.published().exists()


def test_a_writer_cannot_publish_nor_change_a_post_status(client, writer, party_content):
    sign_in(client, writer)
    response = client.post(f"{POSTS}add/", post_form(_step="publish", status="published"))
    assert response.status_code == 200  # the form again, with the error
    assert not Post.objects.exists()
    post = draft_by(writer)
    response = client.post(f"{POSTS}{post.pk}/change/", post_form(status="published"))
    post.refresh_from_db()
    assert response.status_code == 302 and post.status == Post.Status.DRAFT  # status is not a field of the form
    assert client.get(POSTS).context["action_form"] is None  # no bulk publish (nor any bulk action) for writers


def test_a_writer_sees_and_edits_only_their_own_drafts(client, writer, editor, django_user_model, party_content):
    other = make_writer(django_user_model, "other-writer")
    theirs = draft_by(other, "مسودة كاتب آخر")
    mine = draft_by(writer)
    waiting = draft_by(writer, "بانتظار المراجعة", Post.Status.IN_REVIEW)
    live = draft_by(writer, "منشور حي", Post.Status.PUBLISHED)
    sign_in(client, writer)
    listed = {post.pk for post in client.get(POSTS).context["cl"].result_list}
    assert listed == {mine.pk, waiting.pk, live.pk}
    assert client.get(f"{POSTS}{theirs.pk}/change/").status_code == 302  # not found for them
    for post in (waiting, live):  # seen, not changed
        page = client.get(f"{POSTS}{post.pk}/change/")
        assert page.status_code == 200 and not page.context["has_change_permission"]
        assert client.post(f"{POSTS}{post.pk}/change/", post_form(title_ar="تغيير")).status_code == 403
    assert client.post(f"{POSTS}{live.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.get(f"{POSTS}{mine.pk}/change/").context["has_change_permission"]
    client.post(POSTS, {"action": "delete_selected", "_selected_action": [live.pk, mine.pk], "post": "yes"})
    assert Post.objects.filter(pk__in=[live.pk, mine.pk]).count() == 2  # no bulk delete for writers
    assert client.post(f"{POSTS}{mine.pk}/delete/", {"post": "yes"}).status_code == 302
    assert not Post.objects.filter(pk=mine.pk).exists()


def test_an_editor_sends_back_with_a_comment_and_the_writer_is_told(client, writer, editor, party_content):
    post = draft_by(writer, status=Post.Status.IN_REVIEW)
    sign_in(client, editor)
    response = client.post(f"{POSTS}{post.pk}/change/", post_form(_step="send_back"))
    assert response.status_code == 200 and "review_comment" in response.context["adminform"].form.errors
    response = client.post(
        f"{POSTS}{post.pk}/change/", post_form(_step="send_back", review_comment="العنوان طويل، اختصره.")
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.status == Post.Status.SENT_BACK
    step = post.review_steps.get(action=ReviewStep.Action.SENT_BACK)
    assert (step.by, step.comment) == (editor, "العنوان طويل، اختصره.")
    email = OutgoingEmail.objects.get(kind="content.sent_back")
    assert email.to == ["writer@example.org"] and "العنوان طويل، اختصره." in email.body
    assert f"/admin/content/post/{post.pk}/change/" in email.body


def test_the_writer_fixes_and_resubmits_and_the_editor_publishes(client, writer, editor, party_content):
    post = draft_by(writer, status=Post.Status.SENT_BACK)
    sign_in(client, writer)
    response = client.post(f"{POSTS}{post.pk}/change/", post_form(title_ar="عنوان أقصر", _step="submit"))
    assert response.status_code == 302
    post.refresh_from_db()
    assert (post.title_ar, post.status) == ("عنوان أقصر", Post.Status.IN_REVIEW)
    sign_in(client, editor)
    assert (
        client.post(f"{POSTS}{post.pk}/change/", post_form(title_ar="عنوان أقصر", _step="publish")).status_code == 302
    )
    assert Post.objects.published().get() == post
    post.refresh_from_db()
    assert abs(post.published_at - timezone.now()) < timedelta(minutes=1)  # publishing means now
    assert [s.action for s in post.review_steps.order_by("at", "id")] == ["submitted", "published"]
    assert OutgoingEmail.objects.filter(kind="content.published", to=["writer@example.org"]).exists()


def test_an_editor_schedules_a_post_with_a_future_time(client, writer, editor, party_content):
    post = draft_by(writer, status=Post.Status.IN_REVIEW)
    when = timezone.localtime() + timedelta(days=2)
    sign_in(client, editor)
    data = post_form(
        _step="publish", published_at_0=when.strftime("%Y-%m-%d"), published_at_1=when.strftime("%H:%M:00")
    )
    assert client.post(f"{POSTS}{post.pk}/change/", data).status_code == 302
    post.refresh_from_db()
    assert post.is_scheduled and not Post.objects.published().exists()
    step = post.review_steps.get(action=ReviewStep.Action.SCHEDULED)
    assert step.publish_at == post.published_at
    assert OutgoingEmail.objects.filter(kind="content.scheduled").exists()


def test_steps_out_of_turn_are_refused(writer, editor, party_content):
    post = draft_by(writer)
    with pytest.raises(workflow.StepNotAllowed):
        workflow.take_step(post, workflow.SEND_BACK, editor, "تعليق")  # not submitted
    workflow.take_step(post, workflow.SUBMIT, writer)
    with pytest.raises(workflow.StepNotAllowed):
        workflow.take_step(post, workflow.SEND_BACK, editor, "   ")  # a comment is needed
    with pytest.raises(workflow.StepNotAllowed):
        workflow.take_step(post, workflow.PUBLISH, writer)  # a writer never publishes
    with pytest.raises(workflow.StepNotAllowed):
        workflow.take_step(post, workflow.SUBMIT, writer)  # already submitted
    workflow.take_step(post, workflow.PUBLISH, editor)
    post.refresh_from_db()
    assert post.is_published
    assert not OutgoingEmail.objects.filter(kind="content.submitted").exists()  # only sent back / published tell


def test_the_writer_is_not_told_of_their_own_step_nor_without_an_address(editor, party_content):
    own = make_post(title="منشور المحرر", status=Post.Status.DRAFT, created_by=editor)
    workflow.take_step(own, workflow.PUBLISH, editor)
    assert not OutgoingEmail.objects.exists()


def test_bulk_publish_goes_through_the_review_and_records_each_step(client, writer, editor, party_content):
    first, second = draft_by(writer, "الأول", Post.Status.IN_REVIEW), draft_by(writer, "الثاني", Post.Status.IN_REVIEW)
    sign_in(client, editor)
    client.post(POSTS, {"action": "publish", "_selected_action": [first.pk, second.pk]})
    assert set(Post.objects.published()) == {first, second}
    assert ReviewStep.objects.filter(action="published", by=editor).count() == 2


def test_a_writer_previews_their_own_drafts_but_not_other_writers(client, writer, django_user_model, party_content):
    other = make_writer(django_user_model, "other-writer")
    mine, theirs = draft_by(writer, "مسودتي"), draft_by(other, "مسودة غيري")
    sign_in(client, writer)
    assert client.get(mine.get_absolute_url()).status_code == 200
    assert client.get(theirs.get_absolute_url()).status_code == 404
    assert client.get(make_post(title="منشور للجميع").get_absolute_url()).status_code == 200
