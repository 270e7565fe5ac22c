"""Uploaded files give nothing away: images lose their metadata (EXIF with the GPS position,
XMP, comments), and every upload is stored under a random name."""

import io
import re
from pathlib import PurePath

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from content.models import Conference, Photo, Post, SecretariatMember
from tests.content_helpers import MP4_BYTES, make_post, pdf_upload
from tests.helpers import sign_in

pytestmark = pytest.mark.usefixtures("party_content")
RANDOM_NAME = re.compile(r"^[0-9a-f]{32}\.(jpg|jpeg|png|webp|gif|pdf|mp4)$")


def jpeg_with_gps(name="بيت أحمد في الكرادة.jpg", size=(64, 48), orientation=None):
    image = Image.new("RGB", size, (200, 30, 30))
    image.paste((10, 10, 200), (0, 0, size[0] // 2, size[1] // 2))  # a marker in the top-left corner
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0131] = "Camera 1.0"  # Software
    if orientation:
        exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (33.0, 18.0, 43.0), 3: "E", 4: (44.0, 25.0, 17.0)})  # Baghdad
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, comment=b"taken at home")
    data = buffer.getvalue()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(0x8825)  # the fixture really has a position
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def stored_image(field_file):
    field_file.open("rb")
    try:
        data = field_file.read()
    finally:
        field_file.close()
    return Image.open(io.BytesIO(data)), data


def assert_no_metadata(image, data):
    assert len(image.getexif()) == 0
    assert "exif" not in image.info and "comment" not in image.info and "xmp" not in image.info
    assert b"PhoneMaker" not in data and b"taken at home" not in data and b"Exif" not in data


def test_cover_photo_and_poster_are_stored_without_exif_under_random_names():
    post = make_post(cover_image=jpeg_with_gps(), video_poster=jpeg_with_gps("poster.JPG"))
    photo = Photo.objects.create(post=post, image=jpeg_with_gps("عائلتي.jpeg"))
    for field_file in (post.cover_image, post.video_poster, photo.image):
        image, data = stored_image(field_file)
        assert image.format == "JPEG" and image.size == (64, 48)
        assert_no_metadata(image, data)
        assert RANDOM_NAME.match(PurePath(field_file.name).name), field_file.name
    assert post.cover_image.name.startswith("posts/covers/") and photo.image.name.startswith("posts/photos/")
    assert post.cover_image.name != post.video_poster.name


def test_the_camera_orientation_is_applied_before_the_metadata_goes():
    post = make_post(cover_image=jpeg_with_gps(orientation=6))  # "rotate 90° clockwise to show"
    image, _data = stored_image(post.cover_image)
    assert image.size == (48, 64) and (post.cover_width, post.cover_height) == (48, 64)
    assert image.getpixel((44, 4))[2] > 150  # the blue corner is now top-right, as the camera meant


def test_an_unchanged_image_is_not_encoded_again():
    post = make_post(cover_image=jpeg_with_gps())
    name = post.cover_image.name
    post.title_ar = "عنوان جديد"
    post.save()
    assert Post.objects.get(pk=post.pk).cover_image.name == name


def test_secretariat_photos_lose_their_metadata_too():
    conference = Conference.objects.create(name_ar="المؤتمر", held_on="2024-05-01")
    member = SecretariatMember.objects.create(conference=conference, name_ar="عضو", photo=jpeg_with_gps("me.jpg"))
    image, data = stored_image(member.photo)
    assert_no_metadata(image, data)
    assert member.photo.name.startswith("secretariat/") and RANDOM_NAME.match(PurePath(member.photo.name).name)


def test_attachments_and_videos_get_random_names():
    """A PDF attached to a draft cannot be fetched by guessing its address."""
    post = make_post(status=Post.Status.DRAFT, video_file=SimpleUploadedFile("خطاب.mp4", MP4_BYTES))
    attachment = post.attachments.create(title_ar="تقرير", file=pdf_upload("report-2025-embargoed.pdf"))
    for name in (attachment.file.name, post.video_file.name):
        assert RANDOM_NAME.match(PurePath(name).name), name
    assert "embargoed" not in attachment.file.name


def test_editor_uploads_lose_their_metadata_and_are_scaled_down(client, superuser):
    sign_in(client, superuser)
    response = client.post("/admin/editor-upload/", {"upload": jpeg_with_gps()})
    assert response.status_code == 200
    url = response.json()["url"]
    from django.core.files.storage import default_storage

    name = url.removeprefix("/uploads/")
    assert RANDOM_NAME.match(PurePath(name).name)
    with default_storage.open(name) as stored:
        data = stored.read()
    assert_no_metadata(Image.open(io.BytesIO(data)), data)
    big = SimpleUploadedFile("big.png", _png((3000, 1500)), content_type="image/png")
    url = client.post("/admin/editor-upload/", {"upload": big}).json()["url"]
    with default_storage.open(url.removeprefix("/uploads/")) as stored:
        image = Image.open(io.BytesIO(stored.read()))
        assert image.format == "PNG" and image.size == (2000, 1000)


def _png(size):
    buffer = io.BytesIO()
    Image.new("RGB", size, (1, 2, 3)).save(buffer, "PNG")
    return buffer.getvalue()


def test_secretariat_photos_are_checked_like_every_other_image(monkeypatch):
    from django.core.exceptions import ValidationError

    from content import validators
    from tests.content_helpers import image_upload

    conference = Conference.objects.create(name_ar="المؤتمر", held_on="2024-05-01")
    member = SecretariatMember(conference=conference, name_ar="عضو", photo=image_upload("wide.png", (13000, 2), "PNG"))
    with pytest.raises(ValidationError) as error:
        member.full_clean()
    assert "photo" in error.value.error_dict
    monkeypatch.setattr(validators, "MAX_IMAGE_BYTES", 100)
    member.photo = jpeg_with_gps()
    with pytest.raises(ValidationError):
        member.full_clean()
