"""Fragments drawn once per exact input (`{% memo %}`, party_site/fragments.py): a page drawn for a
request the page cache never serves (a session cookie) still shows every change at once, because a
kept card or menu is given back only for the very values it was drawn from."""

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.test import override_settings
from django.utils import translation

from content.models import HomePhoto, Post, Principle, Section, TextBlock, Texts
from party_site import fragments
from tests.content_helpers import add_photos, image_upload, make_post

pytestmark = pytest.mark.usefixtures("party_content")


@pytest.fixture
def drawn(client):
    """Pages as staff get them: never from the page cache, always drawn."""
    client.cookies["sessionid"] = "not-a-session"

    def get(url):
        response = client.get(url)
        assert response.status_code == 200 and "X-Page-Cache" not in response, url
        return response.content.decode()

    return get


@pytest.fixture
def post(db):
    return make_post(
        section="news",
        title="خبر أول",
        title_en="First news",
        title_ckb="هەواڵی یەکەم",
        summary_ar="ملخص أول",
    )


def card(page, title):
    """The card of the post titled `title` on a drawn page."""
    for article in page.split('<article class="card">')[1:]:
        if title in article:
            return article.split("</article>")[0]
    raise AssertionError(f"no card for {title}")


def saved(post, **values):
    for name, value in values.items():
        setattr(post, name, value)
    post.save()


@pytest.mark.parametrize(
    ("language", "field"),
    [(language, field) for language in ("ar", "en", "ckb") for field in ("title", "summary")],
)
def test_an_edited_card_shows_on_the_next_drawn_page_in_its_language(drawn, post, language, field):
    prefix = "" if language == "ar" else f"/{language}"
    for url in (f"{prefix}/", f"{prefix}/news/"):
        drawn(url)
        drawn(url)  # the card is now kept
        marker = f"{field} {language} {url} جديد"
        saved(post, **{f"{field}_{language}": marker})
        assert marker in drawn(url), url


def test_each_language_gets_its_own_card(drawn, post):
    assert "First news" not in drawn("/news/")
    assert "First news" in drawn("/en/news/")
    assert "هەواڵی یەکەم" in drawn("/ckb/news/")
    assert "خبر أول" in drawn("/news/")


def test_a_new_cover_a_new_photo_a_video_and_a_new_date_show_at_once(drawn, post):
    before = card(drawn("/news/"), "خبر أول")
    assert "<img" not in before and "badge" not in before and "card__play" not in before
    saved(post, cover_image=image_upload("cover.jpg", size=(800, 600)))
    post.refresh_from_db()
    assert post.cover_renditions["card"][0][0] in card(drawn("/news/"), "خبر أول")

    add_photos(post, 3)
    assert '<span class="badge">3 صور</span>' in card(drawn("/news/"), "خبر أول")

    saved(post, video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    assert "card__play" in card(drawn("/news/"), "خبر أول")

    saved(post, published_at=post.published_at.replace(year=2025, month=4, day=9, hour=12))
    assert "9 نيسان 2025" in card(drawn("/news/"), "خبر أول")


def test_renditions_made_again_for_the_same_image_show_at_once(drawn, post):
    saved(post, cover_image=image_upload("cover.jpg", size=(800, 600)))
    post.refresh_from_db()
    drawn("/news/")
    renditions = post.cover_renditions
    renditions["card"][0][0] = renditions["card"][0][0].replace(".webp", "-again.webp")
    Post.objects.filter(pk=post.pk).update(cover_renditions=renditions)  # same file, new renditions
    assert renditions["card"][0][0] in drawn("/news/")


def test_the_menu_marks_the_page_it_is_on(drawn, post):
    current = 'href="/news/" aria-current="page"'
    assert current in drawn("/news/")
    assert current not in drawn("/culture/")
    assert 'href="/culture/" aria-current="page"' in drawn("/culture/")
    assert current in drawn(post.get_absolute_url())  # a post marks its section
    assert "aria-current" not in drawn("/").split('class="lang-switch"')[0].split('class="search-link"')[1]


def test_the_language_links_follow_the_page_not_the_kept_header(drawn):
    assert 'href="/en/news/"' in drawn("/news/")
    assert 'href="/en/culture/"' in drawn("/culture/")


def test_a_changed_setting_forgets_what_was_drawn(drawn, post):
    saved(post, published_at=post.published_at.replace(year=2025, month=4, day=9, hour=12))
    assert "9 نيسان 2025" in card(drawn("/news/"), "خبر أول")
    with override_settings(PARTY_DIGITS="eastern"):
        assert "٩ نيسان ٢٠٢٥" in card(drawn("/news/"), "خبر أول")


def test_a_full_store_is_emptied_and_still_draws_right(monkeypatch):
    monkeypatch.setattr(fragments, "MAX_ENTRIES", 2)
    tpl = Template("{% load party %}{% memo n %}<b>{{ n }}</b>{% endmemo %}")
    for n in range(7):
        assert tpl.render(Context({"n": n})) == f"<b>{n}</b>"
    store = tpl.nodelist[-1].fragments
    assert 1 <= len(store.drawn) <= 2


def test_a_store_is_also_bounded_by_what_it_keeps(monkeypatch):
    monkeypatch.setattr(fragments, "MAX_CHARACTERS", 20)
    tpl = Template("{% load party %}{% memo n %}<b>{{ n }}</b>{% endmemo %}")  # 9 characters each
    for n in range(6):
        assert tpl.render(Context({"n": n})) == f"<b>{n}</b>"
    store = tpl.nodelist[-1].fragments
    assert store.size == sum(len(fragment) for fragment in store.drawn.values()) <= 20


def test_the_body_is_kept_by_its_values_and_language_only():
    tpl = Template("{% load party %}{% memo key %}{{ other }}{% endmemo %}")
    assert tpl.render(Context({"key": 1, "other": "first"})) == "first"
    # What the body read but the tag did not name is not seen: the reason a body names every value.
    assert tpl.render(Context({"key": 1, "other": "second"})) == "first"
    assert tpl.render(Context({"key": 2, "other": "second"})) == "second"
    with translation.override("en"):
        assert tpl.render(Context({"key": 1, "other": "english"})) == "english"


def test_unhashable_values_are_kept_by_their_contents():
    tpl = Template("{% load party %}{% memo value %}{{ value.a }}{% endmemo %}")
    assert tpl.render(Context({"value": {"a": 1}})) == "1"
    assert tpl.render(Context({"value": {"a": 2}})) == "2"


@override_settings(DEBUG=True)
def test_nothing_is_kept_in_development():
    tpl = Template("{% load party %}{% memo key %}{{ other }}{% endmemo %}")
    assert tpl.render(Context({"key": 1, "other": "first"})) == "first"
    assert tpl.render(Context({"key": 1, "other": "second"})) == "second"


def test_memo_needs_values():
    with pytest.raises(TemplateSyntaxError):
        Template("{% load party %}{% memo %}x{% endmemo %}")


@pytest.mark.parametrize("language", ["ar", "en", "ckb"])
def test_the_home_page_shows_every_kind_of_change_at_once(drawn, post, language):
    """The home page's main part is kept by everything it shows: each change below is on the next
    drawn page."""
    home = "/" if language == "ar" else f"/{language}/"
    drawn(home)
    TextBlock.objects.filter(key="vision").update(**{f"text_{language}": f"رؤية جديدة {language}"})
    assert f"رؤية جديدة {language}" in drawn(home)

    principle = Principle.objects.order_by("order").first()
    setattr(principle, f"title_{language}", f"مبدأ معدل {language}")
    principle.save()
    assert f"مبدأ معدل {language}" in drawn(home)

    section = Section.objects.get(key="news")
    setattr(section, f"title_{language}", f"أخبار الحزب {language}")
    section.save()
    assert f"أخبار الحزب {language}" in drawn(home)

    assert 'class="hero__photo"' not in drawn(home)
    HomePhoto.objects.create(image=image_upload("hero.jpg", size=(1200, 600)))
    assert 'class="hero__photo"' in drawn(home)

    saved(post, featured=True)
    assert "featured-title" in drawn(home)
    second = make_post(section="culture", title="مقال ثقافي جديد")
    assert "مقال ثقافي جديد" in drawn(home)
    second.delete()
    assert "مقال ثقافي جديد" not in drawn(home)


def test_the_note_on_arabic_text_follows_the_fixed_texts(drawn):
    """Which fixed texts show in Arabic is part of what the home page is kept by."""
    TextBlock.objects.update(text_en="")
    assert 'untranslated-notice" role="note"' in drawn("/en/")
    for block in TextBlock.objects.all():
        block.text_en = f"English {block.key}"
        block.save()
    Principle.objects.update(title_en="A principle", body_en="Its text.")
    assert 'untranslated-notice" role="note"' not in drawn("/en/")


def test_contents_are_equal_only_for_equal_contents(post):
    first = Post.objects.get(pk=post.pk)
    again = Post.objects.get(pk=post.pk)
    assert fragments.contents(first) == fragments.contents(again)
    again.title_en = "Changed"
    assert fragments.contents(first) != fragments.contents(again)
    # A QuerySet (modeltranslation makes a new class per call) counts by its rows.
    assert fragments.contents(Post.objects.filter(pk=post.pk)) == fragments.contents(Post.objects.filter(pk=post.pk))
    texts, other = Texts({"a": "x"}, {"a"}), Texts({"a": "x"}, set())
    assert fragments.contents(texts) != fragments.contents(other)  # the keys shown in Arabic count
    assert fragments.contents({"b": [1, {2}]}) == fragments.contents({"b": [1, {2}]})
    with pytest.raises(TypeError):
        fragments.contents(object.__new__(type("Unhashable", (), {"__hash__": None})))


def test_a_value_with_no_contents_to_compare_is_drawn_every_time(caplog):
    tpl = Template("{% load party %}{% memo key %}{{ other }}{% endmemo %}")
    unhashable = object.__new__(type("Unhashable", (), {"__hash__": None}))
    assert tpl.render(Context({"key": unhashable, "other": "first"})) == "first"
    assert tpl.render(Context({"key": unhashable, "other": "second"})) == "second"
    assert "cannot keep a fragment" in caplog.text
