#!/usr/bin/env python3
"""Print the first-visit weight of the home page and of a post: the compressed bytes a phone
fetches with an empty cache, split into HTML+CSS+JS, fonts, images and the rest.

    .venv/bin/python scripts/page_weight.py http://127.0.0.1:8000
    .venv/bin/python scripts/page_weight.py http://127.0.0.1:8080 / /en/ --json

Headless Chromium (Debian's, through Playwright) loads each page as a phone would: a 390 px
wide screen at 3x, a mobile Chrome user agent, a fresh profile, compressed transfers. The bytes
are what went over the wire (Chrome's encodedDataLength: headers and compressed body) for every
request until the page has loaded and the network is idle, without scrolling, so lazy images
below the fold are not counted. The post is the first post on the home page that has a cover
image (pass paths to choose others).

Budget for a first visit (issue 9): HTML+CSS+JS at most 28 KB, everything with fonts at most
100 KB, images not counted; --check exits 1 when a page is over it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import urllib.request
from html import unescape
from urllib.parse import unquote, urljoin, urlsplit

CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
    "user_agent": (
        "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/130.0.0.0 Mobile Safari/537.36"
    ),
}
BUDGET_CODE = 28 * 1000  # HTML + CSS + JS
BUDGET_WITH_FONTS = 100 * 1000  # HTML + CSS + JS + fonts
# TCP's initial window (10 segments): what a server sends before it waits for an acknowledgement. A page
# (its stylesheet inline, headers included) within it arrives in one round trip; the table says which do.
INITIAL_WINDOW = 10 * 1460
KINDS = {"Document": "html", "Stylesheet": "css", "Script": "js", "Font": "fonts", "Image": "images"}
POST_CARD = re.compile(r'<a class="card__media" href="([^"]+)"[^>]*>\s*<img', re.S)


def find_post_with_cover(base_url: str) -> str | None:
    """Path of the first post on the home page whose card shows an image (its cover)."""
    with urllib.request.urlopen(urljoin(base_url, "/"), timeout=30) as response:
        html = response.read().decode("utf-8", "replace")
    match = POST_CARD.search(html)
    return urlsplit(unescape(match.group(1))).path if match else None


def default_paths(base_url: str) -> list[str]:
    post = find_post_with_cover(base_url)
    if not post:
        print("No post with a cover image on the home page: measuring the home page only.", file=sys.stderr)
    return ["/"] + ([post] if post else [])


def measure(browser, url: str) -> dict:
    """Bytes over the wire by kind for one first visit of url."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    kinds: dict[str, str] = {}
    sizes: dict[str, int] = {}
    cdp.on("Network.requestWillBeSent", lambda e: kinds.setdefault(e["requestId"], e.get("type", "Other")))
    cdp.on("Network.responseReceived", lambda e: kinds.__setitem__(e["requestId"], e.get("type", "Other")))
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], int(e["encodedDataLength"])))
    response = page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    status = response.status if response else 0
    context.close()
    result = {"url": url, "status": status, "html": 0, "css": 0, "js": 0, "fonts": 0, "images": 0, "other": 0}
    for request_id, size in sizes.items():
        result[KINDS.get(kinds.get(request_id, "Other"), "other")] += size
    result["requests"] = len(sizes)
    result["html_css_js"] = result["html"] + result["css"] + result["js"]
    result["with_fonts"] = result["html_css_js"] + result["fonts"]
    result["total"] = result["with_fonts"] + result["images"] + result["other"]
    return result


def kb(n: int) -> str:
    return f"{n / 1000:.1f}"


def label(url: str, width: int = 32) -> str:
    """A page's path, readable (Arabic slugs unquoted) and cut to fit a column."""
    path = unquote(urlsplit(url).path)
    return path if len(path) <= width else path[: width - 1] + "…"


def print_table(results: list[dict]) -> None:
    columns = ["html", "css", "js", "html_css_js", "fonts", "with_fonts", "images", "total", "requests"]
    headings = ["HTML", "CSS", "JS", "HTML+CSS+JS", "fonts", "with fonts", "images", "total", "requests"]
    print("First visit on a phone, compressed kB over the wire (1 kB = 1000 bytes)")
    print("page".ljust(34) + "".join(h.rjust(12) for h in headings))
    for r in results:
        cells = [str(r[c]) if c == "requests" else kb(r[c]) for c in columns]
        print(label(r["url"]).ljust(34) + "".join(cell.rjust(12) for cell in cells))
    print(f"budget: HTML+CSS+JS <= {kb(BUDGET_CODE)} kB, with fonts <= {kb(BUDGET_WITH_FONTS)} kB (images not counted)")
    within = [label(r["url"]) for r in results if r["html"] <= INITIAL_WINDOW]
    print(f"HTML within TCP's initial window ({kb(INITIAL_WINDOW)} kB, one round trip): {', '.join(within) or 'none'}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("base_url", help="e.g. http://127.0.0.1:8000")
    ap.add_argument("paths", nargs="*", help="default: / and the first post with a cover image on it")
    ap.add_argument("--json", action="store_true", help="print JSON (bytes) instead of a table")
    ap.add_argument("--check", action="store_true", help="exit 1 when a page is over the budget")
    opts = ap.parse_args()

    from playwright.sync_api import sync_playwright

    base = opts.base_url.rstrip("/")
    paths = opts.paths or default_paths(base)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--disable-quic", "--no-first-run"])
        results = [measure(browser, base + path) for path in paths]
        browser.close()
    if opts.json:
        print(json.dumps(results, indent=2))
    else:
        print_table(results)
    bad = [r for r in results if r["status"] != 200]
    over = [r for r in results if r["html_css_js"] > BUDGET_CODE or r["with_fonts"] > BUDGET_WITH_FONTS]
    for r in bad:
        print(f"{r['url']} answered {r['status']}", file=sys.stderr)
    if opts.check and over:
        print("over budget: " + ", ".join(urlsplit(r["url"]).path for r in over), file=sys.stderr)
    return 1 if bad or (opts.check and over) else 0


if __name__ == "__main__":
    sys.exit(main())
