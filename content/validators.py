"""Uploads are judged by their content, not their name: Pillow for images, pypdf for reports (it
must open the file and count its pages; active content is refused), a walk over the MP4's boxes for
videos. Each has a size limit; images also a limit on what they decode to: a small file can still
decode to a huge picture, or to many frames of one (an animated GIF's canvas × frames)."""

import re
import struct
import warnings
from pathlib import PurePath
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000  # 40 megapixels: more than any camera photo the staff will upload
MAX_IMAGE_SIDE = 12_000
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
# What all the frames of an animation decode to, together (the canvas is drawn for each frame), and
# how many frames it may have (only the first is kept: content/fields.py).
MAX_DECODED_PIXELS = MAX_IMAGE_PIXELS
MAX_FRAMES = 300
# The extension each format is stored under (content/fields.py), and the names it may arrive with.
IMAGE_EXTENSIONS = {"JPEG": ("jpg", "jpeg"), "PNG": ("png",), "WEBP": ("webp",), "GIF": ("gif",)}
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


def _animation_too_large(image, canvas_pixels) -> bool:
    """Whether an animation's frames together decode to more than MAX_DECODED_PIXELS, or number more
    than MAX_FRAMES. A GIF of a 6,000 × 6,000 canvas with four 1 × 1 frames is 148 bytes and decodes
    to 144 megapixels; one of 400,000 tiny frames takes seconds to count. Frames are visited one at a
    time and never past either limit, so checking costs at most what the limits allow."""
    if not getattr(image, "is_animated", False):  # reads the second frame's header only
        return False
    frames = 2
    try:
        while frames <= MAX_FRAMES and frames * canvas_pixels <= MAX_DECODED_PIXELS:
            image.seek(frames)  # is there one more? (decodes the frame before it, already counted)
            frames += 1
    except EOFError:
        return False
    return True


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
                too_many_frames = width * height <= MAX_IMAGE_PIXELS and _animation_too_large(image, width * height)
            _rewind(file)
            with Image.open(file) as image:
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
    if too_many_frames:
        raise ValidationError(
            _("This animation has too many frames for its size. Upload a still image instead."),
            code="too_many_frames",
        )
    extension = PurePath(getattr(file, "name", "") or "").suffix.lower().lstrip(".")
    if extension and extension not in IMAGE_EXTENSIONS[kind]:
        # A GIF named .jpg would get past a field that takes photos only; a JPEG named .ps be served
        # as PostScript. Files are stored under their real format's extension anyway (content/fields.py).
        raise ValidationError(
            _("This file is a %(kind)s image but its name ends in .%(extension)s. Rename it or save it again."),
            code="wrong_extension",
            params={"kind": kind, "extension": extension},
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


# What makes a PDF act rather than show: scripts, actions run on opening or on events, launching
# programs, files carried inside. The browser's PDF viewer would run them on the site's origin.
PDF_ACTIVE_CONTENT = {"/JS", "/JavaScript", "/OpenAction", "/AA", "/Launch", "/EmbeddedFile", "/EmbeddedFiles"}
_TOO_COMPLEX = "too many objects"
MAX_PDF_OBJECTS = 50_000  # a 300-page report with images has a few thousand; checking 50,000 takes about a second


def validate_pdf(file):
    """A PDF that pypdf opens and counts at least one page in, without active content (see
    PDF_ACTIVE_CONTENT) and not password-protected. An HTML page after `%PDF-` is not one."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    _check_size(file, MAX_PDF_BYTES)
    not_a_pdf = ValidationError(_("This file is not a PDF document."), code="not_a_pdf")
    try:
        _rewind(file)
        if file.read(5) != b"%PDF-":
            raise not_a_pdf
        _rewind(file)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(file, strict=False)
            if reader.is_encrypted:
                raise ValidationError(
                    _("This PDF is protected by a password. Upload it without the protection."), code="pdf_encrypted"
                )
            if len(reader.pages) < 1:
                raise not_a_pdf
            active = _pdf_active_content(reader)
    except ValidationError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError, struct.error, OSError):
        raise not_a_pdf from None
    finally:
        _rewind(file)
    if active == _TOO_COMPLEX:
        raise ValidationError(
            _("This PDF is too complex to check. Save it again as a simpler PDF, e.g. by printing it to PDF."),
            code="pdf_too_complex",
        )
    if active:
        raise ValidationError(
            _(
                "This PDF contains scripts or actions (%(what)s). "
                "Save it again as a plain PDF, e.g. by printing it to PDF."
            ),
            code="pdf_active_content",
            params={"what": active},
        )


def _pdf_active_content(reader) -> str:
    """The first name of PDF_ACTIVE_CONTENT found as a key or a value anywhere in the document's
    objects (those inside object streams too), or ""."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

    seen = set()
    pending = [reader.trailer]
    while pending:
        item = pending.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            if len(seen) > MAX_PDF_OBJECTS:
                return _TOO_COMPLEX
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            for name, value in item.items():
                if name in PDF_ACTIVE_CONTENT:
                    return str(name)
                pending.append(value)
        elif isinstance(item, ArrayObject):
            pending.extend(item)
        elif isinstance(item, NameObject) and item in PDF_ACTIVE_CONTENT:
            return str(item)
    return ""


# Top-level boxes an MP4 may hold (ISO/IEC 14496-12 and -14). Anything else at the top is not a video.
MP4_TOP_LEVEL_BOXES = {
    b"ftyp", b"moov", b"mdat", b"free", b"skip", b"wide", b"uuid", b"udta", b"meta", b"pdin", b"moof",
    b"mfra", b"sidx", b"styp", b"emsg", b"prft", b"ssix", b"pnot",
}  # fmt: skip


def validate_mp4(file):
    """An MP4 video: its top-level boxes, walked from the `ftyp` at the start, are known box types and
    fill the file exactly, and there is a `moov` (the index) and media data (`mdat` or fragments)."""
    _check_size(file, MAX_VIDEO_BYTES)
    not_mp4 = ValidationError(_("This file is not an MP4 video."), code="not_mp4")
    size = file.size
    found = []
    try:
        offset = 0
        while offset < size:
            file.seek(offset)
            header = file.read(16)
            if len(header) < 8:
                raise not_mp4
            length, kind = struct.unpack(">I4s", header[:8])
            if length == 1:  # a 64-bit size follows
                if len(header) < 16:
                    raise not_mp4
                length = struct.unpack(">Q", header[8:16])[0]
                minimum = 16
            elif length == 0:  # the last box runs to the end of the file
                length = size - offset
                minimum = 8
            else:
                minimum = 8
            if kind not in MP4_TOP_LEVEL_BOXES or length < minimum or offset + length > size:
                raise not_mp4
            if not found and kind != b"ftyp":
                raise not_mp4
            found.append(kind)
            offset += length
    finally:
        _rewind(file)
    if b"moov" not in found or not ({b"mdat", b"moof"} & set(found)):
        raise not_mp4


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
