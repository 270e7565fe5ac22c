"""A visitor reads the site: from the home page to a section, then the same page in English and back."""

import re

import pytest
from playwright.sync_api import expect

from content.models import Section
from tests.browser.conftest import VIEWPORTS
from tests.browser.journeys import html_lang_dir, t, watch_csp

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", VIEWPORTS)
def test_visitor_goes_from_home_to_a_section_and_switches_language(new_context, site, size):
    page = new_context(viewport=VIEWPORTS[size]).new_page()
    breaches = watch_csp(page)
    news = Section.objects.get(key="news")

    page.goto("/")
    assert html_lang_dir(page) == ["ar", "rtl"]
    if size == "phone":
        page.get_by_role("button", name=t("Menu")).click()
    page.get_by_role("navigation", name=t("Main menu")).get_by_role("link", name=t("News")).click()
    expect(page).to_have_url(re.compile(r"/news/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(news.title_ar)

    page.get_by_role("navigation", name=t("Language")).get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/news/$"))
    assert html_lang_dir(page) == ["en", "ltr"]
    expect(page.get_by_role("heading", level=1)).to_have_text(news.title_en)
    expect(page.get_by_role("link", name=t("Skip to main content", "en"))).to_be_attached()

    page.get_by_role("navigation", name=t("Language", "en")).get_by_role("link", name="العربية").click()
    expect(page).to_have_url(re.compile(r"/news/$"))
    assert not page.url.endswith("/en/news/")
    assert html_lang_dir(page) == ["ar", "rtl"]
    assert breaches == []
