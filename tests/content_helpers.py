"""Builders for the content tests: posts, real (tiny) images, PDFs and MP4 headers."""

import io
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from content.models import Attachment, Photo, Post


def pdf_bytes(pages=1, **catalog) -> bytes:
    """A real PDF of blank pages, as pypdf writes it; `catalog` adds entries to its root (an
    /OpenAction, /Names…) as pypdf objects."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter()
    for _page in range(pages):
        writer.add_blank_page(width=595, height=842)
    for name, value in catalog.items():
        writer._root_object[NameObject(f"/{name}")] = value
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def mp4_box(kind: bytes, payload: bytes = b"") -> bytes:
    return (8 + len(payload)).to_bytes(4, "big") + kind + payload


PDF_BYTES = pdf_bytes()
# The smallest shape of an MP4: the file type, the index (moov) and the media data.
MP4_BYTES = (
    mp4_box(b"ftyp", b"mp42\x00\x00\x00\x00mp42isom") + mp4_box(b"moov", mp4_box(b"mvhd", b"\x00" * 100))
    + mp4_box(b"mdat", b"\x00" * 64)
)  # fmt: skip


def image_bytes(size=(64, 48), kind="JPEG", color=(20, 80, 60)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, kind)
    return buffer.getvalue()


def image_upload(name="photo.jpg", size=(64, 48), kind="JPEG", color=(20, 80, 60)):
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png"}[kind]
    return SimpleUploadedFile(name, image_bytes(size, kind, color), content_type=content_type)


def pdf_upload(name="report.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def make_post(section="news", title="خبر تجريبي", status=Post.Status.PUBLISHED, when=None, **fields):
    fields.setdefault("body_ar", "<p>نص الخبر.</p>")
    return Post.objects.create(
        section_id=section,
        title_ar=title,
        status=status,
        published_at=when or timezone.now() - timedelta(hours=1),
        **fields,
    )


def add_photos(post, count):
    for index in range(count):
        Photo.objects.create(post=post, image=image_upload(f"p{index}.jpg"), caption_ar=f"صورة {index}", order=index)


def add_attachments(post, count):
    for index in range(count):
        Attachment.objects.create(post=post, title_ar=f"تقرير {index}", file=pdf_upload(f"r{index}.pdf"))
