"""Offline reading: our own service worker (no library), served at /sw.js, and the offline page.

The worker (templates/sw.js) keeps, on the reader's device, what they have read so it can be read
again without a network: the pages and their pictures, the home page, the stylesheet, the scripts
and the fonts. An unvisited page shows the offline page in the reader's language, which lists the
pages kept (static/js/offline.js).

What it never keeps: anything but GET; the admin, search, the forms (join, feedback) and their
thanks pages; and every page whose answer lacks `X-Offline-Reading: keep`. That header is set by
`public_page` (party_site/pagecache.py) only for a request that carries no session or messages
cookie and no Authorization, which are the page cache's own rules: a staff member's page, a
preview, a form is never kept. Pictures and static files are fetched by the worker without cookies.

A new deployment replaces the old copies: the worker's version is a hash of the addresses of the
static files it keeps (hashed by the manifest storage, so they change with their content) and of
its own source; a new version makes the browser install the new worker, which deletes the caches
of every other version when it takes over.

Neither /sw.js nor anything else here is per visitor, on purpose: the worker is the same for
everyone (answered with Cache-Control: no-cache so a browser always asks whether it changed, with
an ETag for a cheap 304); the offline pages are public pages the page cache may keep.
"""

import hashlib
import json
from functools import lru_cache

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import get_template
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

# What the worker puts on the device when it is installed (the pages visited come as they are read).
ASSETS = (
    "css/site.css",
    "css/print.css",
    "js/site.js",
    "js/offline.js",
    "fonts/ibm-plex-sans-arabic-400.woff2",
    "fonts/ibm-plex-sans-arabic-700.woff2",
)
# Paths (after the language prefix) a worker passes straight to the network, never kept.
NEVER_KEPT = ("/search/", "/join/", "/feedback/", "/sw.js", "/healthz")


def offline_paths():
    """The offline page's address in each language: {"ar": "/offline/", "en": "/en/offline/", …}."""
    paths = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths[code] = reverse("offline")
    return paths


@lru_cache(maxsize=1)
def worker_config():
    """What the worker needs, with its version: computed once per process (it changes only with a
    deployment)."""
    config = {
        "assets": [static(name) for name in ASSETS],
        "pages": ["/", *offline_paths().values()],
        "offline": offline_paths(),
        "languages": [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE],
        "never": ["/" + settings.ADMIN_URL, *NEVER_KEPT],
        "static": settings.STATIC_URL,
        "media": settings.MEDIA_URL,
    }
    source = get_template("sw.js").template.source
    digest = hashlib.sha256(json.dumps(config, sort_keys=True).encode() + source.encode()).hexdigest()
    return {**config, "version": digest[:16]}


@require_GET
def service_worker(request):
    """/sw.js: at the root, so that its scope is the whole site."""
    body = get_template("sw.js").render({"config": json.dumps(worker_config(), sort_keys=True)})
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


class OfflineView(TemplateView):
    """Shown by the worker, in the reader's language, for a page not kept on the device."""

    template_name = "offline.html"
