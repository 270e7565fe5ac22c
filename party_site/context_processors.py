from urllib.parse import urlencode

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_bidi

# Views whose pages are numbered (`?page=N`).
PAGINATED_VIEWS = {"content:section", "content:search"}


def page_address(request):
    """This page's own address: the path, with `?page=N` for a page of a list after the first.

    Canonical links, hreflang alternates and the language switcher use it, so they never echo
    whatever else was added to the query string (tracking tags, junk from another site). The
    search page also keeps its query `q`: switching language shows the same results.
    """
    kept = {}
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else None
    if view_name == "content:search" and request.GET.get("q"):
        kept["q"] = request.GET["q"]
    page = request.GET.get("page", "")
    if view_name in PAGINATED_VIEWS and page.isascii() and page.isdigit() and int(page) > 1:
        kept["page"] = int(page)
    return request.path + ("?" + urlencode(kept) if kept else "")


def site(request):
    """Direction, language switcher links and the party's name, for every template."""
    current = get_language()
    path = page_address(request)
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
        "page_address": path,
        "party_name": settings.PARTY_NAME,
        "SITE_URL": settings.SITE_URL,
    }
