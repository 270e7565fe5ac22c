"""A staff member logs in to the admin (the real form, watched by django-axes), edits a page and sees it live."""

import pytest
from playwright.sync_api import expect

from content.models import Page
from tests.browser.journeys import admin_url, log_in_to_admin, t, watch_csp

pytestmark = pytest.mark.browser


def test_staff_member_logs_in_edits_a_page_and_sees_it_on_the_site(desktop, superuser):
    breaches = watch_csp(desktop)
    about = Page.objects.get(key="about")

    desktop.goto(admin_url())
    desktop.get_by_label(t("Username")).fill("root")
    desktop.get_by_label(t("Password")).fill("not-the-password")
    desktop.get_by_role("button", name=t("Log in")).click()
    expect(desktop.locator(".errornote")).to_be_visible()

    log_in_to_admin(desktop, "root", "pw-root-1")
    desktop.get_by_role("link", name=t("pages"), exact=True).first.click()
    desktop.locator("#result_list").get_by_role("link", name=about.title_ar).click()
    summary = desktop.locator("#id_summary_ar")
    expect(summary).to_be_visible()
    summary.fill("ملخص جديد كتبه فريق الموقع من لوحة الإدارة")
    desktop.get_by_role("button", name=t("Save"), exact=True).click()
    expect(desktop.locator(".messagelist .success")).to_be_visible()

    desktop.goto("/about/")
    expect(desktop.locator("main .lead")).to_have_text("ملخص جديد كتبه فريق الموقع من لوحة الإدارة")
    assert breaches == [], "the admin and its editor run under their Content-Security-Policy"
