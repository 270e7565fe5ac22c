"""The site's stylesheet, inlined into every page's <head> (issue 9: first paint on slow networks).

A linked stylesheet blocks the first paint for one more round trip after the HTML: 400 ms and more
on the mobile networks most of our readers use. Inlined, the page paints as soon as its HTML arrives.
The file stays the single source (static/css/site.css, hashed by collectstatic in production) and is
still served at its hashed URL (the 500 page and the nginx error pages link to it).

The <style> element is allowed by its SHA-256 in the public Content Security Policy
(party_site/middleware.py), so style-src stays 'self' plus this one hash and no 'unsafe-inline'.
Relative url()s in the file (the fonts) are made absolute against the stylesheet's own URL.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from dataclasses import dataclass
from urllib.parse import urljoin

import rcssmin
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage

NAME = "css/site.css"
URL_REFERENCE = re.compile(r"""url\((["']?)(?!data:|/|https?:|#)([^"')]+)\1\)""")


@dataclass(frozen=True)
class InlineStylesheet:
    url: str  # where the same file is served (hashed in production)
    text: str  # what goes between <style> and </style>
    csp_source: str  # "'sha256-…'" for style-src


def _read(name: str) -> str:
    """The file as the site serves it: the hashed copy (its url()s hashed too) when there is one."""
    stored_name = getattr(staticfiles_storage, "stored_name", None)
    if stored_name is not None:
        with staticfiles_storage.open(stored_name(name)) as handle:
            return handle.read().decode("utf-8")
    path = finders.find(name)
    if path is None:
        with staticfiles_storage.open(name) as handle:
            return handle.read().decode("utf-8")
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def build(name: str = NAME) -> InlineStylesheet:
    url = staticfiles_storage.url(name)
    text = URL_REFERENCE.sub(lambda m: f'url("{urljoin(url, m.group(2))}")', rcssmin.cssmin(_read(name)))
    # "</style" inside the text would end the element early; a stylesheet has no reason to hold it.
    if "</style" in text.lower():
        raise ValueError(f"{name} contains '</style'")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return InlineStylesheet(url=url, text=text, csp_source=f"'sha256-{digest}'")


_cached = functools.cache(build)


def inline_stylesheet() -> InlineStylesheet:
    """Worked out once per process in production; read afresh in development, where the file changes."""
    return build() if settings.DEBUG else _cached()
