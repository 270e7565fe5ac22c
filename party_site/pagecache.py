"""The page cache: whole public pages for anonymous visitors, served from the shared cache.

On election night most requests are the same few pages read by people who are not logged in.
This middleware keeps each such page, exactly as it was sent (compressed, with its CSP, ETag,
Content-Language and Vary headers), in the default cache: Redis when REDIS_URL is set, so every
app server shares it; the per-process memory cache otherwise.

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

A hit costs one cache round trip: the version and the page are fetched together. The response
carries `X-Page-Cache: hit` or `miss` when it is (or becomes) a cached page; nginx's micro-cache
stores only those (deploy/nginx).
"""

import hashlib
import re
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.utils.cache import cc_delim_re, get_conditional_response
from django.utils.http import parse_http_date_safe
from django.utils.translation import get_language_from_path

VERSION_KEY = "pagecache:version"
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
        return response

    return wrapper


def content_version():
    version = cache.get(VERSION_KEY)
    return version if version is not None else _new_version()


def _new_version():
    """A fresh version after the key was lost (a Redis restart, an eviction): the clock in
    milliseconds, larger than any version counted up since earlier pages were stored."""
    cache.add(VERSION_KEY, int(time.time() * 1000), timeout=None)
    return cache.get(VERSION_KEY)


def content_changed(**_signal_kwargs):
    """Something a public page shows has changed: no page stored before now is served again."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet (or it was evicted)
        _new_version()
        cache.incr(VERSION_KEY)


def bypasses_cache(request):
    """Requests that must always get a page drawn for them."""
    if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
        return True
    session_name = settings.SESSION_COOKIE_NAME.lower()
    messages_name = getattr(settings, "MESSAGE_COOKIE_NAME", "messages")
    return any(session_name in name.lower() or name == messages_name for name in request.COOKIES)


def cache_key(request):
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    encoding = "gzip" if ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")) else "identity"
    parameters = "&".join(f"{name}={request.GET.get(name)}" for name in KEY_PARAMETERS if name in request.GET)
    url = f"{request.scheme}://{request.get_host()}{request.path}?{parameters}"
    digest = hashlib.sha256(f"{language} {encoding} {url}".encode()).hexdigest()
    return f"pagecache:page:{digest}"


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


class PageCacheMiddleware:
    """Serve and keep public pages (module docstring). Placed above GZip and ConditionalGet, so
    what it keeps is the compressed page with its ETag; it answers If-None-Match itself."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.PAGE_CACHE_SECONDS <= 0 or bypasses_cache(request):
            return self.get_response(request)
        try:
            key = cache_key(request)
        except DisallowedHost:
            return self.get_response(request)  # CommonMiddleware answers it with a 400
        found = cache.get_many([VERSION_KEY, key])
        version = found.get(VERSION_KEY)
        if version is None:
            version = _new_version()
        entry = found.get(key)
        if entry and entry[0] == version and entry[1] > time.time():
            return self.hit(request, entry[2])

        response = self.get_response(request)
        if storable(response):
            now = time.time()
            seconds = lifetime(now)
            if seconds >= 1:
                response["X-Page-Cache"] = "miss"
                cache.set(key, (version, now + seconds, response), timeout=int(seconds))
        return response

    def hit(self, request, response):
        response["X-Page-Cache"] = "hit"
        if request.method == "GET":  # as ConditionalGetMiddleware does
            last_modified = parse_http_date_safe(response.get("Last-Modified", "")) or None
            conditional = get_conditional_response(
                request, etag=response.get("ETag"), last_modified=last_modified, response=response
            )
            if conditional is not response:
                conditional["X-Page-Cache"] = "hit"
                return conditional
        return response
