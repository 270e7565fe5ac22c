"""Versions of what staff edit (content/revisions.py, django-reversion): kept, compared, restored, pruned."""

import re
from datetime import timedelta

import pytest
import reversion
from django.utils import timezone
from reversion.models import Revision, Version

from content import revisions
from content.models import (
    Page,
    Post,
    Principle,
    SearchDocument,
    SecretariatMember,
    Section,
    TextBlock,
)
from tests.content_helpers import make_post
from tests.newsroom_helpers import POSTS, make_writer, post_form, sign_in


def edit_post(client, post, comment="", **fields):
    data = post_form(
        **{
            "title_ar": post.title_ar,
            "body_ar": post.body_ar,
            "published_at_0": f"{timezone.localtime(post.published_at):%Y-%m-%d}",
            "published_at_1": f"{timezone.localtime(post.published_at):%H:%M:%S}",
            "version_comment": comment,
            **fields,
        }
    )
    response = client.post(f"{POSTS}{post.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    post.refresh_from_db()
    return post


@pytest.mark.parametrize("model", [Post, Page, Principle, TextBlock, Section, SecretariatMember])
def test_every_edited_kind_is_versioned(model):
    assert reversion.is_registered(model)


def test_each_save_keeps_a_version_with_who_when_and_the_comment(client, editor, party_content):
    post = make_post(title="العنوان الأول", body_ar="<p>النص الأول.</p>")
    sign_in(client, editor)
    edit_post(client, post, comment="تصحيح العنوان", title_ar="العنوان الثاني")
    versions = list(revisions.versions_of(post))
    # the state before the first recorded change, then the edit
    assert [v.field_dict["title_ar"] for v in versions] == ["العنوان الثاني", "العنوان الأول"]
    assert versions[0].revision.user == editor and versions[0].revision.comment == "تصحيح العنوان"
    assert abs(versions[0].revision.date_created - timezone.now()) < timedelta(minutes=1)
    listing = client.get(f"{POSTS}{post.pk}/history/").content.decode()
    assert "تصحيح العنوان" in listing and editor.username in listing


def test_a_page_edited_in_the_admin_keeps_its_seeded_text_as_a_first_version(client, editor, party_content):
    page = Page.objects.get(key="about")
    seeded = page.title_ar
    sign_in(client, editor)
    form = client.get(f"/admin/content/page/{page.pk}/change/").context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data["title_ar"] = "من نحن (معدّل)"
    assert client.post(f"/admin/content/page/{page.pk}/change/", data).status_code == 302
    assert [v.field_dict["title_ar"] for v in revisions.versions_of(page)] == ["من نحن (معدّل)", seeded]


def test_members_edited_inside_their_conference_keep_versions(client, editor, party_content):
    from content.models import Conference

    conference = Conference.objects.create(name_ar="المؤتمر الأول", held_on="2024-01-01")
    member = SecretariatMember.objects.create(conference=conference, name_ar="علي حسن", role="member")
    sign_in(client, editor)
    data = {
        "name_ar": "المؤتمر الأول",
        "held_on": "2024-01-01",
        "members-TOTAL_FORMS": "1",
        "members-INITIAL_FORMS": "1",
        "members-0-id": str(member.pk),
        "members-0-conference": str(conference.pk),
        "members-0-name_ar": "علي حسن الموسوي",
        "members-0-role": "member",
        "members-0-order": "0",
    }
    response = client.post(f"/admin/content/conference/{conference.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    versions = revisions.versions_of(member)
    assert [v.field_dict["name_ar"] for v in versions] == ["علي حسن الموسوي", "علي حسن"]
    assert versions[0].revision.user == editor


def test_principles_reordered_in_their_list_keep_versions(client, editor, party_content):
    principles = list(Principle.objects.all())
    sign_in(client, editor)
    data = {"form-TOTAL_FORMS": str(len(principles)), "form-INITIAL_FORMS": str(len(principles)), "_save": "1"}
    for index, principle in enumerate(principles):
        data.update({f"form-{index}-id": str(principle.pk), f"form-{index}-order": str(len(principles) - index)})
    assert client.post("/admin/content/principle/", data).status_code == 302
    first = principles[0]
    assert [v.field_dict["order"] for v in revisions.versions_of(first)] == [len(principles), first.order]


def test_the_diff_is_per_language_with_rich_text_compared_as_text(client, editor, party_content):
    post = make_post(title="عنوان", body_ar="<p>نص <strong>قديم</strong> هنا.</p>")
    sign_in(client, editor)
    edit_post(client, post, body_ar="<p>نص جديد هنا.</p>", title_en="A title")
    new, old = revisions.versions_of(post)[:2]
    page = client.get(f"{POSTS}{post.pk}/versions/compare/", {"from": old.pk, "to": new.pk})
    assert page.status_code == 200
    groups = {group.code: group for group in page.context["changes"]}
    assert set(groups) == {"ar", "en"}  # nothing else changed (times are compared to the minute)
    (body,) = [change for change in groups["ar"].changes if change.label == "النص"]
    assert (body.old, body.new) == ("نص قديم هنا.", "نص جديد هنا.")  # text, not markup
    assert "<del>قديم</del><ins>جديد</ins>" in str(body.html)
    content = page.content.decode()
    assert "&lt;strong&gt;" not in content and "English" in content and "العربية" in content


def test_the_diff_tells_photos_added_or_removed(editor, party_content):
    from tests.content_helpers import add_photos

    post = make_post()
    add_photos(post, 1)
    revisions.ensure_first_version(post)
    add_photos(post, 1)
    with reversion.create_revision():
        post.save()
    new, old = revisions.versions_of(post)[:2]
    shared = {group.code: group for group in revisions.compare_versions(old, new)}[""]
    (photos,) = [change for change in shared.changes if change.label == "معرض الصور"]
    assert photos.old.startswith("1: ") and photos.new.startswith("2: ")


def test_word_diff_escapes_what_it_shows():
    assert str(revisions.word_diff("a <b>", "a <i>")) == "a <del>&lt;b&gt;</del><ins>&lt;i&gt;</ins>"


def test_restore_is_a_new_version_and_search_and_the_public_page_follow(client, editor, party_content):
    post = make_post(title="العنوان الأصلي", body_ar="<p>كلمةأصلية في النص.</p>")
    sign_in(client, editor)
    edit_post(client, post, title_ar="عنوان خاطئ", body_ar="<p>كلمةخاطئة في النص.</p>")
    anonymous = client.__class__()
    assert "عنوان خاطئ" in anonymous.get(post.get_absolute_url()).content.decode()  # now kept in the page cache
    original = revisions.versions_of(post)[1]
    confirm = client.get(f"{POSTS}{post.pk}/versions/{original.pk}/restore/")
    assert confirm.status_code == 200 and confirm.context["changes"]
    response = client.post(f"{POSTS}{post.pk}/versions/{original.pk}/restore/", {"comment": "تراجع"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.title_ar == "العنوان الأصلي" and post.status == Post.Status.PUBLISHED
    versions = revisions.versions_of(post)
    assert len(versions) == 3 and versions[0].revision.user == editor
    assert "تراجع" in versions[0].revision.comment
    assert SearchDocument.objects.search("كلمةأصلية").exists()
    assert not SearchDocument.objects.search("كلمةخاطئة").exists()
    assert "العنوان الأصلي" in anonymous.get(post.get_absolute_url()).content.decode()


def test_restore_keeps_the_review_decision_and_brings_back_the_photos(client, editor, party_content):
    from tests.content_helpers import add_photos

    post = make_post(title="معرض", status=Post.Status.DRAFT)
    add_photos(post, 2)
    revisions.ensure_first_version(post)
    post.photos.first().delete()
    Post.objects.filter(pk=post.pk).update(status=Post.Status.PUBLISHED)
    revisions.restore(revisions.versions_of(post).last(), editor)
    post.refresh_from_db()
    assert post.photos.count() == 2 and post.status == Post.Status.PUBLISHED


def test_a_writer_may_not_restore(client, roles, django_user_model, party_content):
    writer = make_writer(django_user_model)
    post = make_post(title="مسودة", status=Post.Status.DRAFT, created_by=writer)
    revisions.ensure_first_version(post)
    version = revisions.versions_of(post).first()
    sign_in(client, writer)
    assert client.get(f"{POSTS}{post.pk}/history/").status_code == 200
    assert client.post(f"{POSTS}{post.pk}/versions/{version.pk}/restore/").status_code == 403


def test_a_comparison_of_versions_that_do_not_exist_is_not_found(client, editor, party_content):
    post = make_post()
    sign_in(client, editor)
    for query in ({"from": "x", "to": "1"}, {"from": "999", "to": "998"}, {}):
        assert client.get(f"{POSTS}{post.pk}/versions/compare/", query).status_code == 404


def test_staff_without_rights_on_posts_learn_nothing(client, roles, django_user_model, party_content):
    from feedback.roles import FEEDBACK_TEAM
    from tests.newsroom_helpers import staff_in

    post = make_post()
    sign_in(client, staff_in(django_user_model, "feedback", FEEDBACK_TEAM))
    for url in (f"{POSTS}{post.pk}/history/", f"{POSTS}{post.pk}/versions/compare/", f"{POSTS}999/history/"):
        assert client.get(url).status_code == 403


def test_old_versions_are_pruned_but_the_newest_of_each_item_are_kept(settings, party_content):
    settings.CONTENT_VERSIONS_KEEP_DAYS = 30
    settings.CONTENT_VERSIONS_KEEP_MIN = 2
    principle = Principle.objects.first()
    for number in range(4):
        with reversion.create_revision():
            principle.title_ar = f"الصيغة {number}"
            principle.save()
    old = timezone.now() - timedelta(days=40)
    for minutes, revision in enumerate(Revision.objects.order_by("-pk")):
        Revision.objects.filter(pk=revision.pk).update(date_created=old - timedelta(minutes=minutes))
    assert revisions.prune_versions(dry_run=True) == 2
    assert revisions.prune_versions() == 2
    assert [v.field_dict["title_ar"] for v in revisions.versions_of(principle)] == ["الصيغة 3", "الصيغة 2"]
    assert Revision.objects.count() == 2  # the emptied revisions went too
    with reversion.create_revision():
        principle.title_ar = "الصيغة 4"
        principle.save()
    assert revisions.prune_versions() == 1  # the newest two stay: the new one and «الصيغة 3»
    assert [v.field_dict["title_ar"] for v in revisions.versions_of(principle)] == ["الصيغة 4", "الصيغة 3"]
    settings.CONTENT_VERSIONS_KEEP_DAYS = 365
    assert revisions.prune_versions() == 0
    assert Version.objects.get_for_object(principle).count() == 2


def test_versions_link_from_the_change_form(client, editor, party_content):
    post = make_post()
    sign_in(client, editor)
    content = client.get(f"{POSTS}{post.pk}/change/").content.decode()
    assert re.search(rf'href="{POSTS}{post.pk}/history/" class="historylink">النسخ<', content)
