from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from party_site import text

register = template.Library()


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
