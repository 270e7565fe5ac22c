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
    """[(thumbnail, width)], never wider than the original."""
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
    the page makes what is missing when it is first shown."""
    jobs = []
    if post.cover_image:
        jobs += [(post.cover_image, post.cover_width, preset) for preset in ("card", "cover", "share")]
    if post.video_poster:
        jobs += [(post.video_poster, post.poster_width, preset) for preset in ("poster", "card")]
    for photo in post.photos.all():
        jobs += [(photo.image, photo.width, preset) for preset in ("gallery", "full", "card")]
    for image, width, preset in jobs:
        try:
            renditions(image, width, preset)
        except Exception:
            logger.exception("Could not make the %s renditions of an image of post %s", preset, post.pk)
