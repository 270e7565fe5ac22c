"""Draw static/img/share.png, the 1200×630 card shared for a page without a picture of its own:
the emblem and the party's name on the site's night blue, in the site's Arabic typeface.

Run again after a change to the emblem or the name: .venv/bin/python scripts/make_share_card.py
(needs Chromium at /usr/bin/chromium)."""

import base64
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "static"
NAME = "حزب الاستقلال الوطني"
ENGLISH = "National Independence Party"


def data_uri(path, kind):
    """A file of static/ inline (a page given as text may not load files from the disk)."""
    return f"data:{kind};base64," + base64.b64encode((STATIC / path).read_bytes()).decode()


PAGE = f"""<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>
@font-face {{ font-family: Plex; font-weight: 700;
  src: url("{data_uri("fonts/ibm-plex-sans-arabic-700.woff2", "font/woff2")}"); }}
html, body {{ margin: 0; }}
body {{ inline-size: 1200px; block-size: 630px; background: #13263a; color: #fff; font-family: Plex, sans-serif;
  display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 28px;
  border-block-end: 14px solid #16603f; box-sizing: border-box; }}
img {{ inline-size: 220px; block-size: 220px; }}
h1 {{ margin: 0; font-size: 76px; line-height: 1.2; font-weight: 700; }}
p {{ margin: 0; font-size: 34px; color: #dfe6ee; font-weight: 700; letter-spacing: 0.02em; }}
</style></head><body><img src="{data_uri("img/emblem.svg", "image/svg+xml")}" alt="">
<h1>{NAME}</h1><p lang="en" dir="ltr">{ENGLISH}</p></body></html>"""


def main():
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(PAGE)
        page.evaluate("() => document.fonts.ready.then(() => true)")
        page.screenshot(path=STATIC / "img" / "share.png")
        browser.close()
    print(STATIC / "img" / "share.png")


if __name__ == "__main__":
    main()
