import io
import re
import uuid
from pathlib import PurePath

from django.core.files.base import ContentFile
from django.db import models
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from PIL import Image, ImageOps

from .sanitize import clean_html


class RichTextField(models.TextField):
    """HTML written in the admin's editor; cleaned with nh3 every time the row is saved.

    django-modeltranslation copies this field for each language, so every translation is
    cleaned too. QuerySet.update() skips pre_save: content/models.py cleans there as well.
    """

    def formfield(self, **kwargs):
        from django_ckeditor_5.widgets import CKEditor5Widget

        kwargs.setdefault("widget", CKEditor5Widget(config_name="default"))
        return super().formfield(**kwargs)

    def pre_save(self, model_instance, add):
        value = clean_html(super().pre_save(model_instance, add))
        # Write the cleaned text back only through a language's own field (body_ar…). On a translated
        # model the plain `body` attribute is modeltranslation's descriptor for the *active* language:
        # writing it would copy the Arabic fallback into, say, body_en when saving under /en/.
        if hasattr(self, "translated_field") or not hasattr(model_instance, f"{self.attname}_ar"):
            setattr(model_instance, self.attname, value)
        return value


_EXTENSION = re.compile(r"^\.[a-z0-9]{1,5}$")


@deconstructible
class RandomName:
    """upload_to: a random file name (uuid4 hex) in `folder` (strftime codes allowed), keeping
    the extension. The original name may carry personal data, and a guessable address would let
    anyone fetch a draft's files before it is published."""

    def __init__(self, folder):
        self.folder = folder

    def __call__(self, instance, filename):
        extension = PurePath(filename).suffix.lower()
        if not _EXTENSION.match(extension):
            extension = ""
        return f"{timezone.now().strftime(self.folder)}{uuid.uuid4().hex}{extension}"

    def __eq__(self, other):
        return isinstance(other, RandomName) and other.folder == self.folder


STORED_EXTENSION = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}


def without_metadata(file, max_side=None):
    """The image re-encoded in its own format with its pixels only: no EXIF (camera, time, GPS
    location), no XMP, no comments. The EXIF orientation is applied to the pixels first; the
    colour profile is kept. `max_side` scales it down to fit (never up). An animation keeps its
    first frame only: every frame re-encoded at full size cost seconds and a gigabyte for a
    148-byte GIF, and a party's news needs no animations. Returns a ContentFile named after the
    original but with its real format's extension (a JPEG named .ps is stored as .jpg), and that
    format ("JPEG", "PNG", "WEBP" or "GIF")."""
    file.seek(0)
    with Image.open(file) as original:
        kind = original.format
        icc_profile = original.info.get("icc_profile")
        options = {"format": kind}
        original.seek(0)  # an animation: its first frame, as a still image
        image = ImageOps.exif_transpose(original)
        if max_side and max(image.size) > max_side:
            image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
        transparency = image.info.get("transparency")
        image.info = {}  # nothing of the original's metadata is carried over
        if transparency is not None:
            options["transparency"] = transparency
        if icc_profile:
            options["icc_profile"] = icc_profile
        if kind == "JPEG":
            options.update(quality=90, optimize=True)
            if image.mode not in ("RGB", "L", "CMYK"):
                image = image.convert("RGB")
        elif kind == "WEBP":
            options.update(quality=90)
        elif kind == "PNG":
            options.update(optimize=True)
        buffer = io.BytesIO()
        image.save(buffer, **options)
    file.seek(0)
    name = PurePath(PurePath(file.name or "image").name).with_suffix(f".{STORED_EXTENSION[kind]}").name
    return ContentFile(buffer.getvalue(), name=name), kind


class PrivateImageField(models.ImageField):
    """An ImageField whose newly uploaded files are stored without their metadata (see
    without_metadata): a phone photo's EXIF often holds where and when it was taken."""

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            cleaned, _kind = without_metadata(file)
            setattr(model_instance, self.attname, cleaned)  # the descriptor updates width and height
        return super().pre_save(model_instance, add)
