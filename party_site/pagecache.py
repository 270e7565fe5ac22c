"""The page cache: whole public pages for anonymous visitors, served from the shared cache.

On election night most requests are the same few pages read by people who are not logged in.
`PageCacheMiddleware` keeps each such page, exactly as it was sent (compressed, with its CSP, ETag,
Content-Language and Vary headers), in the default cache: Redis when REDIS_URL is set, so every
app server shares it; the per-process memory cache otherwise. `PageCacheApplication`, the WSGI
front in party_site/wsgi.py, answers kept pages before Django builds a request.

What makes it exact:

- **One content version.** Every save or delete of anything a public page shows bumps a site-wide
  version number (`content_changed()`, wired to the content models in content/apps.py). A page is
  stored with the version read *before* it was drawn and served only while that is still the
  version, so the request after an edit draws the page afresh, on every app server.
- **Scheduled posts.** A page is kept no longer than PAGE_CACHE_SECONDS and never past the next
  scheduled publication (the content app registers how to find it: `set_publication_clock`).
- **What never goes in.** Only views wrapped in `public_page` (see the URL configurations) are
  stored, only their 200 answers, and only when the answer neither sets a cookie nor varies on one.
  A request that carries a session cookie (any cookie whose name contains SESSION_COOKIE_NAME,
  valid or not), the messages cookie or an Authorization header is never served from the cache
  and never stored: staff, previews and flash messages always get a page drawn for them.
- **The key** is the scheme, host, language (as LocaleMiddleware picks it: from the path, else the
  default language), path, the `page` parameter, and whether the client takes gzip. Other query
  parameters (a share's tracking tags) do not change what a public page shows and are left out of
  the key. HEAD is answered from GET's page.

A hit costs one cache round trip: the version, and the page with it unless this process holds a
copy of it drawn at that version (`lookup`). The response carries `X-Page-Cache: hit` or `miss`
when it is (or becomes) a cached page; nginx's micro-cache stores only those (deploy/nginx).
"""

import hashlib
import logging
import re
import time
from functools import wraps
from http import HTTPStatus

from django.conf import settings
from django.core.cache import cache
from django.core.handlers.wsgi import get_path_info
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotModified, QueryDict
from django.http.cookie import parse_cookie
from django.utils.cache import cc_delim_re
from django.utils.http import parse_etags
from django.utils.translation import get_language_from_path

logger = logging.getLogger(__name__)

VERSION_KEY = "pagecache:version"
OFFLINE_HEADER = "X-Offline-Reading"
ACCEPTS_GZIP = re.compile(r"\bgzip\b")  # as django.middleware.gzip decides
KEY_PARAMETERS = ("page",)  # the only query parameter a public page reads
# Vary headers the key already accounts for (Accept-Language: the language comes from the path).
HANDLED_VARY = {"accept-encoding", "accept-language"}

_publication_clock = None


def set_publication_clock(function):
    """Register `function() -> datetime | None`: when the next scheduled publication happens.
    A page is never kept past it, so a scheduled post appears on time with no edit in between."""
    global _publication_clock
    _publication_clock = function


def public_page(view):
    """Mark a view's answers as public pages that the page cache may keep (for anonymous
    visitors only; see the module docstring for what is never kept)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.public_page = True
        if page_key(request.META, request.path_info) is not None:
            # The same rules tell the service worker it may keep the page for reading offline
            # (party_site/offline.py): never for a request with a session cookie.
            response[OFFLINE_HEADER] = "keep"
        return response

    return wrapper


def _new_version():
    """A fresh version after the key was lost (a Redis restart, an eviction): the clock in
    milliseconds, larger than any version counted up since earlier pages were stored."""
    cache.add(VERSION_KEY, int(time.time() * 1000), timeout=None)
    return cache.get(VERSION_KEY)


def content_changed(**_signal_kwargs):
    """Something a public page shows has changed: no page stored before now is served again.

    The version is bumped at once and again when the change commits: a page drawn by another
    request while the change's transaction was still open showed the old rows, and would otherwise
    be kept under the new version (an admin save with its inlines and photos can take seconds)."""
    _bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump)


def _bump():
    try:
        try:
            cache.incr(VERSION_KEY)
        except ValueError:  # no version yet (or it was evicted)
            _new_version()
            cache.incr(VERSION_KEY)
    except Exception:  # the cache is down: nothing can be served from it either; never lose the edit
        logger.error("The page cache's content version could not be bumped", exc_info=True)


def page_key(meta, path):
    """The cache key of the page a request asks for, or None if the request must always get a
    page drawn for it. Works on the WSGI environ (request.META) and the decoded path, so that the
    WSGI front (`PageCacheApplication`) and the middleware agree on every key."""
    if meta.get("REQUEST_METHOD") not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in meta:
        return None
    if path.startswith(_UNCACHED_PREFIXES):
        return None
    cookies = parse_cookie(meta.get("HTTP_COOKIE", ""))
    session_name = settings.SESSION_COOKIE_NAME.lower()
    messages_name = getattr(settings, "MESSAGE_COOKIE_NAME", "messages")
    if any(session_name in name.lower() or name == messages_name for name in cookies):
        return None
    language = get_language_from_path(path) or settings.LANGUAGE_CODE
    encoding = "gzip" if ACCEPTS_GZIP.search(meta.get("HTTP_ACCEPT_ENCODING", "")) else "identity"
    query = QueryDict(meta.get("QUERY_STRING", ""))
    parameters = "&".join(f"{name}={query.get(name)}" for name in KEY_PARAMETERS if name in query)
    url = f"{_scheme(meta)}://{_host(meta)}{path}?{parameters}"
    return "pagecache:page:" + hashlib.sha256(f"{language} {encoding} {url}".encode()).hexdigest()


_UNCACHED_PREFIXES = (settings.STATIC_URL, settings.MEDIA_URL, "/" + settings.ADMIN_URL)


def _scheme(meta):
    """As HttpRequest.scheme decides it, with SECURE_PROXY_SSL_HEADER behind a proxy."""
    if settings.SECURE_PROXY_SSL_HEADER:
        name, secure_value = settings.SECURE_PROXY_SSL_HEADER
        if name in meta:
            return "https" if meta[name].split(",", 1)[0].strip() == secure_value else "http"
    return meta.get("wsgi.url_scheme", "http")


def _host(meta):
    """The Host the client sent. Not validated here: a page is only ever stored after Django
    validated its host (an invalid one gets a 400, which is never stored)."""
    if "HTTP_HOST" in meta:
        return meta["HTTP_HOST"]
    port = str(meta.get("SERVER_PORT", ""))
    default = "443" if _scheme(meta) == "https" else "80"
    return meta.get("SERVER_NAME", "") + ("" if port == default else f":{port}")  # as Django's get_host()


def storable(response):
    if not getattr(response, "public_page", False) or response.status_code != 200 or response.cookies:
        return False
    if (
        response.streaming
        or "private" in response.get("Cache-Control", "")
        or "no-store" in response.get("Cache-Control", "")
    ):
        return False
    vary = {header.strip().lower() for header in cc_delim_re.split(response.get("Vary", "")) if header.strip()}
    return vary <= HANDLED_VARY


def lifetime(now):
    """How long a page drawn now may be kept: PAGE_CACHE_SECONDS, cut short by the next
    scheduled publication."""
    seconds = settings.PAGE_CACHE_SECONDS
    upcoming = _publication_clock() if _publication_clock else None
    if upcoming is not None:
        seconds = min(seconds, upcoming.timestamp() - now)
    return seconds


# Pages this process has already read or drawn, by key: (version, expiry, status, headers, content).
# A hit then asks the shared cache for the version alone, not for the page again. At most
# LOCAL_PAGES pages, all forgotten when it is full (under 20 MB: 300 pages of 14 to 60 kB).
LOCAL_PAGES = 300
_local = {}


def lookup(key):
    """(the current content version, the kept page or None): one cache round trip. A page is
    (status, headers, content), and only while it was drawn at this version and is in date.

    The version is always read from the shared cache, so every app server sees an edit on the next
    request. The page comes from this process's copy when it has one of that version; else with the
    version (one round trip), or after it (a second one, once per page and process after an edit)."""
    local = _local.get(key)
    if local is None:
        found = cache.get_many([VERSION_KEY, key])
        version, entry = found.get(VERSION_KEY), found.get(key)
    else:
        version = cache.get(VERSION_KEY)
        entry = local if local[0] == version else cache.get(key)
    if version is None:
        version = _new_version()
    if entry and entry[0] == version and entry[1] > time.time():
        if entry is not local:
            _keep_locally(key, entry)
        return version, entry[2:]
    return version, None


def _keep_locally(key, entry):
    if len(_local) >= LOCAL_PAGES:
        _local.clear()  # one step, safe with threads
    _local[key] = entry


def not_modified(meta, headers):
    """True when the client already holds this page (If-None-Match names its ETag), as
    ConditionalGetMiddleware would answer for a GET."""
    etag = headers.get("ETag")
    if meta.get("REQUEST_METHOD") != "GET" or not etag or "HTTP_IF_NONE_MATCH" not in meta:
        return False
    wanted = parse_etags(meta["HTTP_IF_NONE_MATCH"])
    return "*" in wanted or etag.removeprefix("W/") in {tag.removeprefix("W/") for tag in wanted}


# Headers a 304 answer carries (RFC 9110 §15.4.5), with the security headers of the page.
NOT_MODIFIED_DROPS = {"content-length", "content-type", "content-encoding", "content-language"}


class PageCacheMiddleware:
    """Serve and keep public pages (module docstring). The first middleware: what it keeps is
    the page exactly as it was sent, compressed, with its ETag and every security header; it
    answers If-None-Match itself."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = page_key(request.META, request.path_info) if settings.PAGE_CACHE_SECONDS > 0 else None
        if key is None:
            return self.get_response(request)
        try:
            version, page = lookup(key)
        except Exception:  # the cache is down: draw the page, keep nothing
            logger.warning("The page cache could not be read", exc_info=True)
            return self.get_response(request)
        if page:
            return self.hit(request, *page)

        response = self.get_response(request)
        if storable(response):
            now = time.time()
            seconds = lifetime(now)
            if seconds >= 1:
                response["X-Page-Cache"] = "miss"
                # Plain values, not the response object: cheaper to store and to read back.
                entry = (version, now + seconds, response.status_code, dict(response.items()), response.content)
                try:
                    cache.set(key, entry, timeout=int(seconds))
                except Exception:
                    logger.warning("The page cache could not be written", exc_info=True)
                else:
                    _keep_locally(key, entry)
        return response

    def hit(self, request, status, headers, content):
        if not_modified(request.META, headers):
            response = HttpResponseNotModified(
                headers={k: v for k, v in headers.items() if k.lower() not in NOT_MODIFIED_DROPS}
            )
        else:
            response = HttpResponse(content, status=status, headers=headers)
        response["X-Page-Cache"] = "hit"
        return response


class PageCacheApplication:
    """The WSGI front of the page cache (party_site/wsgi.py): answers a kept page before Django
    builds a request, so that a hit costs about what a static file costs. Everything else, misses
    included, goes to Django, where PageCacheMiddleware draws and keeps pages. Both compute the
    same key from the same environ."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        key = page_key(environ, get_path_info(environ)) if settings.PAGE_CACHE_SECONDS > 0 else None
        page = None
        if key is not None:
            try:
                _version, page = lookup(key)
            except Exception:
                page = None  # the middleware logs it
        if page is None:
            return self.application(environ, start_response)
        status, headers, content = page
        if not_modified(environ, headers):
            status, content = 304, b""
            headers = {k: v for k, v in headers.items() if k.lower() not in NOT_MODIFIED_DROPS}
        start_response(f"{status} {HTTPStatus(status).phrase}", [*headers.items(), ("X-Page-Cache", "hit")])
        return [] if environ.get("REQUEST_METHOD") == "HEAD" else [content]
