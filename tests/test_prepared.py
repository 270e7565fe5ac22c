"""Queries compiled once per process (content/prepared.py): the same rows as the QuerySet they are
prepared from, at every moment, so that scheduled posts still appear at their time."""

import datetime

import pytest
from django.utils import timezone

from content.models import Post
from content.prepared import PreparedQuery
from content.views import HOME_CHOICE, _home_choice
from tests.content_helpers import add_photos, make_post

pytestmark = pytest.mark.usefixtures("party_content")


def rows(posts):
    return [(post.pk, post.section_id, post.photo_count, post.title_ar, post.get_deferred_fields()) for post in posts]


def test_the_home_choice_is_the_querysets_at_every_moment(db):
    now = timezone.now()
    for day in range(6):
        make_post(title=f"خبر {day}", when=now - datetime.timedelta(days=day, hours=1))
    add_photos(make_post(section="media", title="معرض", when=now - datetime.timedelta(days=3)), 2)
    make_post(section="culture", title="مميز قديم", featured=True, when=now - datetime.timedelta(days=40))
    make_post(title="بيان لاحق", when=now + datetime.timedelta(minutes=30))
    make_post(title="مسودة", status=Post.Status.DRAFT)
    for moment in (now, now + datetime.timedelta(minutes=31), now - datetime.timedelta(days=10)):
        prepared = HOME_CHOICE(at=moment)
        assert rows(prepared) == rows(_home_choice(moment))
    titles = [post.title_ar for post in HOME_CHOICE(at=now)]
    assert "بيان لاحق" not in titles and "مسودة" not in titles and "مميز قديم" in titles
    assert "بيان لاحق" in [post.title_ar for post in HOME_CHOICE(at=now + datetime.timedelta(minutes=31))]


def test_a_scheduled_post_appears_on_the_drawn_home_page_at_its_time(client, monkeypatch):
    client.cookies["sessionid"] = "staff-or-preview"  # drawn, never from the page cache
    now = timezone.now()
    make_post(title="بيان يصدر لاحقا", when=now + datetime.timedelta(minutes=30))
    assert "بيان يصدر لاحقا" not in client.get("/").content.decode()
    later = now + datetime.timedelta(minutes=30, seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert "بيان يصدر لاحقا" in client.get("/").content.decode()


def test_a_query_that_does_not_take_the_moment_is_refused(db):
    ignores_the_moment = PreparedQuery(lambda at: Post.objects.filter(status=Post.Status.PUBLISHED))
    with pytest.raises(ValueError, match="moment"):
        ignores_the_moment()
