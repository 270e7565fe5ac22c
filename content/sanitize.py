"""Rich text is cleaned with nh3 when it is saved, so what is stored is safe to render.

Removed: <script> and <style> (with their content), event handlers (on…), `style` attributes
(they can hide text or lay a fake form over the page), `javascript:` and other non-web links,
and every iframe except a video player from youtube-nocookie.com or player.vimeo.com
(the hosts the public CSP allows in frame-src).
"""

import re

import nh3

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
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "iframe": {"src", "title", "width", "height", "allow", "allowfullscreen", "loading"},
    "*": {"dir", "lang"},
}


VIDEO_FRAME_SOURCES = ("https://www.youtube-nocookie.com/embed/", "https://player.vimeo.com/video/")
# nh3's output is normalised HTML, so an iframe left without a source has exactly this shape.
_EMPTY_IFRAME = re.compile(r"<iframe(?![^>]*\ssrc=)[^>]*>.*?</iframe>", re.DOTALL)


def _filter_attribute(tag, attribute, value):
    if tag == "iframe" and attribute == "src" and not value.startswith(VIDEO_FRAME_SOURCES):
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
    )
    return _EMPTY_IFRAME.sub("", cleaned)
