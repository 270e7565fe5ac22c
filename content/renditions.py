"""WebP renditions of uploaded images at several widths, worked out when the image is saved.

Each use of an image on the site has a preset: the widths offered in `srcset` and, for cards
and video posters, a fixed shape. When a model with images is saved, `refresh_renditions` makes
every rendition its pages will show (sorl-thumbnail writes the files) and stores their URLs and
sizes in a JSON field beside the image (`cover_renditions`, `renditions`…). Templates read that
field: drawing a page looks nothing up, in the cache or on disk (DESIGN.md, "Per-image lookups").

`manage.py prepare_renditions` works them out again for every image (after a change of presets,
storage or MEDIA_URL).
"""

import logging

from django.conf import settings
from sorl.thumbnail import get_thumbnail

logger = logging.getLogger(__name__)

PRESETS = {
    # name: (widths, height/width ratio or None to keep the photo's shape)
    "card": ((400, 800), 0.5625),
    "cover": ((480, 800, 1200), None),
    "gallery": ((400, 800), 0.6667),
    "full": ((1600,), None),
    "poster": ((480, 800, 1200), 0.5625),
    "share": ((1200,), 0.525),
    "person": ((320,), 1.0),
    "hero": ((640, 1024, 1600, 2400), None),
}


def renditions(image, width, preset):
    """[(thumbnail, width)], never wider than the original; [] for an image that cannot be read
    (a damaged file is logged and left out of the page rather than breaking it)."""
    try:
        return _renditions(image, width, preset)
    except Exception as error:
        instance = getattr(image, "instance", None)
        logger.warning(
            "Could not make the %s renditions of the %s of %s %s (%s)",
            preset,
            getattr(getattr(image, "field", None), "name", "image"),
            type(instance).__name__,
            getattr(instance, "pk", None),
            type(error).__name__,
        )
        return []


def _renditions(image, width, preset):
    widths, ratio = PRESETS[preset]
    if width:  # never wider than the original: its own width stands in for the larger presets
        wanted = [w for w in widths if w < width]
        wanted += [] if min(width, widths[-1]) in wanted else [min(width, widths[-1])]
    else:
        wanted = list(widths)
    result = []
    for w in wanted:
        options = {"format": "WEBP", "quality": settings.THUMBNAIL_QUALITY}
        geometry = str(w)
        if ratio:
            geometry = f"{w}x{round(w * ratio)}"
            options["crop"] = "center"
        result.append((get_thumbnail(image, geometry, **options), w))
    return result


def stored_renditions(image, width, presets):
    """What a renditions field holds for `image`: {"source": its name, preset: [[url, w, width,
    height], …]}, widths ascending; {} without an image. `w` is the srcset width descriptor."""
    if not image:
        return {}
    data = {"source": image.name}
    for preset in presets:
        data[preset] = [[thumb.url, w, thumb.width, thumb.height] for thumb, w in renditions(image, width, preset)]
    return data


def refresh_renditions(instance, *, force=False):
    """Before a save: commit each newly uploaded image of `instance` (as the field's pre_save
    would), then work out the renditions of every image whose file changed since they were last
    made. The model lists its images in RENDITIONS: {image field: (renditions field, width field,
    presets)}. Returns the names of the renditions fields it changed."""
    changed = []
    for image_name, (field_name, width_name, presets) in instance.RENDITIONS.items():
        image = getattr(instance, image_name)
        if image and not image._committed:
            instance._meta.get_field(image_name).pre_save(instance, instance._state.adding)
            image = getattr(instance, image_name)
        current = getattr(instance, field_name) or {}
        source = image.name if image else None
        if force or current.get("source") != source or (not image and current):
            width = getattr(instance, width_name) if width_name else None
            setattr(instance, field_name, stored_renditions(image, width, presets))
            changed.append(field_name)
    return changed
