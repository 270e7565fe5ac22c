from django import template
from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from party_site import text
from party_site.stylesheet import inline_stylesheet

register = template.Library()


@register.simple_tag
def stylesheet():
    """The site's stylesheet inlined in a <style> element (party_site/stylesheet.py says why).

    data-href names the file it comes from, for scripts and people reading the source."""
    sheet = inline_stylesheet()
    return mark_safe(f'<style data-href="{sheet.url}">{sheet.text}</style>')  # noqa: S308 (our own file)


@register.filter
def local_digits(value):
    """Show digits as the site's digit setting asks, in Arabic and Kurdish pages."""
    return text.local_digits(value)


@register.simple_tag
def fallback_lang(obj, field):
    """` lang="ar" dir="rtl"` when a translated field shows its Arabic text on a page in another
    language (modeltranslation's fallback), so browsers, fonts and screen readers treat it as Arabic."""
    language = get_language()
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if obj is None or language == default or getattr(obj, f"{field}_{language}", None):
        return ""
    if not getattr(obj, f"{field}_{default}", None):
        return ""
    return mark_safe(f' lang="{default}" dir="rtl"')  # noqa: S308 - fixed text
