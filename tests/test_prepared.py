"""Queries compiled once per process (content/prepared.py): the same rows as the QuerySet they are
prepared from, at every moment, so that scheduled posts still appear at their time."""

import datetime

import pytest
from django.utils import timezone

from content.models import Post
from content.prepared import PreparedQuery
from content.views import HOME_CHOICE, SECTION_COUNT, SECTION_POSTS, _home_choice, _section_count, _section_posts
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


def test_a_sections_pages_and_count_are_the_querysets(db):
    now = timezone.now()
    for day in range(30):
        make_post(title=f"خبر {day}", when=now - datetime.timedelta(days=day, hours=1), featured=day == 20)
    add_photos(Post.objects.get(title_ar="خبر 3"), 2)
    make_post(section="culture", title="مقال")
    make_post(title="بيان لاحق", when=now + datetime.timedelta(minutes=30))
    for section in ("news", "culture", "studies"):
        for start, stop in ((0, 12), (12, 24), (24, 36)):
            prepared = SECTION_POSTS(at=now, shape=(start, stop), section=section)
            assert rows(prepared) == rows(_section_posts(now, start, stop, section))
        expected = list(_section_count(now, section))
        assert SECTION_COUNT.value(at=now, section=section) == (expected[0]["count"] if expected else None)
    assert SECTION_COUNT.value(at=now + datetime.timedelta(minutes=31), section="news") == 31
    assert SECTION_POSTS(at=now, shape=(0, 12), section="news")[0].title_ar == "خبر 20"  # featured first


def test_a_value_that_does_not_reach_the_sql_as_a_parameter_is_refused(db):
    ignores_the_section = PreparedQuery(lambda at, section: Post.objects.published(at=at))
    with pytest.raises(ValueError, match="section"):
        ignores_the_section(section="news")


def test_one_sql_per_shape_and_no_more_than_max_shapes(db, monkeypatch):
    from content import prepared

    monkeypatch.setattr(prepared, "MAX_SHAPES", 3)
    query = PreparedQuery(_section_posts)
    for page in range(5):
        query(shape=(page * 12, page * 12 + 12), section="news")
    assert 1 <= len(query.compiled) <= 3


def test_what_else_the_home_page_reads_is_the_querysets(db):
    from content.models import HomePhoto, Principle, Section
    from content.views import HOME_PHOTO, HOME_PRINCIPLES, HOME_SECTIONS
    from tests.content_helpers import image_upload

    assert list(HOME_PHOTO()) == []
    HomePhoto.objects.create(image=image_upload("old.jpg", size=(700, 400)))
    newer = HomePhoto.objects.create(image=image_upload("new.jpg", size=(700, 400)))
    assert list(HOME_PHOTO()) == [newer]
    assert [p.pk for p in HOME_PRINCIPLES()] == [p.pk for p in Principle.objects.all()] != []
    assert [s.key for s in HOME_SECTIONS()] == [s.key for s in Section.objects.all()]


@pytest.mark.parametrize("language", ["ar", "en", "ckb"])
def test_the_home_pages_fixed_texts_are_those_of_the_queryset(db, language):
    from django.utils import translation

    from content.models import TextBlock, texts_from
    from content.views import HOME_TEXT_KEYS, HOME_TEXTS

    TextBlock.objects.filter(key="vision").update(text_en="", text_ckb="")  # falls back to Arabic
    with translation.override(language):
        prepared = texts_from([vars(block) for block in HOME_TEXTS()], HOME_TEXT_KEYS)
        expected = TextBlock.objects.texts(*HOME_TEXT_KEYS)
    assert prepared == expected and prepared.fallback == expected.fallback
    assert ("vision" in prepared.fallback) == (language != "ar")
