"""The public face (issue 14): the home page's photograph, the emblem, the featured post, share images,
a PDF's facts before download, and markup the Nu HTML Checker accepts."""

import datetime
import io
import re
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from content.models import Attachment, HomePhoto
from content.renditions import PRESETS, stored_renditions
from content.templatetags.content_tags import responsive_image
from party_site.templatetags.party import datetime_attr
from tests.content_helpers import image_upload, make_post

pytestmark = pytest.mark.django_db


def pdf_with_pages(count):
    writer = PdfWriter()
    for _ in range(count):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return SimpleUploadedFile("report.pdf", buffer.getvalue(), content_type="application/pdf")


def test_home_shows_the_photograph_staff_chose_as_webp_renditions_behind_an_overlay(client, party_content):
    assert 'class="hero__photo"' not in client.get("/").content.decode()
    photo = HomePhoto.objects.create(image=image_upload("hero.jpg", size=(1800, 900)))
    widths = [item[1] for item in photo.renditions["hero"]]
    assert widths == [640, 1024, 1600, 1800]  # never wider than the photograph
    assert all(item[0].endswith(".webp") for item in photo.renditions["hero"])
    home = client.get("/").content.decode()
    assert 'class="hero hero--photo"' in home
    img = re.search(r"<img[^>]+hero__photo[^>]*>", home).group(0)
    assert 'alt=""' in img and "1800w" in img and 'fetchpriority="high"' in img and "loading=" not in img


def test_the_newest_photograph_is_the_one_shown(party_content):
    HomePhoto.objects.create(image=image_upload("old.jpg", size=(700, 400)))
    newer = HomePhoto.objects.create(image=image_upload("new.jpg", size=(700, 400)))
    assert HomePhoto.objects.current() == newer


def test_the_emblem_is_in_the_header_the_hero_and_the_footer(client, party_content):
    home = client.get("/").content.decode()
    assert '<symbol id="emblem" viewBox="0 0 64 64">' in home  # drawn from the page (party_site/inline_assets.py)
    for place in ("brand__emblem", "hero__emblem", "site-footer__emblem"):
        assert re.search(
            rf'<svg class="{place}" width="\d+" height="\d+" aria-hidden="true" focusable="false">'
            r'<use href="#emblem"/></svg>',
            home,
        ), place


def test_the_latest_featured_post_leads_the_home_page_and_is_not_repeated(client, party_content):
    make_post(title="خبر مميز قديم", featured=True, when=datetime.datetime(2025, 1, 1, tzinfo=ZoneInfo("UTC")))
    featured = make_post(title="الخبر المميز", featured=True)
    make_post(title="خبر عادي")
    home = client.get("/").content.decode()
    band = home.split('aria-labelledby="featured-title"')[1].split("</section>")[0]
    assert "الخبر المميز" in band and "خبر مميز قديم" not in band
    assert home.count(featured.get_absolute_url()) == 1  # a card without a picture links once, by its title
    assert home.count("الخبر المميز") == 1


@pytest.mark.parametrize("featured_age_days", [0, 2, 30])
def test_each_section_shows_its_three_latest_besides_the_featured_post(client, party_content, featured_age_days):
    """Newest, among the newest or much older than the rest of its section: the featured post leads
    the page, and its section's row shows the three newest of the others."""
    now = datetime.datetime.now(tz=ZoneInfo("UTC"))
    for day in range(1, 6):
        make_post(title=f"خبر اليوم {day}", when=now - datetime.timedelta(days=day, hours=1))
    make_post(section="culture", title="مقال ثقافي", when=now - datetime.timedelta(days=90))
    make_post(title="الخبر المميز", featured=True, when=now - datetime.timedelta(days=featured_age_days, minutes=30))
    home = client.get("/").content.decode()
    band = home.split('aria-labelledby="featured-title"')[1].split("</section>")[0]
    assert "الخبر المميز" in band
    news = home.split('aria-labelledby="home-news"')[1].split("</section>")[0]
    assert re.findall(r"خبر اليوم \d", news) == ["خبر اليوم 1", "خبر اليوم 2", "خبر اليوم 3"]
    assert "الخبر المميز" not in news
    assert "مقال ثقافي" in home.split('aria-labelledby="home-culture"')[1].split("</section>")[0]


def test_no_featured_post_means_no_featured_band(client, party_content):
    make_post(title="خبر عادي")
    assert "featured-title" not in client.get("/").content.decode()


def test_a_post_shares_its_1200_by_630_cover_or_else_the_emblem_card(client, party_content):
    with_cover = make_post(title="بصورة", cover_image=image_upload("c.jpg", size=(1600, 1000)))
    share = with_cover.cover_renditions["share"]
    assert [(w, h) for _url, _w, w, h in share] == [(1200, 630)]
    page = client.get(with_cover.get_absolute_url()).content.decode()
    assert f'<meta property="og:image" content="http://127.0.0.1:8000{share[0][0]}">' in page
    assert '<meta name="twitter:card" content="summary_large_image">' in page
    plain = client.get(make_post(title="بلا صورة").get_absolute_url()).content.decode()
    assert re.search(r'<meta property="og:image" content="http://127\.0\.0\.1:8000/static/img/share[^"]*\.png">', plain)
    assert '<meta property="og:image:width" content="1200">' in plain


def test_a_pdf_shows_its_size_and_page_count_before_download(client, party_content):
    post = make_post(section="studies", title="دراسة")
    attachment = Attachment.objects.create(post=post, title_ar="الدراسة كاملة", file=pdf_with_pages(3))
    assert attachment.pages == 3 and attachment.size > 0
    page = client.get(post.get_absolute_url()).content.decode()
    facts = page.split('class="muted attachments__facts"')[1].split("</span>")[0]
    assert "3 صفحات" in facts or "٣ صفحات" in facts
    english = client.get("/en" + post.get_absolute_url()).content.decode()
    assert "3 pages" in english.split('class="muted attachments__facts"')[1].split("</span>")[0]


def test_a_pdf_whose_pages_cannot_be_read_shows_its_size_alone(client, party_content):
    from tests.content_helpers import pdf_upload

    post = make_post(title="تقرير")
    # Uploads are checked now (content/validators.py), but a file stored before the checks may be
    # one that no PDF library can read: the page still offers it, with its size alone.
    broken = pdf_upload(content=b"%PDF-1.4\n%%EOF\n")
    attachment = Attachment.objects.create(post=post, title_ar="تقرير", file=broken)
    assert attachment.pages is None
    facts = client.get(post.get_absolute_url()).content.decode().split("attachments__facts")[1].split("</span>")[0]
    assert "PDF" in facts and "صفح" not in facts


def test_a_post_has_a_copy_link_button_hidden_until_the_script_shows_it(client, party_content):
    post = make_post(title="خبر")
    page = client.get(post.get_absolute_url()).content.decode()
    assert re.search(
        r'<li class="share__copy" hidden><button type="button" data-copy-link="http://127\.0\.0\.1:8000/', page
    )
    assert "<script" not in page.split('class="share')[1].split("</section>")[0]


def test_time_datetime_values_have_no_six_digit_fraction():
    moment = datetime.datetime(2026, 12, 2, 10, 5, 7, 123456, tzinfo=ZoneInfo("UTC"))
    assert datetime_attr(moment) == "2026-12-02T13:05:07+03:00"
    assert datetime_attr(None) == ""


@pytest.mark.parametrize("width", [100, 400, 480, 640, 800, 1000, 1200, 1600, 2000, 3000])
def test_srcset_never_gives_the_same_width_twice(width, party_content):
    post = make_post(title="صورة", cover_image=image_upload("w.jpg", size=(width, max(1, width // 2))))
    for preset in ("card", "cover", "share"):
        descriptors = [item[1] for item in post.cover_renditions[preset]]
        assert len(descriptors) == len(set(descriptors)), (preset, descriptors)
        assert descriptors == sorted(descriptors)
    assert set(PRESETS) >= {"hero", "share"}


def test_responsive_image_leaves_out_a_repeated_width():
    stored = {"cover": [["/a.webp", 480, 480, 300], ["/b.webp", 800, 800, 500], ["/c.webp", 800, 800, 500]]}
    html = str(responsive_image(stored, "cover"))
    assert 'srcset="/a.webp 480w, /b.webp 800w"' in html


def test_stored_renditions_of_no_image_is_empty():
    assert stored_renditions(None, None, ("hero",)) == {}


def test_a_content_editor_sets_the_home_photograph_in_the_admin(client, party_content, content_editor):
    client.force_login(content_editor)
    assert client.get("/admin/content/homephoto/add/").status_code == 200
    response = client.post(
        "/admin/content/homephoto/add/",
        {"image": image_upload("hero.jpg", size=(1700, 900)), "note": "ساحة التحرير"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    photo = HomePhoto.objects.get()
    assert photo.renditions["hero"]
    assert client.get("/admin/content/homephoto/").status_code == 200
    client.logout()
    assert photo.renditions["hero"][0][0] in client.get("/").content.decode()


def test_a_fresh_install_without_posts_shows_no_empty_band_for_the_latest_posts(client, party_content):
    home = client.get("/").content.decode()
    assert 'aria-labelledby="latest-title"' not in home
    make_post(title="أول خبر")
    home = client.get("/").content.decode()
    assert 'aria-labelledby="latest-title"' in home and "أول خبر" in home
