"""Membership journeys (issue 4), as people do them in a real browser:

- an applicant first gets an error for a wrong phone number, fixes it and receives a reference;
- the same in English, with the error next to the field;
- a membership officer accepts an application in the admin and sees the member number;
- a content editor cannot open applications.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from playwright.sync_api import expect

from content.roles import CONTENT_EDITORS
from membership.models import Application, Status, format_reference
from membership.roles import MEMBERSHIP_OFFICERS
from party_site.roles import setup_roles
from tests.browser.conftest import VIEWPORTS
from tests.browser.journeys import log_in_to_admin, t, tc, watch_csp

pytestmark = pytest.mark.browser


@pytest.fixture
def join_site(site, settings):
    settings.ANTISPAM_MIN_SECONDS = 0  # a test fills the form in under a second; people take minutes
    setup_roles()
    return site


def fill_application(page, lang="ar", phone="0770 123 4567"):
    """Fill in every required field by its visible label, as an applicant would."""
    page.goto("/join/" if lang == "ar" else f"/{lang}/join/")
    form = page.locator("main form")
    form.get_by_label(t("First name", lang), exact=True).fill("أحمد")
    form.get_by_label(t("Father's name", lang), exact=True).fill("علي")
    form.get_by_label(t("Grandfather's name", lang), exact=True).fill("حسين")
    form.get_by_label(tc("date part", "Day", lang), exact=True).fill("١٥")  # Eastern Arabic digits are accepted
    form.get_by_label(tc("date part", "Month", lang), exact=True).select_option("3")
    form.get_by_label(t("Year", lang), exact=True).fill("1990")
    form.get_by_label(t("Male", lang), exact=True).check()
    form.get_by_label(t("Highest level of education", lang), exact=True).select_option("bachelor")
    form.get_by_label(t("Occupation", lang), exact=True).fill("مهندس")
    form.get_by_label(t("Governorate", lang), exact=True).select_option("basra")
    form.get_by_label(t("District or city", lang), exact=True).fill("الزبير")
    form.get_by_label(t("Mobile phone number", lang), exact=True).fill(phone)
    for checkbox in form.locator("input[type=checkbox][required]").all():
        checkbox.check()
    return form


def send(form, lang="ar"):
    form.get_by_role("button", name=t("Send my application", lang)).click()


def test_applicant_fixes_a_wrong_phone_number_and_receives_a_reference(new_context, join_site):
    page = new_context(viewport=VIEWPORTS["phone"]).new_page()
    breaches = watch_csp(page)
    send(fill_application(page, phone="0770 123"))

    phone = page.get_by_label(t("Mobile phone number"), exact=True)
    expect(phone).to_have_attribute("aria-invalid", "true")
    error_id = phone.get_attribute("aria-describedby").split()
    errors = " ".join(page.locator(f"#{i}").inner_text() for i in error_id)
    assert "07XX" in errors or "0770" in errors, "the error shows the expected form"
    expect(phone).to_have_value("0770 123")  # what was typed is kept…
    expect(page.get_by_label(t("First name"), exact=True)).to_have_value("أحمد")  # …everywhere
    assert Application.objects.count() == 0

    phone.fill("٠٧٧٠ ١٢٣ ٤٥٦٧")
    for checkbox in page.locator("main form input[type=checkbox][required]").all():
        checkbox.check()
    send(page.locator("main form"))
    expect(page.locator("main form")).to_have_count(0)
    application = Application.objects.get()
    assert application.phone == "+9647701234567"
    main = page.locator("main")
    expect(main).to_contain_text(format_reference(application.reference))
    expect(main).not_to_contain_text("أحمد")  # the confirmation shows nothing else about the applicant
    assert "7701234567" not in page.url and application.reference not in page.url
    assert breaches == []


def test_applicant_reads_the_phone_error_in_english_next_to_the_field(new_context, join_site):
    page = new_context(viewport=VIEWPORTS["desktop"]).new_page()
    send(fill_application(page, lang="en", phone="not a phone"), lang="en")
    phone = page.get_by_label(t("Mobile phone number", "en"), exact=True)
    expect(phone).to_have_attribute("aria-invalid", "true")
    expect(phone).to_have_attribute("dir", "ltr")
    described = phone.get_attribute("aria-describedby").split()
    assert any("Iraqi mobile" in page.locator(f"#{i}").inner_text() for i in described)


def applied(new_context):
    """An application sent from a phone, as the officers' journeys start from."""
    applicant = new_context(viewport=VIEWPORTS["phone"]).new_page()
    send(fill_application(applicant))
    expect(applicant.locator("main form")).to_have_count(0)
    return Application.objects.get()


def make_staff(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(username, password=f"pw-{username}-1", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_membership_officer_accepts_an_application(new_context, join_site, django_user_model):
    application = applied(new_context)

    make_staff(django_user_model, "officer", MEMBERSHIP_OFFICERS)
    page = new_context(viewport=VIEWPORTS["desktop"]).new_page()
    breaches = watch_csp(page)
    log_in_to_admin(page, "officer", "pw-officer-1")
    change_url = reverse("admin:membership_application_change", args=[application.pk])
    for step in (t("Start the review"), t("Accept (gives the next member number)")):
        page.goto(change_url)
        page.get_by_label(t("Next step")).select_option(label=step)
        page.get_by_role("button", name=t("Save"), exact=True).click()
        expect(page.locator(".messagelist .success").first).to_be_visible()

    application.refresh_from_db()
    assert application.status == Status.ACCEPTED and application.member_number
    page.goto(change_url)
    expect(page.locator("#content-main")).to_contain_text(str(application.member_number))
    assert breaches == []


def test_content_editor_cannot_open_applications(new_context, join_site, django_user_model):
    application = applied(new_context)

    make_staff(django_user_model, "editor", CONTENT_EDITORS)
    page = new_context(viewport=VIEWPORTS["desktop"]).new_page()
    log_in_to_admin(page, "editor", "pw-editor-1")
    expect(page.locator("#content-main")).not_to_contain_text(str(Application._meta.verbose_name_plural))
    for url in (
        reverse("admin:membership_application_changelist"),
        reverse("admin:membership_application_change", args=[application.pk]),
    ):
        response = page.goto(url)
        assert response.status == 403, url
        expect(page.locator("body")).not_to_contain_text("الربيعي")
