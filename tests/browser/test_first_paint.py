"""On a slow network nothing but the page itself and its first picture comes before the first paint
(party_site/inline_assets.py): the styles and the starter script are inside the page, the emblem is
drawn from the page, and site.js, the print styles and the web fonts are asked for afterwards."""

import pytest

from tests.browser.conftest import VIEWPORTS
from tests.browser.pages import wait_for_site_js
from tests.content_helpers import image_upload, make_post

pytestmark = pytest.mark.browser

STARTS = """() => {
  const paint = performance.getEntriesByName("first-contentful-paint")[0].startTime;
  return performance.getEntriesByType("resource").map((entry) => [entry.name, entry.startTime >= paint]);
}"""


@pytest.mark.parametrize("lang_prefix", ["", "/en"])
def test_only_the_cover_picture_may_start_before_a_posts_first_paint(site, new_context, lang_prefix):
    post = make_post(title="خبر بصورة", title_en="A post with a picture", cover_image=image_upload(size=(900, 500)))
    page = new_context(viewport=VIEWPORTS["phone"]).new_page()
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(lang_prefix + post.get_absolute_url())
    wait_for_site_js(page)
    page.evaluate("document.fonts.ready.then(() => true)")
    starts = dict(page.evaluate(STARTS))

    later = {
        name: after for name, after in starts.items() if any(k in name for k in ("/js/site", "/css/print", ".woff2"))
    }
    assert len(later) >= 2 and all(later.values()), later  # site.js and the print styles, at least
    assert any("/uploads/" in name for name in starts), "the cover picture is shown"
    assert not [url for url in asked if "emblem" in url], "the emblem comes with the page"
    assert not [url for url in asked if url.endswith(".css") and "/css/print" not in url], "styles are inline"
    assert page.locator(".brand__emblem use").count() == 1
    box = page.locator(".brand__emblem").bounding_box()
    assert box and box["width"] >= 30 and box["height"] >= 30, "the emblem is drawn at its size"
