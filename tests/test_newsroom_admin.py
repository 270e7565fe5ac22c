"""The admin as staff use it: each role's dashboard, thumbnails, names and phrases that read right."""

import json
import re
from datetime import timedelta

from django.contrib.auth.models import Group
from django.utils import timezone, translation
from django.utils.translation import gettext

from content.models import Conference, Post, SecretariatMember
from feedback.models import FeedbackMessage
from feedback.roles import FEEDBACK_TEAM
from membership.roles import MEMBERSHIP_OFFICERS
from tests.content_helpers import add_photos, image_upload, make_post
from tests.membership_data import make_application
from tests.newsroom_helpers import ADMIN, POSTS, make_editor, make_writer, sign_in, staff_in


def panels(client):
    return {item["url"]: item for item in client.get(ADMIN).context["inbox"]}


# --- The dashboard


def test_an_editor_sees_posts_awaiting_review_scheduled_and_recent(client, editor, writer, party_content):
    waiting = make_post(title="بانتظار المراجعة", status=Post.Status.IN_REVIEW, created_by=writer)
    soon = timezone.now() + timedelta(days=1)
    scheduled = make_post(title="مجدول للغد", when=soon)
    recent = make_post(title="نُشر أمس", when=timezone.now() - timedelta(days=1))
    make_post(title="نُشر قبل شهر", when=timezone.now() - timedelta(days=30))
    sign_in(client, editor)
    found = panels(client)
    assert set(found) == {f"{POSTS}?state=review", f"{POSTS}?state=scheduled", f"{POSTS}?state=published"}
    review = found[f"{POSTS}?state=review"]
    assert review["count"] == 1 and review["items"][0]["label"] == waiting.title and review["attention"]
    assert review["label"] == "منشور واحد بانتظار المراجعة"
    (item,) = found[f"{POSTS}?state=scheduled"]["items"]
    assert item["label"] == scheduled.title and item["when"] == scheduled.published_at
    assert [i["label"] for i in found[f"{POSTS}?state=published"]["items"]] == [recent.title]
    content = client.get(ADMIN).content.decode()
    assert timezone.localtime(soon).strftime("%Y-%m-%d %H:%M") in content  # the time it appears
    # each panel opens the list filtered to what it counts
    listed = client.get(f"{POSTS}?state=review").context["cl"].result_list
    assert list(listed) == [waiting]
    assert list(client.get(f"{POSTS}?state=scheduled").context["cl"].result_list) == [scheduled]


def test_a_writer_sees_their_own_posts_sent_back_and_waiting(client, writer, django_user_model, party_content):
    other = make_writer(django_user_model, "someone-else")
    mine = make_post(title="أُعيد إليّ", status=Post.Status.SENT_BACK, created_by=writer)
    make_post(title="أُعيد لغيري", status=Post.Status.SENT_BACK, created_by=other)
    make_post(title="مجدول لغيري", when=timezone.now() + timedelta(days=1), created_by=other)
    sign_in(client, writer)
    found = panels(client)
    sent_back = found[f"{POSTS}?state=sent_back"]
    assert sent_back["count"] == 1 and sent_back["items"][0]["label"] == mine.title
    assert found[f"{POSTS}?state=scheduled"]["count"] == 0  # not theirs to see
    assert f"{POSTS}?state=review" in found
    assert not [url for url in found if "membership" in url or "feedback" in url]


def test_each_role_sees_only_what_it_may_open(client, roles, django_user_model, party_content):
    make_application()
    FeedbackMessage.objects.create(topic="suggestion", message="رسالة")
    officer = staff_in(django_user_model, "officer", MEMBERSHIP_OFFICERS)
    sign_in(client, officer)
    found = panels(client)
    assert list(found) == ["/admin/membership/application/?status__exact=new"]
    assert found["/admin/membership/application/?status__exact=new"]["count"] == 1
    assert "طلب انضمام جديد واحد" in client.get(ADMIN).content.decode()
    sign_in(client, staff_in(django_user_model, "team", FEEDBACK_TEAM))
    assert list(panels(client)) == ["/admin/feedback/feedbackmessage/?status__exact=new"]
    sign_in(client, make_editor(django_user_model))
    assert not [url for url in panels(client) if "membership" in url or "feedback" in url]


# --- Thumbnails


def test_a_cover_shows_as_a_thumbnail_in_the_list_and_the_form(client, editor, party_content):
    post = make_post(cover_image=image_upload("cover.jpg", size=(800, 600)))
    thumb = post.cover_renditions["card"][0][0]
    sign_in(client, editor)
    listing = client.get(POSTS).content.decode()
    assert f'src="{thumb}"' in listing
    form = client.get(f"{POSTS}{post.pk}/change/").content.decode()
    assert re.search(rf'<img src="{re.escape(thumb)}"[^>]*class="newsroom-thumb"', form)
    name = post.cover_image.name
    assert f">{name}<" not in form and f">{name.rsplit('/', 1)[-1]}<" not in form  # no random file name shown


def test_gallery_photos_show_as_thumbnails(client, editor, party_content):
    post = make_post()
    add_photos(post, 2)
    sign_in(client, editor)
    form = client.get(f"{POSTS}{post.pk}/change/").content.decode()
    for photo in post.photos.all():
        assert f'src="{photo.renditions["gallery"][0][0]}"' in form


def test_secretariat_members_have_their_own_entry_with_photos(client, editor, party_content):
    conference = Conference.objects.create(name_ar="المؤتمر العام الأول", held_on="2024-01-01")
    member = SecretariatMember.objects.create(
        conference=conference, name_ar="أحمد علي", photo=image_upload("face.jpg", size=(400, 400))
    )
    sign_in(client, editor)
    index = client.get(ADMIN).content.decode()
    assert 'href="/admin/content/secretariatmember/"' in index
    listing = client.get("/admin/content/secretariatmember/", {"q": "أحمد"})
    assert list(listing.context["cl"].result_list) == [member]
    assert f'src="{member.photo_renditions["person"][0][0]}"' in listing.content.decode()
    form = client.get(f"/admin/content/secretariatmember/{member.pk}/change/").content.decode()
    assert f'src="{member.photo_renditions["person"][0][0]}"' in form


# --- Words and numbers that read right


def test_inline_add_links_read_naturally_in_arabic(client, editor, party_content):
    post = make_post()
    sign_in(client, editor)
    form = client.get(f"{POSTS}{post.pk}/change/").content.decode()
    add_texts = {
        json.loads(m.replace("&quot;", '"'))["options"]["addText"]
        for m in re.findall(r'data-inline-formset="([^"]+)"', form)
    }
    assert "إضافة صورة" in add_texts and not [text for text in add_texts if "آخر" in text]
    with translation.override("ar"):
        assert gettext("Add another %(verbose_name)s") % {"verbose_name": "ملاحظة داخلية"} == "إضافة ملاحظة داخلية"


def test_the_post_form_has_one_photo_gallery_heading(client, editor, party_content):
    sign_in(client, editor)
    form = client.get(f"{POSTS}add/").content.decode()
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", form, re.DOTALL)
    titles = [re.sub(r"<[^>]+>|\s+", " ", h).strip() for h in headings]
    assert len(titles) == len(set(titles)), titles
    assert sum("معرض الصور" in title for title in titles) == 1


def test_axes_has_an_arabic_heading(client, superuser):
    sign_in(client, superuser)
    apps = {app["app_label"]: app["name"] for app in client.get(ADMIN).context["app_list"]}
    assert apps["axes"] == "حماية تسجيل الدخول"


def test_phones_are_written_as_in_iraq(client, roles, django_user_model, party_content):
    application = make_application(phone="+9647701234567")
    officer = staff_in(django_user_model, "officer", MEMBERSHIP_OFFICERS)
    sign_in(client, officer)
    page = client.get(f"/admin/membership/application/{application.pk}/change/").content.decode()
    assert '<bdi dir="ltr">0770 123 4567</bdi>' in page and "+9647701234567" not in page


def test_the_age_filter_reads_sixty_and_over(client, roles, django_user_model):
    officer = staff_in(django_user_model, "officer", MEMBERSHIP_OFFICERS)
    sign_in(client, officer)
    content = client.get("/admin/membership/application/").content.decode()
    assert "60 فأكثر" in content and ">60+<" not in content


def test_feedback_shows_the_page_language_by_name(client, roles, django_user_model):
    message = FeedbackMessage.objects.create(topic="suggestion", message="رسالة", language="ckb")
    team = staff_in(django_user_model, "team", FEEDBACK_TEAM)
    sign_in(client, team)
    content = client.get(f"/admin/feedback/feedbackmessage/{message.pk}/change/").content.decode()
    field = re.search(r"field-language_name.*?<div class=\"readonly\">(.*?)</div>", content, re.DOTALL)
    assert field and field.group(1).strip() == "کوردی"


def test_content_pages_load_the_tab_names_and_word_count_styles(client, editor, party_content):
    sign_in(client, editor)
    form = client.get(f"{POSTS}add/").content.decode()
    assert "content/admin/newsroom.js" in form and "content/admin/newsroom.css" in form


def test_writers_group_exists_with_its_arabic_name(roles):
    from content.roles import WRITERS

    assert Group.objects.get(name=WRITERS).permissions.filter(codename="add_post").exists()
