"""WebP renditions of uploaded images at several widths (sorl-thumbnail makes and caches them).

Each use of an image on the site has a preset: the widths offered in `srcset` and, for cards
and video posters, a fixed shape. The admin makes them when a post is saved, so that the first
visitor never waits while thirty photos are resized.
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
    wanted = [w for w in widths if w < width] + [min(width, widths[-1])] if width else list(widths)
    result = []
    for w in wanted:
        options = {"format": "WEBP", "quality": settings.THUMBNAIL_QUALITY}
        geometry = str(w)
        if ratio:
            geometry = f"{w}x{round(w * ratio)}"
            options["crop"] = "center"
        result.append((get_thumbnail(image, geometry, **options), w))
    return result


def prepare_renditions(post):
    """Make every rendition a post's pages will ask for. Failures are logged, never raised:
    the page makes what is missing when it is first shown, and leaves out an image it cannot read."""
    jobs = []
    if post.cover_image:
        jobs += [(post.cover_image, post.cover_width, preset) for preset in ("card", "cover", "share")]
    if post.video_poster:
        jobs += [(post.video_poster, post.poster_width, preset) for preset in ("poster", "card")]
    for photo in post.photos.all():
        jobs += [(photo.image, photo.width, preset) for preset in ("gallery", "full", "card")]
    for image, width, preset in jobs:
        renditions(image, width, preset)
