from django import template
from django.conf import settings
from django.utils.translation import get_language

from party_site.text import to_eastern_digits

register = template.Library()


@register.filter
def local_digits(value):
    """Show digits as the site's digit setting asks, in Arabic and Kurdish pages."""
    text = str(value)
    if get_language() in ("ar", "ckb") and settings.PARTY_DIGITS == "eastern":
        return to_eastern_digits(text)
    return text
