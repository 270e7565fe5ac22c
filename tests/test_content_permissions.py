"""Being staff is not enough: drafts, editor uploads and publishing need the content rights
(a membership officer or the feedback team is staff too)."""

import pytest
from django.contrib.auth.models import Group, Permission

from content.models import Post
from membership.roles import MEMBERSHIP_OFFICERS
from tests.content_helpers import image_upload, make_post
from tests.helpers import sign_in

pytestmark = pytest.mark.usefixtures("party_content")


@pytest.fixture
def membership_officer(roles, django_user_model):
    user = django_user_model.objects.create_user("officer", password="pw-officer-1", is_staff=True)
    user.groups.add(Group.objects.get(name=MEMBERSHIP_OFFICERS))
    return user


@pytest.fixture
def post_reader(db, django_user_model):
    """Staff who may read posts in the admin, and nothing more."""
    user = django_user_model.objects.create_user("reader", password="pw-reader-1", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_post", content_type__app_label="content"))
    return user


def test_staff_without_content_rights_see_no_drafts(client, membership_officer):
    draft = make_post(title="مسودة بيان", status=Post.Status.DRAFT)
    sign_in(client, membership_officer)
    assert client.get(draft.get_absolute_url()).status_code == 404
    published = make_post(title="خبر منشور")
    assert client.get(published.get_absolute_url()).status_code == 200


def test_staff_who_may_read_posts_preview_drafts(client, post_reader, content_editor):
    draft = make_post(title="مسودة بيان", status=Post.Status.DRAFT)
    for user in (post_reader, content_editor):
        sign_in(client, user)
        assert client.get(draft.get_absolute_url()).status_code == 200


def test_editor_uploads_need_the_right_to_write_posts_or_pages(client, membership_officer, post_reader):
    for user in (membership_officer, post_reader):
        sign_in(client, user)
        response = client.post("/admin/editor-upload/", {"upload": image_upload()})
        assert response.status_code == 403 and "error" in response.json()


def test_publishing_from_the_list_needs_the_change_right(client, post_reader, content_editor):
    draft = make_post(title="مسودة", status=Post.Status.DRAFT)
    data = {"action": "publish", "_selected_action": [draft.pk]}
    sign_in(client, post_reader)
    listing = client.get("/admin/content/post/")
    assert listing.status_code == 200 and 'value="publish"' not in listing.content.decode()
    client.post("/admin/content/post/", data)
    assert Post.objects.get(pk=draft.pk).status == Post.Status.DRAFT
    sign_in(client, content_editor)
    assert 'value="publish"' in client.get("/admin/content/post/").content.decode()
    client.post("/admin/content/post/", data)
    assert Post.objects.get(pk=draft.pk).status == Post.Status.PUBLISHED
