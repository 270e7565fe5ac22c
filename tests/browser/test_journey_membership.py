"""Membership journeys (issue 4): an applicant corrects a wrong phone number and gets a reference; a membership
officer accepts the application; a content editor cannot open applications.

Skipped until the membership app has a model for applications. What they assume of issue 4's work:
- /join/ holds one <form> with a submit button; required controls are marked `required`; the phone is an
  <input type="tel">; an error is tied to its control by aria-describedby and the control gets aria-invalid.
- after sending, the page shows the application's `reference` (a model field of that name) and not the name.
- the application model is the membership app's model with a `reference` field; it has a `status` field whose
  accepted value is "accepted" and a field whose name contains "member_number".
- a group named "membership officers" exists (made by a migration or on demand by a function the lead adapts).
- the admin accepts an application with a button named t("Accept"), or by choosing "accepted" in the status
  select and saving.
"""

import re

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from tests.browser.conftest import VIEWPORTS
from tests.browser.forms import error_for, field_for, fill_form, let_forms_accept_quick_humans
from tests.browser.journeys import log_in_to_admin, t, watch_csp

pytestmark = pytest.mark.browser


def application_model():
    models = list(apps.get_app_config("membership").get_models())
    if not models:
        pytest.skip("the membership application form (issue 4) is not on this branch yet")
    for model in models:
        if any(field.name == "reference" for field in model._meta.get_fields()):
            return model
    pytest.fail("membership has models but none with a `reference` field: adapt application_model()")


@pytest.fixture
def Application(site, settings):  # noqa: N802 - a model class
    model = application_model()
    let_forms_accept_quick_humans(settings)
    return model


def apply(page, phone="07701234567"):
    """Fill in and send the join form as a person would; returns the form locator."""
    page.goto("/join/")
    form = page.locator("main form")
    fill_form(form, required_only=True)
    field_for(form, input_type="tel").fill(phone)
    form.locator("[type=submit]").last.click()
    return form


def test_applicant_fixes_a_wrong_phone_number_and_receives_a_reference(new_context, Application):
    page = new_context(viewport=VIEWPORTS["phone"]).new_page()
    breaches = watch_csp(page)
    form = apply(page, phone="12345")

    phone = field_for(page.locator("main form"), input_type="tel")
    expect(phone).to_have_attribute("aria-invalid", "true")
    assert error_for(page, phone), "the phone error is tied to the field, so a screen reader announces it"
    expect(phone).to_have_value("12345")
    assert Application.objects.count() == 0

    phone.fill("0770 123 4567")
    form.locator("[type=submit]").last.click()
    expect(page.locator("main form")).to_have_count(0)
    application = Application.objects.get()
    expect(page.locator("main")).to_contain_text(str(application.reference))
    expect(page.locator("main")).not_to_contain_text("الربيعي")  # the confirmation shows nothing else about them
    assert breaches == []


def test_applicant_reads_errors_in_english_next_to_the_field(new_context, Application):
    page = new_context(viewport=VIEWPORTS["desktop"]).new_page()
    page.goto("/en/join/")
    form = page.locator("main form")
    fill_form(form, required_only=True)
    field_for(form, input_type="tel").fill("not a phone")
    form.locator("[type=submit]").last.click()
    phone = field_for(page.locator("main form"), input_type="tel")
    expect(phone).to_have_attribute("aria-invalid", "true")
    assert re.search(r"[A-Za-z]", error_for(page, phone)), "the error is in English"
    expect(phone).to_have_attribute("dir", "ltr")


def officer(django_user_model):
    group = Group.objects.filter(name__iexact="membership officers").first()
    assert group, 'the "membership officers" group exists'
    user = django_user_model.objects.create_user("officer", password="pw-officer-1", is_staff=True)
    user.groups.add(group)
    return user


def accept_in_admin(page, application):
    meta = application._meta
    page.goto(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[application.pk]))
    accept = page.get_by_role("button", name=t("Accept"))
    if accept.count():
        accept.first.click()
    else:
        page.locator("select[name=status]").select_option("accepted")
        page.get_by_role("button", name=t("Save"), exact=True).click()
    expect(page.locator(".messagelist .success, .messagelist .info").first).to_be_visible()


def test_membership_officer_accepts_an_application(new_context, Application, django_user_model):
    applicant = new_context(viewport=VIEWPORTS["phone"]).new_page()
    apply(applicant)
    expect(applicant.locator("main form")).to_have_count(0)
    application = Application.objects.get()

    officer(django_user_model)
    page = new_context(viewport=VIEWPORTS["desktop"]).new_page()
    breaches = watch_csp(page)
    log_in_to_admin(page, "officer", "pw-officer-1")
    accept_in_admin(page, application)

    application.refresh_from_db()
    assert application.status == "accepted"
    number_field = next(f.name for f in Application._meta.concrete_fields if "member_number" in f.name)
    number = getattr(application, number_field)
    assert number, "accepting assigns a member number"
    page.reload()
    expect(page.locator("#content-main, main").first).to_contain_text(str(number))
    assert breaches == []


def test_content_editor_cannot_open_applications(new_context, Application, django_user_model):
    applicant = new_context(viewport=VIEWPORTS["phone"]).new_page()
    apply(applicant)
    expect(applicant.locator("main form")).to_have_count(0)
    application = Application.objects.get()

    editor = django_user_model.objects.create_user("content-editor", password="pw-editor-1", is_staff=True)
    group = Group.objects.filter(name__icontains="editor").first()
    if group:
        editor.groups.add(group)
    else:
        editor.user_permissions.set(Permission.objects.filter(content_type__app_label="content"))
    page = new_context(viewport=VIEWPORTS["desktop"]).new_page()
    log_in_to_admin(page, "content-editor", "pw-editor-1")
    meta = application._meta
    with translation.override("ar"):
        expect(page.locator("#content-main")).not_to_contain_text(str(meta.verbose_name_plural))
    for url in (
        reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"),
        reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[application.pk]),
    ):
        response = page.goto(url)
        assert response.status in (403, 404) or "/login/" in page.url, url
        expect(page.locator("body")).not_to_contain_text(str(application.reference))
