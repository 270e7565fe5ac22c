"""Posts: one definition of published, scheduling, drafts for staff, canonical URLs, section pages."""

import re
from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.utils import timezone

from content.models import Post
from tests.content_helpers import make_post
from tests.helpers import count_h1, sign_in

pytestmark = pytest.mark.usefixtures("party_content")


def test_published_means_published_status_and_time_passed(db):
    live = make_post(title="منشور")
    make_post(title="مسودة", status=Post.Status.DRAFT)
    make_post(title="مجدول", when=timezone.now() + timedelta(days=1))
    assert list(Post.objects.published()) == [live]


def test_a_scheduled_post_appears_by_itself_when_its_time_passes(client, db):
    post = make_post(title="بيان مجدول", when=timezone.now() + timedelta(minutes=5))
    assert client.get(post.get_absolute_url()).status_code == 404
    assert "بيان مجدول" not in client.get("/news/").content.decode()
    # No job runs: only the clock moves.
    Post.objects.filter(pk=post.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    assert client.get(post.get_absolute_url()).status_code == 200
    assert "بيان مجدول" in client.get("/news/").content.decode()


def test_a_draft_is_404_to_visitors_and_visible_to_staff_with_a_banner(client, content_editor):
    post = make_post(title="مسودة بيان", status=Post.Status.DRAFT)
    assert client.get(post.get_absolute_url()).status_code == 404
    sign_in(client, content_editor)
    response = client.get(post.get_absolute_url())
    assert response.status_code == 200
    content = response.content.decode()
    assert 'class="preview-banner"' in content and "غير منشور" in content
    assert '<meta name="robots" content="noindex">' in content
    assert "no-store" in response.headers["Cache-Control"]


def test_a_scheduled_post_preview_says_when_it_will_appear(client, content_editor):
    post = make_post(when=timezone.now() + timedelta(days=3))
    sign_in(client, content_editor)
    content = client.get(post.get_absolute_url()).content.decode()
    assert 'class="preview-banner"' in content and "مجدول" in content


def test_published_post_has_no_banner(client, content_editor):
    post = make_post()
    sign_in(client, content_editor)
    assert 'class="preview-banner"' not in client.get(post.get_absolute_url()).content.decode()


def test_dashes_in_a_title_become_hyphens_in_its_slug(db):
    assert make_post(title="الدورة الانتخابية 2020–2024").slug == "الدورة-الانتخابية-2020-2024"
    assert make_post(title="البرلمان — حصيلة عام").slug == "البرلمان-حصيلة-عام"


def test_arabic_slug_and_canonical_redirects(client, db):
    post = make_post(title="الحزب يرحب بالقانون الجديد")
    assert post.slug == "الحزب-يرحب-بالقانون-الجديد"
    canonical = post.get_absolute_url()
    assert canonical.startswith(f"/news/{post.pk}/")
    for wrong in (f"/news/{post.pk}/", f"/news/{post.pk}/old-title/", f"/culture/{post.pk}/{post.slug}/"):
        response = client.get(wrong)
        assert response.status_code == 301, wrong
        assert response.headers["Location"] == canonical
    assert client.get(canonical).status_code == 200
    assert client.get("/news/999999/x/").status_code == 404


def test_post_page_has_breadcrumbs_iraqi_date_reading_time_and_share_links(client, db):
    post = make_post(
        title="اجتماع الأمانة العامة",
        when=timezone.make_aware(timezone.datetime(2025, 1, 15, 10, 0)),
        body_ar="<p>" + "كلمة " * 450 + "</p>",
    )
    response = client.get(post.get_absolute_url())
    content = response.content.decode()
    assert count_h1(content) == 1
    assert 'class="breadcrumbs"' in content and 'href="/news/"' in content
    assert "كانون الثاني" in content  # Iraqi month name
    assert "2 دقائق قراءة" in content or "دقيقتان" in content or "2" in re.sub(r"<[^>]+>", "", content)
    assert "https://wa.me/?text=" in content and "facebook.com/sharer" in content
    assert not re.search(r'<script[^>]+src="https?://', content)  # share links load no script


def test_share_links_keep_an_arabic_title_readable_and_encode_everything_else(client, db):
    post = make_post(title='بيان الحزب: "الانتخابات" & <المشاركة> #العراق\u200f')
    content = client.get(post.get_absolute_url()).content.decode()
    whatsapp = re.search(r'href="(https://wa\.me/\?text=[^"]+)"', content).group(1)
    text = whatsapp.split("text=", 1)[1]
    assert text.startswith("بيان%20الحزب%3A%20%22الانتخابات%22%20%26%20%3Cالمشاركة%3E%20%23العراق%E2%80%8F%20")
    assert unquote(text).startswith('بيان الحزب: "الانتخابات" & <المشاركة> #العراق\u200f ')
    assert not re.search(r"[\s\"<>&#\u200f]", text), "spaces, quotes, brackets, & # and bidi marks are encoded"


def test_related_posts_come_from_the_same_section(client, db):
    post = make_post(title="الخبر الأساسي")
    make_post(title="خبر آخر من القسم")
    make_post(section="culture", title="منشور ثقافي")
    content = client.get(post.get_absolute_url()).content.decode()
    related = content.split('class="related"')[1]
    assert "خبر آخر من القسم" in related and "منشور ثقافي" not in related


def test_section_lists_featured_first_then_newest_and_paginates(client, db):
    now = timezone.now()
    for index in range(13):
        make_post(title=f"خبر رقم {index:02d}", when=now - timedelta(days=index + 1))
    make_post(title="الخبر المميز القديم", when=now - timedelta(days=100), featured=True)
    content = client.get("/news/").content.decode()
    titles = re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', content)
    assert titles[0] == "الخبر المميز القديم"
    assert titles[1:4] == ["خبر رقم 00", "خبر رقم 01", "خبر رقم 02"]
    assert len(titles) == 12
    assert 'aria-current="page">1<' in content and 'href="?page=2"' in content
    page2 = client.get("/news/?page=2")
    assert page2.status_code == 200
    assert re.search(r"<title>[^<]*2[^<]*</title>", page2.content.decode())  # "الأخبار · الصفحة 2"
    assert client.get("/news/?page=9").status_code == 404
    assert client.get("/news/?page=x").status_code == 404


def test_drafts_never_appear_in_lists_feeds_or_sitemaps(client, db):
    make_post(title="مسودة سرية", status=Post.Status.DRAFT)
    make_post(title="مجدول سري", when=timezone.now() + timedelta(days=1))
    for url in ("/", "/news/", "/feed/", "/news/feed/", "/sitemap.xml"):
        content = client.get(url).content.decode()
        assert "مسودة" not in content and "مجدول سري" not in content, url


def test_home_shows_the_latest_posts_of_each_section(client, db):
    now = timezone.now()
    for index in range(5):
        make_post(title=f"خبر {index}", when=now - timedelta(days=index + 1))
    make_post(section="studies", title="دراسة عن اللامركزية")
    content = client.get("/").content.decode()
    assert "خبر 0" in content and "خبر 2" in content and "خبر 3" not in content
    assert "دراسة عن اللامركزية" in content


def test_english_page_falls_back_to_arabic_and_marks_it(client, db):
    post = make_post(title="عنوان عربي فقط")
    url = "/en" + post.get_absolute_url()
    content = client.get(url).content.decode()
    assert "عنوان عربي فقط" in content
    assert '<h1 class="post__title" lang="ar" dir="rtl">عنوان عربي فقط</h1>' in content
    post.title_en = "English title"
    post.save()
    content = client.get(url).content.decode()
    assert '<h1 class="post__title">English title</h1>' in content
    assert 'class="prose narrow post__body" lang="ar" dir="rtl"' in content  # the body is still Arabic only


def test_admin_links_to_the_preview(client, superuser):
    post = make_post(status=Post.Status.DRAFT)
    sign_in(client, superuser)
    listing = client.get("/admin/content/post/").content.decode()
    assert f'href="{post.get_absolute_url()}"' in listing
    change = client.get(f"/admin/content/post/{post.pk}/change/").content.decode()
    assert "/admin/r/" in change  # the "view on site" button
    assert (
        client.get(f"/admin/r/{_content_type_id(Post)}/{post.pk}/")
        .headers["Location"]
        .endswith(post.get_absolute_url())
    )


def _content_type_id(model):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(model).pk


@pytest.mark.parametrize("language", ["ar", "en", "ckb"])
def test_a_posts_address_is_what_reverse_gives_in_every_language(language):
    from django.urls import reverse
    from django.utils import translation

    post = make_post(section="analysis", title="تحليل: الموازنة العامة 2025 (الجزء الأول)")
    with translation.override(language):
        expected = reverse("content:post", kwargs={"section": "analysis", "pk": post.pk, "slug": post.slug})
        assert post.get_absolute_url() == expected
        assert post.section_url == reverse("content:section", kwargs={"section": "analysis"})
    assert expected.startswith("/analysis/" if language == "ar" else f"/{language}/analysis/")
