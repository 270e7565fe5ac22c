"""The skip link and the phone menu work from the keyboard.

That every element of every page type is reached by Tab with a visible focus is checked with axe, in
test_accessibility.py, on the same page loads.
"""

import pytest

from tests.browser.conftest import VIEWPORTS
from tests.browser.journeys import t
from tests.browser.pages import open_page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["ar", "ckb", "en"])
def test_skip_link_is_first_and_moves_focus_to_the_main_content(desktop, lang):
    open_page(desktop, "/principles/", lang)
    desktop.keyboard.press("Tab")
    skip = desktop.get_by_role("link", name=t("Skip to main content", lang))
    assert skip.evaluate("el => el === document.activeElement")
    box = skip.bounding_box()
    assert box and box["y"] >= 0, "the focused skip link is on screen"
    desktop.keyboard.press("Enter")
    assert desktop.evaluate("() => document.activeElement.id") == "main"
    desktop.keyboard.press("Tab")
    inside_main = desktop.evaluate("() => !!document.activeElement.closest('main')")
    first_in_main = desktop.locator("main").locator("a[href], button, input, select, textarea").count()
    assert inside_main or first_in_main == 0


def menu_links(page, lang):
    return page.get_by_role("navigation", name=t("Main menu", lang)).get_by_role("link")


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
@pytest.mark.parametrize("lang", ["ar", "ckb", "en"])
def test_phone_menu_opens_from_the_keyboard_and_its_links_are_reachable(new_context, site, lang, javascript):
    page = new_context(viewport=VIEWPORTS["phone"], java_script_enabled=javascript).new_page()
    open_page(page, "/", lang, javascript=javascript)
    links = menu_links(page, lang)
    assert links.first.is_hidden(), "the menu starts closed on a phone"

    toggle = page.locator("[data-menu-toggle]")
    assert toggle.get_attribute("aria-expanded") == "false"
    for _ in range(10):
        page.keyboard.press("Tab")
        if toggle.evaluate("el => el === document.activeElement"):
            break
    else:
        raise AssertionError("Tab never reached the menu button")
    page.keyboard.press("Enter")

    expected = [link for link in links.all() if link.is_visible()]
    assert len(expected) >= 10, "the menu shows the pages and sections"
    if javascript:
        assert toggle.get_attribute("aria-expanded") == "true"
        assert links.first.evaluate("el => el === document.activeElement"), "focus moves into the open menu"
    else:
        page.keyboard.press("Tab")  # focus starts at the menu, the :target of the link
    reached = []
    for _ in range(len(expected) + 3):
        reached.append(page.evaluate("() => document.activeElement.textContent.trim()"))
        page.keyboard.press("Tab")
    for link in expected:
        assert link.inner_text().strip() in reached

    if javascript:
        page.keyboard.press("Escape")
        assert links.first.is_hidden() and toggle.get_attribute("aria-expanded") == "false"
    else:
        page.get_by_role("link", name=t("Close menu", lang)).click()
        assert links.first.is_hidden()
