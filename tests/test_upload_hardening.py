"""Hostile uploads: animation bombs, PDFs that act, files that only start like a PDF or an MP4, and
images stored under the extension of what they really are."""

import io

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from content.admin import MultipleImageField
from content.fields import PrivateImageField, without_metadata
from content.validators import validate_image, validate_mp4, validate_pdf
from tests.content_helpers import MP4_BYTES, image_bytes, mp4_box, pdf_bytes
from tests.helpers import sign_in


def gif_frame_bomb(frames=4, side=6000) -> bytes:
    """What the issue describes: a 6,000 × 6,000 canvas and `frames` frames of 1 × 1 (148 bytes for 4)."""
    screen = side.to_bytes(2, "little") * 2 + b"\x80\x00\x00" + b"\x00\x00\x00\xff\xff\xff"
    frame = b"\x21\xf9\x04\x00\x0a\x00\x00\x00" + b"\x2c" + b"\x00\x00" * 2 + b"\x01\x00" * 2 + b"\x00"
    frame += b"\x02\x02\x44\x01\x00"  # LZW: clear, pixel 0, end
    return b"GIF89a" + screen + frame * frames + b"\x3b"


def animated_gif(frames=3, size=(20, 10)) -> bytes:
    images = [Image.new("P", size, index) for index in range(frames)]
    buffer = io.BytesIO()
    images[0].save(buffer, "GIF", save_all=True, append_images=images[1:], duration=100, loop=0)
    return buffer.getvalue()


def refused(validator, name, content) -> str:
    with pytest.raises(ValidationError) as error:
        validator(SimpleUploadedFile(name, content))
    return error.value.error_list[0].code


# --- animations


def test_the_gif_frame_bomb_is_refused():
    bomb = gif_frame_bomb()
    assert len(bomb) < 200
    assert refused(validate_image, "bomb.gif", bomb) == "too_many_frames"


def test_a_single_frame_on_the_same_canvas_is_judged_by_its_pixels_alone():
    validate_image(SimpleUploadedFile("wide.gif", gif_frame_bomb(frames=1, side=2000)))


def test_the_bomb_is_refused_by_the_gallery_and_the_editor_paths(client, content_editor):
    field = MultipleImageField(required=False)
    with pytest.raises(ValidationError):
        field.clean([SimpleUploadedFile("bomb.gif", gif_frame_bomb(), content_type="image/gif")])
    sign_in(client, content_editor)
    response = client.post("/admin/editor-upload/", {"upload": SimpleUploadedFile("bomb.gif", gif_frame_bomb())})
    assert response.status_code == 400


def test_every_image_field_judges_its_files_with_validate_image():
    fields = [
        field
        for model in apps.get_app_config("content").get_models()
        for field in model._meta.get_fields()
        if isinstance(field, PrivateImageField)
    ]
    assert len(fields) >= 4
    assert all(validate_image in field.validators for field in fields)


def test_an_animation_is_stored_as_its_first_frame():
    validate_image(SimpleUploadedFile("small.gif", animated_gif()))
    stored, kind = without_metadata(SimpleUploadedFile("small.gif", animated_gif()))
    with Image.open(stored) as image:
        assert (kind, getattr(image, "n_frames", 1), image.size) == ("GIF", 1, (20, 10))


# --- file names


@pytest.mark.parametrize(
    "name,kind", [("photo.ps", "JPEG"), ("photo.jpg", "GIF"), ("photo.png", "JPEG"), ("photo.webp", "PNG")]
)
def test_an_image_named_as_another_format_is_refused(name, kind):
    content = animated_gif(1) if kind == "GIF" else image_bytes(kind=kind)
    assert refused(validate_image, name, content) == "wrong_extension"


def test_a_gif_named_jpg_does_not_get_past_the_secretariat_photo(db):
    from content.models import SecretariatMember

    field = SecretariatMember._meta.get_field("photo")
    with pytest.raises(ValidationError):
        field.run_validators(SimpleUploadedFile("portrait.jpg", animated_gif(1)))


@pytest.mark.parametrize(
    "name,kind,stored", [("a.jpeg", "JPEG", "a.jpg"), ("B.JPG", "JPEG", "B.jpg"), ("c", "PNG", "c.png")]
)
def test_images_are_stored_under_their_real_formats_extension(name, kind, stored):
    cleaned, _kind = without_metadata(SimpleUploadedFile(name, image_bytes(kind=kind)))
    assert cleaned.name == stored


# --- PDFs


def javascript_action():
    return DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1)")}
    )


@pytest.mark.parametrize(
    "catalog",
    [
        {"OpenAction": javascript_action()},
        {"AA": DictionaryObject({NameObject("/O"): javascript_action()})},
        {"Names": DictionaryObject({NameObject("/JavaScript"): DictionaryObject()})},
        {"Names": DictionaryObject({NameObject("/EmbeddedFiles"): DictionaryObject()})},
        {"Extra": DictionaryObject({NameObject("/S"): NameObject("/Launch")})},
    ],
    ids=["open-action-js", "additional-actions", "javascript-names", "embedded-files", "launch"],
)
def test_a_pdf_with_active_content_is_refused(catalog):
    assert refused(validate_pdf, "report.pdf", pdf_bytes(**catalog)) == "pdf_active_content"


def test_an_active_name_written_with_hex_escapes_is_still_found():
    content = pdf_bytes(OpenAction=javascript_action()).replace(b"/JavaScript", b"/J#61vaScript")
    assert refused(validate_pdf, "report.pdf", content) == "pdf_active_content"


def test_a_plain_pdf_of_several_pages_is_accepted():
    validate_pdf(SimpleUploadedFile("report.pdf", pdf_bytes(pages=3)))


@pytest.mark.parametrize(
    "content",
    [b"%PDF-1.7\n<html><script>alert(1)</script></html>\n%%EOF\n", b"<html>%PDF-1.4", b"%PDF-1.4\n%%EOF"],
    ids=["html-after-header", "html", "header-and-trailer-only"],
)
def test_a_file_that_only_looks_like_a_pdf_is_refused(content):
    assert refused(validate_pdf, "report.pdf", content) == "not_a_pdf"


def test_a_password_protected_pdf_is_refused():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes())))
    writer.encrypt("secret", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert refused(validate_pdf, "report.pdf", buffer.getvalue()) == "pdf_encrypted"


# --- MP4


@pytest.mark.parametrize(
    "content",
    [
        mp4_box(b"ftyp", b"mp42\x00\x00\x00\x00mp42isom") + b"<html><script>alert(1)</script></html>",
        mp4_box(b"ftyp", b"mp42\x00\x00\x00\x00") + mp4_box(b"mdat", b"\x00" * 16),  # no index
        MP4_BYTES[:-10],  # cut short
        mp4_box(b"moov") + MP4_BYTES,  # does not start with ftyp
        MP4_BYTES + b"\x00\x00\x00",  # trailing bytes that are no box
    ],
    ids=["ftyp-then-html", "no-moov", "truncated", "no-ftyp-first", "trailing-garbage"],
)
def test_a_file_that_only_starts_like_an_mp4_is_refused(content):
    assert refused(validate_mp4, "video.mp4", content) == "not_mp4"


def test_an_mp4_with_a_64_bit_box_and_a_last_box_to_the_end_is_accepted():
    large = (1).to_bytes(4, "big") + b"mdat" + (16 + 32).to_bytes(8, "big") + b"\x00" * 32
    last = (0).to_bytes(4, "big") + b"free" + b"\x00" * 8
    validate_mp4(SimpleUploadedFile("video.mp4", MP4_BYTES + large + last))


def test_a_gif_of_very_many_tiny_frames_is_refused():
    """Counting 400,000 frames took seconds: frames are counted up to MAX_FRAMES only."""
    from content.validators import MAX_FRAMES

    assert refused(validate_image, "many.gif", gif_frame_bomb(frames=MAX_FRAMES + 1, side=1)) == "too_many_frames"
    validate_image(SimpleUploadedFile("few.gif", gif_frame_bomb(frames=MAX_FRAMES, side=1)))


def test_a_pdf_with_more_objects_than_a_report_has_is_refused(monkeypatch):
    from content import validators

    monkeypatch.setattr(validators, "MAX_PDF_OBJECTS", 50)
    assert refused(validate_pdf, "big.pdf", pdf_bytes(pages=60)) == "pdf_too_complex"
    validate_pdf(SimpleUploadedFile("small.pdf", pdf_bytes(pages=10)))
