from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_bidi


def site(request):
    """Direction, language switcher links and the party's name, for every template."""
    current = get_language()
    path = request.get_full_path()
    languages = [
        {
            "code": code,
            "name": name,
            "url": translate_url(path, code),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]
    return {
        "LANGUAGE_DIR": "rtl" if get_language_bidi() else "ltr",
        "site_languages": languages,
        "party_name": settings.PARTY_NAME,
        "SITE_URL": settings.SITE_URL,
    }
