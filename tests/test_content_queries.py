"""The section index, the post page and the home page make the same small number of database
queries and cache round trips whether there is 1 post (photo, attachment) or 30: nothing per item.
Image renditions are worked out when an image is saved (content/renditions.py), so drawing a page
looks up none.
"""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from content.models import Chart
from party_site import pagecache
from tests.content_helpers import add_attachments, add_photos, image_upload, make_post
from tests.helpers import sign_in

pytestmark = pytest.mark.usefixtures("party_content")

CACHE_CALLS = ("get", "get_many", "set", "set_many", "add", "incr", "decr", "delete", "delete_many", "has_key", "touch")


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    """What a page costs to draw: the page cache is off here (it would answer the second request)."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def cache_calls(monkeypatch):
    """Every round trip to the cache (Redis in production), by method name. The memory cache used
    here makes get_many() out of get()s; Redis makes it one round trip: only the outer call counts."""
    calls = []
    depth = [0]
    backend = caches["default"]
    for name in CACHE_CALLS:
        method = getattr(backend, name)

        def counted(*args, _method=method, _name=name, **kwargs):
            if not depth[0]:
                calls.append(_name)
            depth[0] += 1
            try:
                return _method(*args, **kwargs)
            finally:
                depth[0] -= 1

        monkeypatch.setattr(backend, name, counted)
    return calls


def build(count):
    """`count` posts in every section with covers; the first analysis post carries `count` photos,
    attachments and charts."""
    posts = []
    for section in ("news", "culture", "analysis", "studies", "articles", "media"):
        for index in range(count):
            posts.append(
                make_post(
                    section=section, title=f"{section} {index}", cover_image=image_upload(f"{section}{index}.jpg")
                )
            )
    target = next(post for post in posts if post.section_id == "analysis")
    add_photos(target, count)
    add_attachments(target, count)
    for index in range(count):
        Chart.objects.create(
            post=target, title_ar=f"رسم {index}", labels_ar="أ\nب", series_names_ar="س", values="1, 2", order=index
        )
    return target


def path_of(post):
    """A post's address without a language prefix (whichever language the last request left on)."""
    with translation.override("ar"):
        return post.get_absolute_url()


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


# The most queries each page may make (the session-less visitor's page, drawn afresh).
QUERY_BUDGET = {
    "/": 6,  # the home page also reads its photograph, its texts and the principles
    "/analysis/": 4,
    "/media/": 4,
    "POST": 7,
}


@pytest.mark.parametrize("language", ["ar", "en", "ckb"])
@pytest.mark.parametrize("url", ["/", "/analysis/", "/media/", "POST"])
def test_query_count_does_not_grow_with_posts_photos_and_attachments(client, url, language, cache_calls):
    prefix = "" if language == "ar" else f"/{language}"  # the note on untranslated text reads only what is shown
    target = build(1)
    cache_calls.clear()
    one = queries(client, prefix + (path_of(target) if url == "POST" else url))
    assert cache_calls == []  # no rendition, fragment or anything else looked up in the cache
    target_many = build(30)
    cache_calls.clear()
    many = queries(client, prefix + (path_of(target_many) if url == "POST" else url))
    print(f"{url}: {one} queries with 1, {many} with 30")
    assert one == many <= QUERY_BUDGET[url]
    assert cache_calls == []


def test_a_cached_page_costs_one_cache_round_trip_and_no_query(client, settings, cache_calls):
    settings.PAGE_CACHE_SECONDS = 600
    target = build(30)
    for url in ("/", "/analysis/", target.get_absolute_url()):
        client.get(url)  # drawn and kept
        cache_calls.clear()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response["X-Page-Cache"] == "hit"
        # The version alone: this process keeps a copy of the page it drew.
        assert cache_calls == ["get"] and len(captured) == 0, url
        pagecache._local.clear()  # another app server: the version and the page, together
        cache_calls.clear()
        assert client.get(url)["X-Page-Cache"] == "hit"
        assert cache_calls == ["get_many"], url


def test_staff_preview_of_a_post_with_30_photos_is_also_constant(client, content_editor):
    sign_in(client, content_editor)
    small = build(1)
    one = queries(client, small.get_absolute_url())
    big = build(30)
    assert queries(client, big.get_absolute_url()) == one
