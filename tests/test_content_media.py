"""Uploads are judged by content and limits; images are served as WebP renditions; videos
contact no other host until the visitor presses play."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from content import validators
from content.models import Attachment, Photo, Post
from content.validators import parse_video_url, validate_image, validate_mp4, validate_pdf
from tests.content_helpers import (
    MP4_BYTES,
    PDF_BYTES,
    add_attachments,
    add_photos,
    image_bytes,
    image_upload,
    make_post,
)
from tests.helpers import sign_in

pytestmark = pytest.mark.usefixtures("party_content")


def test_an_image_is_judged_by_its_content_not_its_name():
    validate_image(image_upload("ok.jpg"))
    validate_image(image_upload("ok.png", kind="PNG"))
    with pytest.raises(ValidationError) as error:
        validate_image(SimpleUploadedFile("fake.jpg", b"<?php echo 'hi'; ?>" * 50, content_type="image/jpeg"))
    assert error.value.code == "not_an_image"
    with pytest.raises(ValidationError):
        validate_image(SimpleUploadedFile("report.jpg", PDF_BYTES, content_type="image/jpeg"))


def test_images_over_the_size_or_pixel_limits_are_refused(monkeypatch):
    monkeypatch.setattr(validators, "MAX_IMAGE_BYTES", 1000)
    with pytest.raises(ValidationError) as error:
        validate_image(SimpleUploadedFile("big.png", image_bytes((400, 400), "PNG", (1, 2, 3)) + b"\0" * 2000))
    assert error.value.code == "too_large"
    monkeypatch.undo()
    with pytest.raises(ValidationError) as error:
        validate_image(image_upload("wide.png", size=(13000, 2), kind="PNG"))  # tiny file, absurd dimensions
    assert error.value.code == "too_many_pixels"


def test_pdf_and_mp4_are_judged_by_content(monkeypatch):
    validate_pdf(SimpleUploadedFile("r.pdf", PDF_BYTES))
    with pytest.raises(ValidationError):
        validate_pdf(SimpleUploadedFile("r.pdf", b"MZ\x90\x00 not a pdf at all"))
    with pytest.raises(ValidationError):
        validate_pdf(SimpleUploadedFile("r.pdf", b"%PDF-1.4 but truncated, no trailer"))
    monkeypatch.setattr(validators, "MAX_PDF_BYTES", 10)
    with pytest.raises(ValidationError) as error:
        validate_pdf(SimpleUploadedFile("r.pdf", PDF_BYTES))
    assert error.value.code == "too_large"
    validate_mp4(SimpleUploadedFile("v.mp4", MP4_BYTES))
    with pytest.raises(ValidationError):
        validate_mp4(SimpleUploadedFile("v.mp4", PDF_BYTES))


@pytest.mark.parametrize(
    "url,expected",
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", ("youtube", "dQw4w9WgXcQ")),
        ("https://youtu.be/dQw4w9WgXcQ?t=3", ("youtube", "dQw4w9WgXcQ")),
        ("https://www.youtube.com/shorts/dQw4w9WgXcQ", ("youtube", "dQw4w9WgXcQ")),
        ("https://vimeo.com/76979871", ("vimeo", "76979871")),
        ("https://player.vimeo.com/video/76979871", ("vimeo", "76979871")),
        ("https://evil.example/watch?v=dQw4w9WgXcQ", None),
        ("javascript:alert(1)", None),
    ],
)
def test_video_links(url, expected):
    assert parse_video_url(url) == expected


def _admin_post_data(**extra):
    data = {
        "section": "news",
        "title_ar": "خبر مع صور",
        "title_en": "",
        "title_ckb": "",
        "slug": "",
        "status": "published",
        "published_at_0": "2025-01-01",
        "published_at_1": "10:00:00",
        "featured": "",
        "video_url": "",
    }
    for prefix in ("photos", "attachments", "charts"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(extra)
    return data


def test_admin_uploads_several_photos_at_once(client, superuser):
    sign_in(client, superuser)
    data = _admin_post_data(
        new_photos=[image_upload("a.jpg"), image_upload("b.jpg"), image_upload("c.png", kind="PNG")]
    )
    response = client.post("/admin/content/post/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    post = Post.objects.get()
    assert [photo.order for photo in post.photos.all()] == [1, 2, 3]
    assert post.slug == "خبر-مع-صور"


def test_admin_refuses_a_fake_image_and_stores_nothing(client, superuser):
    sign_in(client, superuser)
    fake = SimpleUploadedFile("cover.jpg", b"not really a jpeg" * 10, content_type="image/jpeg")
    response = client.post("/admin/content/post/add/", _admin_post_data(cover_image=fake))
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Post.objects.exists()
    fake_photo = SimpleUploadedFile("x.jpg", b"GIF89a nope", content_type="image/jpeg")
    response = client.post("/admin/content/post/add/", _admin_post_data(new_photos=[image_upload(), fake_photo]))
    assert response.status_code == 200 and "x.jpg" in response.content.decode()
    assert not Post.objects.exists() and not Photo.objects.exists()


def test_admin_refuses_a_fake_pdf(client, superuser):
    sign_in(client, superuser)
    data = _admin_post_data(
        **{
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-title_ar": "تقرير",
            "attachments-0-file": SimpleUploadedFile("r.pdf", b"MZ fake exe", content_type="application/pdf"),
            "attachments-0-order": "0",
        }
    )
    response = client.post("/admin/content/post/add/", data)
    assert response.status_code == 200
    assert not Post.objects.exists() and not Attachment.objects.exists()


def test_images_are_webp_renditions_with_srcset_size_and_lazy_loading(client):
    post = make_post(cover_image=image_upload("cover.jpg", size=(1000, 600)), cover_alt_ar="وصف الغلاف")
    add_photos(post, 3)
    content = client.get(post.get_absolute_url()).content.decode()
    cover = re.search(r'<figure class="post__cover">\s*(<img[^>]+>)', content).group(1)
    assert re.search(r'srcset="[^"]+\.webp 480w, [^"]+\.webp 800w, [^"]+\.webp 1000w"', cover), cover
    assert 'width="800" height="480"' in cover and 'alt="وصف الغلاف"' in cover
    assert 'loading="lazy"' not in cover and 'fetchpriority="high"' in cover  # above the fold
    gallery = content.split('class="gallery"')[1]
    assert gallery.count('loading="lazy"') == 3 and ".webp" in gallery


def test_only_the_first_card_of_a_section_is_fetched_first(client):
    # On a phone the first card's picture is the largest thing on the first screen: on a slow
    # network it comes first and alone; the others (the second is above the fold only on wider
    # screens) load as the reader nears them.
    for index in range(4):
        make_post(title=f"خبر {index}", cover_image=image_upload(f"c{index}.jpg", size=(900, 600)))
    content = client.get("/news/").content.decode()
    cards = re.findall(r'<img [^>]*class="card__img"[^>]*>', content)
    assert len(cards) == 4
    assert 'fetchpriority="high"' in cards[0] and 'loading="lazy"' not in cards[0]
    assert all('loading="lazy"' in card and "fetchpriority" not in card for card in cards[1:])


def test_attachments_show_their_size(client):
    post = make_post()
    add_attachments(post, 1)
    content = client.get(post.get_absolute_url()).content.decode()
    assert "تقرير 0" in content and "PDF ·" in content and f"{len(PDF_BYTES)}" in content


def test_a_linked_video_is_a_click_to_play_preview_that_contacts_no_other_host(client):
    post = make_post(video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    content = client.get(post.get_absolute_url()).content.decode()
    assert 'data-embed="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"' in content
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in content  # works without JavaScript
    assert "<iframe" not in content
    fetched = re.sub(r'<link rel="(canonical|alternate|shortlink)"[^>]*>', "", content)  # addresses, not fetched
    for src in re.findall(r'<(?:img|script|source|video|iframe|link)\b[^>]*\b(?:src|href|poster)="([^"]+)"', fetched):
        assert not re.match(r"^(https?:)?//", src), src
    assert "ytimg.com" not in content and "/static/img/video-poster.svg" in content
    assert "/static/js/video.js" in content


def test_an_uploaded_video_plays_from_the_site(client):
    post = make_post(video_file=SimpleUploadedFile("v.mp4", MP4_BYTES, content_type="video/mp4"))
    content = client.get(post.get_absolute_url()).content.decode()
    assert re.search(r'<video controls preload="none"[^>]*>\s*<source src="/uploads/posts/videos/', content)


def test_media_posts_lead_with_their_gallery(client):
    post = make_post(section="media", title="صور المؤتمر", cover_image=image_upload("c.jpg"))
    add_photos(post, 2)
    content = client.get(post.get_absolute_url()).content.decode()
    assert content.index('class="gallery"') < content.index('post__body"')
    listing = client.get("/media/").content.decode()
    assert "2 صورة" in listing or "صورتان" in listing or "2" in listing.split("card__badges")[1][:200]


def test_editor_upload_accepts_images_from_content_editors_only(client, content_editor):
    response = client.post("/admin/editor-upload/", {"upload": image_upload()})
    assert response.status_code == 302  # to the login page
    sign_in(client, content_editor)
    response = client.post("/admin/editor-upload/", {"upload": image_upload("ملف شخصي.jpg")})
    assert response.status_code == 200
    url = response.json()["url"]
    assert url.startswith("/uploads/editor/") and url.endswith(".jpg") and "ملف" not in url
    bad = client.post("/admin/editor-upload/", {"upload": SimpleUploadedFile("x.png", b"<svg onload=alert(1)>")})
    assert bad.status_code == 400 and "error" in bad.json()


def _truncated_jpeg(name="cut.jpg"):
    """A real JPEG cut in half: its header is sound, its pixels are not all there."""
    import io
    import random

    from PIL import Image

    noise = Image.frombytes("RGB", (300, 200), random.Random(1).randbytes(300 * 200 * 3))
    buffer = io.BytesIO()
    noise.save(buffer, "JPEG", quality=90)
    data = buffer.getvalue()
    return SimpleUploadedFile(name, data[: len(data) // 2], content_type="image/jpeg")


def test_a_jpeg_cut_in_half_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_image(_truncated_jpeg())
    assert error.value.code == "broken_image"


def test_a_damaged_image_already_stored_is_left_out_of_the_pages(client, caplog):
    from django.core.files.storage import default_storage

    # Stored before uploads were decoded (saving it now would fail when its metadata is stripped).
    broken = default_storage.save("posts/covers/cover.jpg", _truncated_jpeg())
    post = make_post(title="خبر بصورة تالفة", video_file=SimpleUploadedFile("v.mp4", MP4_BYTES))
    Post.objects.filter(pk=post.pk).update(cover_image=broken, cover_width=300, cover_height=200, video_poster=broken)
    post.refresh_from_db()
    Photo.objects.bulk_create([Photo(post=post, image=broken, width=300, height=200, caption_ar="صورة تالفة")])
    add_photos(post, 1)
    call_command("prepare_renditions", stdout=io.StringIO())  # as after restoring old uploads
    for url in ("/", "/news/", post.get_absolute_url(), "/en" + post.get_absolute_url()):
        response = client.get(url)
        assert response.status_code == 200, url
    content = client.get(post.get_absolute_url()).content.decode()
    assert '"image"' not in content.split('application/ld+json">')[1].split("</script>")[0]
    assert 'property="og:image" content="http://127.0.0.1:8000/static/img/share.png"' in content  # the emblem's card
    assert content.count('property="og:image"') == 1
    assert content.count('class="gallery__item"') == 1  # the sound photo only
    assert 'poster="/static/img/video-poster' in content
    assert "renditions" in caplog.text and "cover.jpg" not in caplog.text


def test_a_video_link_typed_without_https_is_saved_with_it(client, superuser):
    sign_in(client, superuser)
    response = client.post(
        "/admin/content/post/add/", _admin_post_data(video_url="www.youtube.com/watch?v=dQw4w9WgXcQ")
    )
    assert response.status_code == 302
    assert Post.objects.get().video_url == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
