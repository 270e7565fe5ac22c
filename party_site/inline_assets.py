"""What each page carries inside its HTML instead of linking it (issue 9: first paint on slow networks).

On the slow mobile networks most of our readers use (400 ms round trips), every file a page needs
before it can paint costs at least one more round trip, and every file fetched at the same time
shares the little bandwidth there is with the cover picture. So a public page carries, inside its
HTML:

- its styles, minified with rcssmin: `static/css/site.css` on every page, plus a small sheet of their
  own on the pages that need one, named in their template's `{% block styles %}`: `forms.css` (join,
  feedback), `media.css` (posts with a video, gallery, report or chart), `secretariat.css`,
  `search.css`;
- a small starter script, `static/js/boot.js` (minified with rjsmin): it applies the web fonts at
  once where this browser already has them, and asks for `static/js/site.js` only after the page has
  loaded and painted, so that the script never competes with the page's first picture; site.js then
  links the print stylesheet, `static/css/print.css`;
- the party's emblem (`static/img/emblem.svg`), once as an SVG symbol that the header, the home
  page, the footer and the print masthead draw, and once as the page's icon (a data: URL).

Together with the page's own text this is meant to fit in what a server sends before it waits for
the first acknowledgement (TCP's initial window, 14.6 kB): `make page-weight` says which pages do.

The files stay the single source, served at their hashed URLs too (named in `data-href`; the 500
page and nginx's error pages link the stylesheet). Each inline element is allowed by its SHA-256:
the template tags (`party_site/templatetags/party.py`) note the hashes a page uses on its request,
and the CSP middleware adds them to that response's `style-src` and `script-src`, so neither has
`'unsafe-inline'`. Relative url()s in a stylesheet (the fonts) are made absolute.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from dataclasses import dataclass
from urllib.parse import quote, urljoin

import rcssmin
import rjsmin
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage

STYLESHEET = "css/site.css"
PRINT_STYLESHEET = "css/print.css"  # linked by site.js after the first paint, media="print"
BOOT_SCRIPT = "js/boot.js"
URL_REFERENCE = re.compile(r"""url\((["']?)(?!data:|/|https?:|#)([^"')]+)\1\)""")
# What would end the element early: a stylesheet or our starter script has no reason to hold it.
CLOSING = {"css": "</style", "js": "</script"}
DIRECTIVE = {"css": "style-src", "js": "script-src"}


@dataclass(frozen=True)
class InlineAsset:
    url: str  # where the same file is served (hashed in production)
    text: str  # what goes inside the <style> or <script> element
    directive: str  # "style-src" or "script-src"
    csp_source: str  # "'sha256-…'"


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


def build(name: str = STYLESHEET) -> InlineAsset:
    kind = name.rsplit(".", 1)[-1]
    if kind not in CLOSING:
        raise ValueError(f"{name}: only .css and .js files are put inline")
    url = staticfiles_storage.url(name)
    if kind == "css":
        text = URL_REFERENCE.sub(lambda m: f'url("{urljoin(url, m.group(2))}")', rcssmin.cssmin(_read(name)))
    else:
        text = rjsmin.jsmin(_read(name))
    if CLOSING[kind] in text.lower():
        raise ValueError(f"{name} contains '{CLOSING[kind]}'")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return InlineAsset(url=url, text=text, directive=DIRECTIVE[kind], csp_source=f"'sha256-{digest}'")


def per_process(function):
    """Worked out once per process in production; afresh in development, where the files change."""
    cached = functools.cache(function)

    @functools.wraps(function)
    def wrapper(*args):
        return function(*args) if settings.DEBUG else cached(*args)

    return wrapper


@per_process
def inline_asset(name: str = STYLESHEET) -> InlineAsset:
    return build(name)


def note_source(request, asset: InlineAsset) -> None:
    """Remember that this response carries `asset` inline, for the CSP middleware."""
    sources = getattr(request, "inline_csp_sources", None)
    if sources is None:
        sources = request.inline_csp_sources = {}
    sources.setdefault(asset.directive, [])
    if asset.csp_source not in sources[asset.directive]:
        sources[asset.directive].append(asset.csp_source)


def csp_sources(request) -> dict[str, list[str]]:
    """The hashes noted for this request's response, by directive."""
    return getattr(request, "inline_csp_sources", {})


EMBLEM = "img/emblem.svg"
SVG_ELEMENT = re.compile(r"<svg\b[^>]*\bviewBox=\"([^\"]+)\"[^>]*>(.*)</svg>", re.S)


@per_process
def emblem_symbol() -> str:
    """The party's emblem (static/img/emblem.svg, the one source) as a hidden SVG <symbol id="emblem">:
    the header, the home page, the footer and the print masthead draw it with <use href="#emblem">,
    where each once asked for the file (a request on a first visit's critical path)."""
    match = SVG_ELEMENT.search(_read(EMBLEM))
    if match is None:
        raise ValueError(f"{EMBLEM} has no <svg viewBox=…> element")
    view_box, shapes = match.groups()
    shapes = re.sub(r">\s+<", "><", shapes.strip())
    return (
        f'<svg class="svg-symbols" aria-hidden="true"><symbol id="emblem" viewBox="{view_box}">{shapes}</symbol></svg>'
    )


@per_process
def emblem_data_url() -> str:
    """The emblem as the page's icon, inside the page: a linked icon is a request browsers make when
    the page has loaded, which on a slow network can still be competing with the first picture."""
    svg = re.sub(r">\s+<", "><", _read(EMBLEM).strip()).replace('"', "'")
    # A valid URL: <, >, #, spaces and % encoded; quotes single and no "&", so that it goes into
    # href="…" as it is.
    url = "data:image/svg+xml," + quote(svg, safe="/:='-.,;()")
    if '"' in url or "&" in url:
        raise ValueError(f"{EMBLEM} would need escaping as a data: URL")
    return url
