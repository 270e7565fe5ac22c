from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from modeltranslation.translator import NotRegistered, translator

from party_site import fragments, inline_assets, text

register = template.Library()


@register.simple_tag(takes_context=True)
def inline_style(context, name=inline_assets.STYLESHEET):
    """A stylesheet put inside the page, minified (party_site/inline_assets.py says why), and allowed
    by its hash in this response's Content Security Policy. data-href names the file it comes from,
    for scripts and people reading the source. Without a request to note the hash on, it is linked."""
    sheet = inline_assets.inline_asset(name)
    request = context.get("request")
    if request is None:
        return format_html('<link rel="stylesheet" href="{}">', sheet.url)
    inline_assets.note_source(request, sheet)
    return mark_safe(f'<style data-href="{sheet.url}">{sheet.text}</style>')  # noqa: S308 (our own file)


@register.simple_tag(takes_context=True)
def boot_script(context):
    """The starter script (static/js/boot.js) inside the page; it asks for site.js once the page has
    loaded and painted, and site.js links the print stylesheet named here. Without a request to note
    the hash on, site.js is linked, deferred."""
    site_js, print_css = static("js/site.js"), static(inline_assets.PRINT_STYLESHEET)
    request = context.get("request")
    if request is None:
        return format_html('<script src="{}" data-print-css="{}" defer></script>', site_js, print_css)
    boot = inline_assets.inline_asset(inline_assets.BOOT_SCRIPT)
    inline_assets.note_source(request, boot)
    return format_html(
        '<script data-src="{}" data-print-css="{}">{}</script>',
        site_js,
        print_css,
        mark_safe(boot.text),  # noqa: S308 (our own file)
    )


@register.simple_tag
def emblem_symbol():
    """The emblem once per page, as a hidden SVG symbol (party_site/inline_assets.py); draw it with
    {% include "includes/emblem.html" with class="…" size=40 %}."""
    return mark_safe(inline_assets.emblem_symbol())  # noqa: S308 (our own file)


@register.simple_tag
def emblem_icon_url():
    """The emblem as a data: URL for <link rel="icon"> (party_site/inline_assets.py says why and
    makes sure it needs no escaping in the attribute)."""
    return mark_safe(inline_assets.emblem_data_url())  # noqa: S308 (our own file)


@register.filter
def local_digits(value):
    """Show digits as the site's digit setting asks, in Arabic and Kurdish pages."""
    return text.local_digits(value)


@register.filter
def datetime_attr(value):
    """A moment as a valid `<time datetime>` value: ISO 8601 in the site's time zone, to the second
    (HTML allows at most three digits of a fraction; Python's isoformat gives six)."""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()


def _shows_arabic(obj, field):
    """True when `field` of `obj` shows its Arabic text on this page for want of a translation.
    `obj` is a model instance with translated fields, or the fixed texts (`TextBlock.objects.texts()`,
    a dict whose `fallback` lists the keys shown in Arabic)."""
    language = get_language()
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if obj is None or language == default:
        return False
    if isinstance(obj, dict):
        return field in getattr(obj, "fallback", ())
    return not getattr(obj, f"{field}_{language}", None) and bool(getattr(obj, f"{field}_{default}", None))


@register.simple_tag
def fallback_lang(obj, field):
    """` lang="ar" dir="rtl"` when a translated field shows its Arabic text on a page in another
    language (modeltranslation's fallback), so browsers, fonts and screen readers treat it as Arabic."""
    if not _shows_arabic(obj, field):
        return ""
    return mark_safe(f' lang="{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}" dir="rtl"')  # noqa: S308 - fixed text


def _translated_fields(obj):
    """The names of what `obj` shows that has an Arabic original: its translated fields, or the keys
    of the fixed texts."""
    if isinstance(obj, dict):
        return list(obj)
    try:
        options = translator.get_options_for_model(type(obj))
    except NotRegistered:
        return []
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    # What was not read from the database is not on the page (a card reads its title and summary
    # only): looking at it would cost a query per item and field.
    deferred = obj.get_deferred_fields()
    return [
        field
        for field in options.fields
        if f"{field}_{default}" not in deferred and getattr(obj, f"{field}_{default}", None)
    ]


def _items(values):
    for value in values:
        if value is None:
            continue
        if isinstance(value, dict) or hasattr(value, "_meta"):
            yield value
        else:
            yield from _items(value)  # a list, a QuerySet, a page of posts


@register.inclusion_tag("includes/untranslated_notice.html")
def untranslated_notice(*shown, container=False):
    """Once at the top of a page in English or Kurdish: a polite note, in the visitor's language, when
    what the page shows (items, lists of items, the fixed texts) is wholly or partly in Arabic for
    want of a translation. Nothing on Arabic pages or when everything is translated. `container=True`
    wraps it for a place outside the page's container (the home page)."""
    if get_language() == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        return {"state": None}
    arabic = translated = 0
    for item in _items(shown):
        for field in _translated_fields(item):
            if _shows_arabic(item, field):
                arabic += 1
            else:
                translated += 1
    state = None if not arabic else ("part" if translated else "all")
    return {"state": state, "container": container}


class MemoNode(template.Node):
    def __init__(self, nodelist, inputs):
        self.nodelist = nodelist
        self.inputs = inputs
        self.fragments = fragments.Fragments()

    def render(self, context):
        inputs = [value.resolve(context) for value in self.inputs]
        return self.fragments.get_or_draw(inputs, lambda: self.nodelist.render(context))


@register.tag
def memo(parser, token):
    """{% memo value … %}…{% endmemo %}: what the body draws, drawn once per process for each set of
    values and language, and given back while they are the same (party_site/fragments.py). The body
    must depend on nothing but the values named."""
    inputs = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    if not inputs:
        raise template.TemplateSyntaxError("{% memo %} needs the values its body is drawn from")
    nodelist = parser.parse(("endmemo",))
    parser.delete_first_token()
    return MemoNode(nodelist, inputs)
