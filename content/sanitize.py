"""Rich text is cleaned with nh3 when it is saved, so what is stored is safe to render.

Removed: <script> and <style> (with their content), event handlers (on…), `style` attributes
(they can hide text or lay a fake form over the page), `javascript:` and other non-web links,
and every iframe except a video player from youtube-nocookie.com or player.vimeo.com
(the hosts the public CSP allows in frame-src). Images must be this site's own uploads (the
editor's, under MEDIA_URL): a picture from another host would report every reader to it, so an
<img> with any other source is dropped. Images in the text load lazily.
"""

import re

import nh3
from django.conf import settings

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "figure",
    "figcaption",
    "img",
    "hr",
    "span",
    "bdi",
    "sub",
    "sup",
    "code",
    "pre",
    "iframe",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "iframe": {"src", "title", "width", "height", "allow", "allowfullscreen", "loading"},
    "*": {"dir", "lang"},
}


VIDEO_FRAME_SOURCES = ("https://www.youtube-nocookie.com/embed/", "https://player.vimeo.com/video/")
# nh3's output is normalised HTML, so an iframe left without a source has exactly this shape.
_EMPTY_IFRAME = re.compile(r"<iframe(?![^>]*\ssrc=)[^>]*>.*?</iframe>", re.DOTALL)
_IMAGE_WITHOUT_SOURCE = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")


def is_own_upload(url):
    """An address of a file uploaded to this site: under MEDIA_URL, relative or under SITE_URL."""
    media = settings.MEDIA_URL
    if url.startswith(media) and not url.startswith("//"):
        return True
    return bool(settings.SITE_URL) and url.startswith(settings.SITE_URL + media)


def _filter_attribute(tag, attribute, value):
    if tag == "iframe" and attribute == "src" and not value.startswith(VIDEO_FRAME_SOURCES):
        return None
    if tag == "img" and attribute == "src" and not is_own_upload(value):
        return None
    return value


def clean_html(html: str) -> str:
    if not html:
        return ""
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
        set_tag_attribute_values={"img": {"loading": "lazy"}},
    )
    return _IMAGE_WITHOUT_SOURCE.sub("", _EMPTY_IFRAME.sub("", cleaned))
