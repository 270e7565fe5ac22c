import logging

from django.http import HttpResponsePermanentRedirect, HttpResponseServerError
from django.template.loader import render_to_string
from django.templatetags.static import static

from .context_processors import site

logger = logging.getLogger(__name__)


def server_error(request):
    """The designed 500 page. It needs no database: only the language, from the URL."""
    try:
        html = render_to_string("500.html", {"request": request, **site(request)})
    except Exception:  # the template itself failed: still answer, plainly
        logger.exception("The 500 page could not be rendered")
        html = "<!doctype html><title>500</title><h1>خطأ في الخادم · Server error</h1>"
    return HttpResponseServerError(html)


def favicon(request):
    """Browsers ask for /favicon.ico even when a page names its icon (the admin names none)."""
    return HttpResponsePermanentRedirect(static("img/emblem.svg"))
