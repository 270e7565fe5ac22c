"""Template tags for posts: responsive WebP images, charts, JSON-LD and search snippets."""

import json
import logging
import unicodedata
from urllib.parse import quote

from django import template
from django.conf import settings
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from content.charts import ChartData, draw_svg, format_number
from content.search import highlight

register = template.Library()


logger = logging.getLogger(__name__)


@register.filter
def query_value(value):
    """`value` for a share link's query string, as `urlencode` would write it but with letters, marks
    and digits of other scripts left as they are (an IRI): an Arabic title stays about a third the
    length, and compresses with the same title elsewhere in the page. Browsers encode them on the way
    out, so the link is the same. Everything else is percent-encoded: ASCII punctuation and spaces,
    and invisible characters such as bidi controls or no-break spaces."""

    def keep(char):
        return ord(char) > 127 and unicodedata.category(char)[0] in "LMN"

    return "".join(char if keep(char) else quote(char, safe="") for char in str(value))


@register.simple_tag
def responsive_image(stored, preset="cover", alt="", sizes="100vw", lazy=True, css_class="", high=True):
    """<img> with a WebP srcset at the preset's widths, its width and height, and lazy loading
    unless it is above the fold. lazy=False also asks the browser to fetch it first, unless
    high is false: only the picture that is likely the largest on a phone's first screen should
    take the network from the others on a slow connection.

    `stored` is an image's renditions field (post.cover_renditions, photo.renditions…), worked out
    when the image was saved: nothing is looked up here. An image that could not be read has none
    and is left out."""
    items = (stored or {}).get(preset)
    if not items:
        return ""
    url, _w, width, height = items[min(1, len(items) - 1)]
    # One candidate per width: HTML forbids a width twice (renditions stored by older code repeated
    # the original's width when it was smaller than the largest preset).
    seen = set()
    candidates = [item for item in items if not (item[1] in seen or seen.add(item[1]))]
    srcset = ", ".join(f"{item[0]} {item[1]}w" for item in candidates)
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{}{} decoding="async">',
        url,
        srcset,
        sizes,
        width,
        height,
        alt,
        mark_safe(f' class="{escape(css_class)}"') if css_class else "",
        mark_safe(' loading="lazy"') if lazy else mark_safe(' fetchpriority="high"') if high else "",
    )


@register.simple_tag
def image_url(stored, preset="full"):
    """The largest rendition's URL for a preset (photo links, og:image, JSON-LD), from an image's
    renditions field; "" when there is none."""
    items = (stored or {}).get(preset)
    return items[-1][0] if items else ""


@register.simple_tag
def chart_figure(chart):
    """{"svg", "data"}, or None for a chart whose numbers no longer pass the checks (left out)."""
    try:
        data = ChartData(chart)
    except ValueError:
        logger.warning("Chart %s has numbers that cannot be drawn", chart.pk)
        return None
    return {"svg": draw_svg(chart, data), "data": data}


@register.filter
def number(value):
    return format_number(value)


@register.filter
def jsonld(value):
    """A dict as the body of <script type="application/ld+json">, safe inside HTML."""
    text = json.dumps(value, ensure_ascii=False, cls=_LazyEncoder)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - the characters that could end the script are escaped


class _LazyEncoder(json.JSONEncoder):
    def default(self, o):
        return str(o)


@register.simple_tag
def snippet(text, query, words=40):
    return highlight(text, query, words)


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The link to page `number` of a list: the first page is the plain address, without ?page=1."""
    query = context.get("page_query", "")
    params = [query] if query else []
    if number != 1:
        params.append(f"page={number}")
    return "?" + "&".join(params) if params else context["request"].path


@register.simple_tag
def absolute(path):
    """An absolute address on the public site (SITE_URL + path)."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL + path
