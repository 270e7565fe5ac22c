"""The web fonts wait for the page on a first visit, then serve every later page from the start."""

import pytest

from tests.browser.conftest import VIEWPORTS

pytestmark = pytest.mark.browser

FONT_TIMING = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  return performance.getEntriesByType("resource")
    .filter((entry) => entry.name.endsWith(".woff2"))
    .map((entry) => entry.startTime >= nav.loadEventStart);
}"""


def test_fonts_are_fetched_after_the_first_page_and_used_at_once_on_the_next(new_context, site):
    page = new_context(viewport=VIEWPORTS["phone"]).new_page()
    page.goto("/")
    page.wait_for_function("() => document.documentElement.classList.contains('webfonts')")
    page.evaluate("document.fonts.ready")
    page.wait_for_function("() => localStorage.getItem('webfonts') === '1'")
    after_load = page.evaluate(FONT_TIMING)
    assert after_load and all(after_load)  # nothing competed with the page for the network
    weights = page.evaluate("[...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.weight)")
    assert {"400", "600 700"} <= set(weights)
    assert page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily").startswith('"Site Sans Arabic"')

    page.goto("/en/", wait_until="domcontentloaded")
    assert page.evaluate("document.documentElement.classList.contains('webfonts')")
