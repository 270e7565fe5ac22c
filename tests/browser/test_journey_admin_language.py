"""A staff member switches the admin to Kurdish, then English, finds the texts whose Kurdish needs a
native speaker's review, and clears a mark; each admin screen is photographed in each language."""

import pytest
from playwright.sync_api import expect

from content.models import Principle
from tests.browser.journeys import admin_url, html_lang_dir, log_in_to_admin, t, watch_csp

pytestmark = pytest.mark.browser


def test_staff_member_uses_the_admin_in_kurdish_and_english_and_clears_review_marks(desktop, superuser, screenshot_dir):
    breaches = watch_csp(desktop)
    log_in_to_admin(desktop, "root", "pw-root-1")
    assert html_lang_dir(desktop) == ["ar", "rtl"]
    desktop.screenshot(path=screenshot_dir / "admin-index-ar-desktop.png", full_page=True)

    for lang, direction in (("ckb", "rtl"), ("en", "ltr")):
        desktop.get_by_role("link", name=t("Admin language", "ar" if lang == "ckb" else "ckb")).click()
        desktop.locator(f"input[value={lang}]").check()
        desktop.get_by_role("button", name=t("Save my choice", "ar" if lang == "ckb" else "ckb")).click()
        expect(desktop.locator(".messagelist .success")).to_be_visible()
        assert html_lang_dir(desktop) == [lang, direction]
        desktop.screenshot(path=screenshot_dir / f"admin-index-{lang}-desktop.png", full_page=True)
        if lang == "ckb":
            desktop.goto(admin_url("content/principle/?review=ckb"))
            expect(desktop.locator("#result_list tbody tr")).to_have_count(5)
            expect(desktop.locator("#changelist-filter")).to_contain_text(t("needs review", "ckb"))
            desktop.screenshot(path=screenshot_dir / "admin-review-ckb-desktop.png", full_page=True)
            desktop.locator("#result_list tbody tr").first.locator("input.action-select").check()
            desktop.locator("select[name=action]").select_option("mark_ckb_reviewed")
            desktop.locator("button[name=index]").click()
            expect(desktop.locator(".messagelist .success")).to_be_visible()
            expect(desktop.locator("#result_list tbody tr")).to_have_count(4)
            desktop.goto(admin_url())

    desktop.goto(admin_url("content/page/"))
    expect(desktop.locator("#content h1")).to_contain_text("page")
    desktop.screenshot(path=screenshot_dir / "admin-pages-en-desktop.png", full_page=True)
    assert Principle.objects.filter(review_ckb=False).count() == 1
    assert breaches == []
