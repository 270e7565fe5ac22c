"""Uploads are judged by their content, not their name: Pillow for images, the PDF header and
trailer for reports, the MP4 `ftyp` box for videos. Each has a size limit; images also a limit
on their dimensions (a small file can still decode to a huge picture)."""

import re
import warnings
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000  # 40 megapixels: more than any camera photo the staff will upload
MAX_IMAGE_SIDE = 12_000
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
MAX_PDF_BYTES = 30 * 1024 * 1024
MAX_VIDEO_BYTES = 300 * 1024 * 1024


def _check_size(file, limit):
    if file.size > limit:
        raise ValidationError(
            _("This file is %(size)s; the limit is %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
        )


def _rewind(file):
    if hasattr(file, "seek"):
        file.seek(0)


def validate_image(file):
    """A real JPEG, PNG, WebP or GIF within the size and pixel limits."""
    _check_size(file, MAX_IMAGE_BYTES)
    try:
        _rewind(file)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                width, height = image.size
                kind = image.format
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(_("This image has too many pixels."), code="too_many_pixels") from None
    except Exception:
        raise ValidationError(
            _("This file is not an image we can use. Upload a JPEG, PNG or WebP photo."), code="not_an_image"
        ) from None
    finally:
        _rewind(file)
    if kind not in IMAGE_FORMATS:
        raise ValidationError(
            _("This file is not an image we can use. Upload a JPEG, PNG or WebP photo."), code="not_an_image"
        )
    if width * height > MAX_IMAGE_PIXELS or max(width, height) > MAX_IMAGE_SIDE:
        raise ValidationError(
            _("This image is %(width)s×%(height)s pixels; the limit is %(side)s pixels a side and %(mp)s megapixels."),
            code="too_many_pixels",
            params={"width": width, "height": height, "side": MAX_IMAGE_SIDE, "mp": MAX_IMAGE_PIXELS // 1_000_000},
        )
    # verify() reads the structure, not the pixels: a JPEG cut in half passes it and then fails
    # every time a page resizes it. Decoding it once (within the limits checked above) catches that.
    try:
        _rewind(file)
        with Image.open(file) as image:
            image.load()
    except Exception:
        raise ValidationError(
            _("This image is damaged or incomplete. Upload the photo again."), code="broken_image"
        ) from None
    finally:
        _rewind(file)


def validate_pdf(file):
    """A PDF: it starts with `%PDF-` and ends with the `%%EOF` trailer."""
    _check_size(file, MAX_PDF_BYTES)
    try:
        _rewind(file)
        head = file.read(1024)
        file.seek(max(file.size - 2048, 0))
        tail = file.read()
    finally:
        _rewind(file)
    if not head.startswith(b"%PDF-") or b"%%EOF" not in tail:
        raise ValidationError(_("This file is not a PDF document."), code="not_a_pdf")


def validate_mp4(file):
    """An MP4 video: an ISO media file whose first box is `ftyp`."""
    _check_size(file, MAX_VIDEO_BYTES)
    try:
        _rewind(file)
        head = file.read(12)
    finally:
        _rewind(file)
    if len(head) < 12 or head[4:8] != b"ftyp":
        raise ValidationError(_("This file is not an MP4 video."), code="not_mp4")


_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^\d{6,12}$")


def parse_video_url(url):
    """('youtube', id) or ('vimeo', id) for a link to a video, or None."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    path = [piece for piece in parts.path.split("/") if piece]
    candidate = None
    if host in ("youtube.com", "youtube-nocookie.com"):
        if path[:1] == ["watch"]:
            candidate = parse_qs(parts.query).get("v", [""])[0]
        elif len(path) >= 2 and path[0] in ("embed", "shorts", "live", "v"):
            candidate = path[1]
        if candidate and _YOUTUBE_ID.match(candidate):
            return ("youtube", candidate)
    elif host == "youtu.be" and path:
        if _YOUTUBE_ID.match(path[0]):
            return ("youtube", path[0])
    elif host in ("vimeo.com", "player.vimeo.com"):
        for piece in path:
            if _VIMEO_ID.match(piece):
                return ("vimeo", piece)
    return None


def validate_video_url(url):
    if url and parse_video_url(url) is None:
        raise ValidationError(
            _("Paste the address of a YouTube or Vimeo video, e.g. https://www.youtube.com/watch?v=…"),
            code="not_a_video_link",
        )
