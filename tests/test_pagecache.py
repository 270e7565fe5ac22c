"""The page cache (party_site/pagecache.py): public pages come from the cache for anonymous
visitors, and any change to what they show is on the very next request, in every language."""

import datetime
import gzip
import io
import os

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.http import HttpResponse
from django.utils import timezone, translation

from content.models import (
    Attachment,
    Chart,
    Conference,
    Page,
    Photo,
    Post,
    Principle,
    SecretariatMember,
    Section,
    TextBlock,
)
from party_site import pagecache
from tests.content_helpers import image_upload, make_post, pdf_upload
from tests.helpers import sign_in

pytestmark = pytest.mark.usefixtures("party_content")

LANGUAGES = ["ar", "en", "ckb"]


def prefix(language):
    return "" if language == "ar" else f"/{language}"


def path_of(obj):
    """An object's address without a language prefix (whichever language the last request left on)."""
    with translation.override("ar"):
        return obj.get_absolute_url()


def text(response):
    return response.content.decode()


def cached_then_changed(client, url, change, marker):
    """The page is kept (a second request is a hit); after `change()` the next request shows
    `marker`, drawn afresh."""
    first = client.get(url)
    assert first.status_code == 200 and first["X-Page-Cache"] in ("hit", "miss"), url
    assert marker not in text(first)
    assert client.get(url)["X-Page-Cache"] == "hit"
    change()
    after = client.get(url)
    assert after["X-Page-Cache"] == "miss"
    assert marker in text(after), url
    assert client.get(url)["X-Page-Cache"] == "hit"


def edited(get, field, language, marker):
    """A change as the admin makes it: the object's `field` in `language` becomes `marker`, saved."""

    def change():
        obj = get()
        setattr(obj, f"{field}_{language}", marker)
        obj.save()

    return change


@pytest.fixture
def post(db):
    return make_post(section="analysis", title="تحليل الموازنة", title_en="Budget analysis", title_ckb="شیکاری بودجە")


@pytest.fixture
def conference(db):
    return Conference.objects.create(name_ar="المؤتمر العام الأول", held_on=datetime.date(2024, 5, 1))


@pytest.mark.parametrize("language", LANGUAGES)
def test_editing_a_post_shows_on_its_section_the_home_page_and_itself(client, post, language):
    marker = f"عنوان جديد {language}"

    def change():
        setattr(post, f"title_{language}", marker)
        post.save()

    cached_then_changed(client, f"{prefix(language)}/analysis/", change, marker)
    marker2 = f"{marker} ثانيا"

    def change_again():
        setattr(post, f"title_{language}", marker2)
        post.save()

    cached_then_changed(client, f"{prefix(language)}/", change_again, marker2)
    url = prefix(language) + path_of(post)
    cached_then_changed(client, url, lambda: Post.objects.filter(pk=post.pk).update(summary_ar="ملخص"), "ملخص")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_new_photo_shows_on_its_post(client, post, language):
    marker = f"تعليق الصورة {language}"
    url = prefix(language) + path_of(post)
    cached_then_changed(
        client,
        url,
        lambda: Photo.objects.create(post=post, image=image_upload(), **{f"caption_{language}": marker}),
        marker,
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_new_attachment_shows_on_its_post(client, post, language):
    marker = f"تقرير الموازنة {language}"
    url = prefix(language) + path_of(post)
    cached_then_changed(
        client,
        url,
        lambda: Attachment.objects.create(post=post, file=pdf_upload(), **{f"title_{language}": marker}),
        marker,
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_new_chart_shows_on_its_post(client, post, language):
    marker = f"رسم الإنفاق {language}"
    url = prefix(language) + path_of(post)
    chart = {"labels_ar": "أ\nب", "series_names_ar": "س", "values": "1, 2", f"title_{language}": marker}
    cached_then_changed(client, url, lambda: Chart.objects.create(post=post, **chart), marker)


@pytest.mark.parametrize("language", LANGUAGES)
def test_editing_a_page_shows_on_it(client, language):
    marker = f"من نحن اليوم {language}"

    change = edited(lambda: Page.objects.get(key=Page.Key.ABOUT), "title", language, marker)
    cached_then_changed(client, f"{prefix(language)}/about/", change, marker)


@pytest.mark.parametrize("language", LANGUAGES)
def test_editing_a_principle_shows_on_the_principles_page(client, language):
    marker = f"مبدأ معدل {language}"

    change = edited(Principle.objects.first, "title", language, marker)
    cached_then_changed(client, f"{prefix(language)}/principles/", change, marker)


@pytest.mark.parametrize("language", LANGUAGES)
def test_editing_a_fixed_text_shows_on_the_home_page(client, language):
    marker = f"نص الترحيب الجديد {language}"

    change = edited(lambda: TextBlock.objects.get(key=TextBlock.Key.HERO), "text", language, marker)
    cached_then_changed(client, f"{prefix(language)}/", change, marker)


@pytest.mark.parametrize("language", LANGUAGES)
def test_editing_a_section_shows_on_its_page(client, language):
    marker = f"أخبار الحزب {language}"

    change = edited(lambda: Section.objects.get(key="news"), "description", language, marker)
    cached_then_changed(client, f"{prefix(language)}/news/", change, marker)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_secretariat_member_and_a_conference_show_on_the_secretariat_page(client, conference, language):
    url = f"{prefix(language)}/secretariat/"
    marker = f"كريم الأمين {language}"
    cached_then_changed(
        client,
        url,
        lambda: SecretariatMember.objects.create(conference=conference, **{f"name_{language}": marker}),
        marker,
    )
    marker2 = f"مؤتمر بغداد {language}"

    def rename():
        setattr(conference, f"name_{language}", marker2)
        conference.save()

    cached_then_changed(client, url, rename, marker2)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_deleted_post_leaves_its_section_at_once(client, post, language):
    url = f"{prefix(language)}/analysis/"
    title = getattr(post, f"title_{language}")
    address = prefix(language) + path_of(post)
    assert client.get(address).status_code == 200
    assert title in text(client.get(url)) and client.get(url)["X-Page-Cache"] == "hit"
    post.delete()
    assert title not in text(client.get(url))
    assert client.get(address).status_code == 404


def test_publishing_with_the_admin_action_shows_at_once(client):
    draft = make_post(title="خبر مؤجل النشر", status=Post.Status.DRAFT)
    cached_then_changed(
        client,
        "/news/",
        lambda: Post.objects.filter(pk=draft.pk).update(status=Post.Status.PUBLISHED),
        "خبر مؤجل النشر",
    )


def test_feeds_and_the_sitemap_follow_edits(client, post):
    for url in ("/feed/", "/analysis/feed/", "/sitemap.xml"):
        assert client.get(url)["X-Page-Cache"] == "miss"
        assert client.get(url)["X-Page-Cache"] == "hit"
    fresh = make_post(section="analysis", title="تحليل جديد للانتخابات")
    assert "تحليل جديد للانتخابات" in text(client.get("/analysis/feed/"))
    assert path_of(fresh) in text(client.get("/sitemap.xml"))


def test_a_scheduled_post_appears_at_its_time_with_no_edit(client, monkeypatch):
    now = timezone.now()
    make_post(title="بيان يصدر لاحقا", when=now + datetime.timedelta(minutes=30))
    first = client.get("/news/")
    assert "بيان يصدر لاحقا" not in text(first)
    assert client.get("/news/")["X-Page-Cache"] == "hit"
    # Half an hour later: the page kept at first is past the publication and is not served.
    later = now + datetime.timedelta(minutes=30, seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(pagecache.time, "time", lambda: later.timestamp())
    assert "بيان يصدر لاحقا" in text(client.get("/news/"))


def test_an_app_server_with_an_old_copy_reads_the_page_another_one_drew(client, post):
    """Each process keeps a copy of the pages it read, but the version is always asked of the shared
    cache: after an edit, a process still holding the old page serves the one another app server
    drew at the new version (or draws it), never its own copy."""
    url = "/analysis/"
    pagecache._local.clear()
    assert "تحليل الموازنة" in text(client.get(url))
    [key] = pagecache._local
    old_copy = pagecache._local[key]
    post.title_ar = "تحليل معدل"
    post.save()
    pagecache._local.clear()  # another app server draws the page at the new version
    assert client.get(url)["X-Page-Cache"] == "miss"
    pagecache._local.clear()
    pagecache._local[key] = old_copy  # this one still holds the old page
    again = client.get(url)
    assert again["X-Page-Cache"] == "hit"
    assert "تحليل معدل" in text(again) and "تحليل الموازنة" not in text(again)
    assert pagecache._local[key][0] != old_copy[0]  # and now holds the new one


def test_no_page_is_kept_past_the_next_scheduled_publication(client):
    make_post(title="بيان بعد دقيقتين", when=timezone.now() + datetime.timedelta(minutes=2))
    assert 0 < pagecache.lifetime(timezone.now().timestamp()) <= 120


def stale_title(post, title):
    """Change a post's title behind the cache's back (raw SQL sends no signal): whoever still
    sees the old title was answered from the cache."""
    with connection.cursor() as cursor:
        cursor.execute("UPDATE content_post SET title_ar = %s WHERE id = %s", [title, post.pk])


@pytest.mark.parametrize("cookie", ["sessionid", "sessionid_old", "__Secure-sessionid", "SESSIONID", "messages"])
def test_a_request_with_a_session_or_messages_cookie_is_never_served_from_the_cache(client, post, cookie):
    url = path_of(post)
    client.get(url)
    stale_title(post, "عنوان لم يعلن بعد")
    assert "عنوان لم يعلن بعد" not in text(client.get(url))  # anonymous: the kept page
    client.cookies[cookie] = "not-a-valid-session"
    response = client.get(url)
    assert "عنوان لم يعلن بعد" in text(response)  # drawn for this request
    assert "X-Page-Cache" not in response
    del client.cookies[cookie]
    assert client.get(url)["X-Page-Cache"] == "hit"  # and nothing it drew was stored


def test_staff_see_their_own_page_not_the_visitors_one(client, post, content_editor):
    url = path_of(post)
    client.get(url)
    sign_in(client, content_editor)
    stale_title(post, "عنوان يراه المحرر")
    assert "عنوان يراه المحرر" in text(client.get(url))


@pytest.mark.parametrize("url", ["/join/", "/feedback/", "/en/join/", "/ckb/feedback/"])
def test_form_pages_are_never_cached(client, url):
    first, second = client.get(url), client.get(url)
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    assert "csrftoken" in first.cookies and "no-store" in first["Cache-Control"]


def test_search_is_not_kept(client):
    assert "X-Page-Cache" not in client.get("/search/", {"q": "الانتخابات"})


def test_a_cached_page_keeps_its_headers_and_compression(client):
    drawn = client.get("/principles/", HTTP_ACCEPT_ENCODING="gzip")
    kept = client.get("/principles/", HTTP_ACCEPT_ENCODING="gzip")
    assert kept["X-Page-Cache"] == "hit" and kept["Content-Encoding"] == "gzip"
    for header in ("Content-Security-Policy", "ETag", "Content-Language", "Vary", "Content-Type"):
        assert kept[header] == drawn[header], header
    assert "Accept-Encoding" in kept["Vary"]
    assert "المبادئ" in gzip.decompress(kept.content).decode() or "مبادئ" in gzip.decompress(kept.content).decode()
    plain = client.get("/principles/")
    assert "Content-Encoding" not in plain and plain["X-Page-Cache"] == "miss"  # kept apart from the gzip one


def test_a_cached_page_answers_304_to_its_etag(client):
    etag = client.get("/about/")["ETag"]
    response = client.get("/about/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304 and response["X-Page-Cache"] == "hit"
    assert response.content == b""
    assert client.get("/about/", HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_tracking_parameters_share_the_page_but_page_numbers_do_not(client):
    for index in range(13):
        make_post(title=f"خبر رقم {index}")
    assert client.get("/news/")["X-Page-Cache"] == "miss"
    assert client.get("/news/", {"fbclid": "abc", "utm_source": "whatsapp"})["X-Page-Cache"] == "hit"
    second = client.get("/news/", {"page": "2"})
    assert second["X-Page-Cache"] == "miss" and "خبر رقم 0" in text(second)


def test_head_is_answered_from_the_cache(client):
    client.get("/")
    response = client.head("/")
    assert response.status_code == 200 and response["X-Page-Cache"] == "hit"


def test_a_staff_preview_of_a_draft_is_not_kept(client, content_editor):
    draft = make_post(title="مسودة سرية", status=Post.Status.DRAFT)
    sign_in(client, content_editor)
    assert "مسودة سرية" in text(client.get(path_of(draft)))
    client.logout()
    client.cookies.clear()
    assert client.get(path_of(draft)).status_code == 404


def test_what_is_never_stored():
    page = HttpResponse("page")
    page.public_page = True
    assert pagecache.storable(page)
    unmarked = HttpResponse("page")
    assert not pagecache.storable(unmarked)
    with_cookie = HttpResponse("page")
    with_cookie.public_page = True
    with_cookie.set_cookie("choice", "1")
    assert not pagecache.storable(with_cookie)
    varies = HttpResponse("page")
    varies.public_page = True
    varies["Vary"] = "Accept-Encoding, Cookie"
    assert not pagecache.storable(varies)
    private = HttpResponse("page")
    private.public_page = True
    private["Cache-Control"] = "private"
    assert not pagecache.storable(private)
    missing = HttpResponse("gone", status=404)
    missing.public_page = True
    assert not pagecache.storable(missing)


def test_a_lost_version_never_brings_back_an_old_page(client, post):
    from django.core.cache import cache

    client.get("/analysis/")
    stale_title(post, "عنوان بعد فقدان الرقم")
    cache.delete(pagecache.VERSION_KEY)  # evicted, or Redis restarted without the pages
    assert "عنوان بعد فقدان الرقم" in text(client.get("/analysis/"))


# The WSGI front (party_site/wsgi.py): a kept page is answered before Django builds a request.


def wsgi_get(path, method="GET", **headers):
    """What gunicorn would get back from party_site.wsgi.application for this request."""
    from party_site.wsgi import application

    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "SCRIPT_NAME": "",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(),
        **{"HTTP_" + name.upper(): value for name, value in headers.items()},
    }
    answer = {}

    def start_response(status, header_list, exc_info=None):
        answer["status"] = int(status.split()[0])
        answer["headers"] = dict(header_list)

    # As Django's test client does: the test's database connection (and its transaction) must
    # outlive the request, which a real server's request_started/finished would close.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        chunks = application(environ, start_response)
        answer["body"] = b"".join(chunks)
        if hasattr(chunks, "close"):
            chunks.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return answer


def test_the_wsgi_front_answers_a_kept_page_exactly_as_it_was_sent(client):
    drawn = client.get("/principles/", HTTP_ACCEPT_ENCODING="gzip")
    kept = wsgi_get("/principles/", accept_encoding="gzip")
    assert kept["status"] == 200 and kept["headers"]["X-Page-Cache"] == "hit"
    assert kept["body"] == drawn.content
    for header in ("Content-Security-Policy", "ETag", "Content-Language", "Vary", "Content-Encoding"):
        assert kept["headers"][header] == drawn[header], header


def test_the_wsgi_front_answers_304_and_head(client):
    etag = client.get("/about/")["ETag"]
    again = wsgi_get("/about/", if_none_match=etag)
    assert again["status"] == 304 and again["body"] == b"" and again["headers"]["ETag"] == etag
    head = wsgi_get("/about/", method="HEAD")
    assert head["status"] == 200 and head["body"] == b"" and head["headers"]["X-Page-Cache"] == "hit"


def test_the_wsgi_front_passes_sessions_and_unkept_pages_to_django(client):
    client.get("/about/")
    with_session = wsgi_get("/about/", cookie="sessionid=whatever")
    assert with_session["status"] == 200 and "X-Page-Cache" not in with_session["headers"]
    fresh = wsgi_get("/principles/")  # not kept yet: Django draws and keeps it
    assert fresh["headers"]["X-Page-Cache"] == "miss"
    assert wsgi_get("/principles/")["headers"]["X-Page-Cache"] == "hit"


def test_the_wsgi_front_follows_an_edit_at_once(client):
    assert "تعديل من المحرر" not in wsgi_get("/about/")["body"].decode()
    page = Page.objects.get(key=Page.Key.ABOUT)
    page.title_ar = "تعديل من المحرر"
    page.save()
    assert "تعديل من المحرر" in wsgi_get("/about/")["body"].decode()


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set (CI sets it)")
def test_the_redis_cache_reuses_its_client():
    from django.core.cache import cache

    cache.set("pagecache:test", {"a": 1})
    assert cache.get_many(["pagecache:test", "missing"]) == {"pagecache:test": {"a": 1}}
    assert cache._cache.get_client() is cache._cache.get_client()


@pytest.mark.django_db(transaction=True)
def test_the_version_moves_again_when_an_edit_commits():
    """A visitor's page drawn while an admin save was still in its transaction showed the old rows
    and was kept under the version the save had already bumped: the commit must bump it again."""
    from django.core.cache import cache
    from django.db import transaction as db_transaction

    with db_transaction.atomic():
        page = Page.objects.get(key=Page.Key.ABOUT)
        page.title_ar = "عنوان بعد الحفظ"
        page.save()
        during = cache.get(pagecache.VERSION_KEY)  # a page drawn now would be kept under this
    assert cache.get(pagecache.VERSION_KEY) > during


@pytest.mark.parametrize("kind", ["section", "fixed text", "photo", "attachment", "chart", "member", "conference"])
def test_an_update_without_save_shows_on_the_next_request(client, post, conference, kind):
    """QuerySet.update() and bulk changes send no save signal: every content model's queryset bumps
    the content version itself (content.models.ContentQuerySet)."""
    marker = f"تعديل جماعي {kind}"
    photo = Photo.objects.create(post=post, image=image_upload(), caption_ar="تعليق")
    attachment = Attachment.objects.create(post=post, file=pdf_upload(), title_ar="تقرير")
    chart = Chart.objects.create(post=post, labels_ar="أ\nب", series_names_ar="س", values="1, 2", title_ar="رسم")
    member = SecretariatMember.objects.create(conference=conference, name_ar="عضو", order=1)
    post_url = path_of(post)
    changes = {
        "section": ("/news/", lambda: Section.objects.filter(key="news").update(description_ar=marker)),
        "fixed text": ("/", lambda: TextBlock.objects.filter(key=TextBlock.Key.HERO).update(text_ar=marker)),
        "photo": (post_url, lambda: Photo.objects.filter(pk=photo.pk).update(caption_ar=marker)),
        "attachment": (post_url, lambda: Attachment.objects.filter(pk=attachment.pk).update(title_ar=marker)),
        "chart": (post_url, lambda: Chart.objects.filter(pk=chart.pk).update(title_ar=marker)),
        "member": ("/secretariat/", lambda: SecretariatMember.objects.filter(pk=member.pk).update(name_ar=marker)),
        "conference": ("/secretariat/", lambda: Conference.objects.filter(pk=conference.pk).update(name_ar=marker)),
    }
    url, change = changes[kind]
    cached_then_changed(client, url, change, marker)
