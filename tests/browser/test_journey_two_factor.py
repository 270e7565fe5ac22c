"""Staff two-step sign-in in a real browser (issue 11):

- a membership officer who signed in with a password alone cannot open applications and is led to
  set up the second factor;
- with the factor, the officer enters its code and opens applications.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from membership.roles import MEMBERSHIP_OFFICERS
from party_site.roles import setup_roles
from tests.browser.conftest import VIEWPORTS
from tests.browser.journeys import admin_url, log_in_to_admin, t, watch_csp
from tests.helpers import totp_code
from tests.membership_data import make_application

pytestmark = pytest.mark.browser


@pytest.fixture
def officer(site, django_user_model):
    setup_roles()
    user = django_user_model.objects.create_user("officer", password="pw-officer-1", is_staff=True)
    user.groups.add(Group.objects.get(name=MEMBERSHIP_OFFICERS))
    return user


def test_an_officer_with_a_password_alone_is_led_to_set_up_the_second_step(new_context, officer, screenshot_dir):
    application = make_application(family_name="الربيعي")
    page = new_context(viewport=VIEWPORTS["desktop"]).new_page()
    breaches = watch_csp(page)
    log_in_to_admin(page, "officer", "pw-officer-1", second_factor=False)
    page.wait_for_url(f"**{admin_url('two-factor/setup/')}**")
    page.goto(reverse("admin:membership_application_change", args=[application.pk]))
    assert admin_url("two-factor/setup/") in page.url
    expect(page.locator("body")).not_to_contain_text("الربيعي")
    expect(page.locator("img[src^='data:image/svg+xml']")).to_be_visible()
    page.screenshot(path=screenshot_dir / "two-factor-setup-desktop-ar.png", full_page=True)
    # The officer scans the code and types what the app shows: then the application opens.
    device = TOTPDevice.objects.get(user=officer, confirmed=False)
    page.get_by_label(t("Code")).fill(totp_code(device))
    page.get_by_role("button", name=t("Turn on two-step sign-in")).click()
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    page.get_by_role("link", name=t("I have kept them: continue")).click()
    expect(page.locator("#content-main")).to_contain_text(application.display_reference)
    assert breaches == []


def test_with_the_factor_the_officer_opens_applications(new_context, officer, screenshot_dir):
    application = make_application(family_name="الربيعي")
    device = TOTPDevice.objects.create(user=officer, name="phone", confirmed=True)
    page = new_context(viewport=VIEWPORTS["phone"]).new_page()
    breaches = watch_csp(page)
    log_in_to_admin(page, "officer", "pw-officer-1", second_factor=False)
    page.wait_for_url(f"**{admin_url('two-factor/')}**")
    page.screenshot(path=screenshot_dir / "two-factor-code-phone-ar.png", full_page=True)
    page.goto(reverse("admin:membership_application_changelist"))
    assert admin_url("two-factor/") in page.url  # still the second step, not the list
    page.get_by_label(t("Code")).fill(totp_code(device))
    page.get_by_role("button", name=t("Continue")).click()
    page.wait_for_url(f"**{reverse('admin:membership_application_changelist')}")
    expect(page.locator("#result_list")).to_contain_text(application.display_reference)
    expect(page.locator("#logout-form button")).to_be_visible()
    assert breaches == []
