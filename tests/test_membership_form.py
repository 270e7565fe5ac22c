"""The public membership form at /join/: rules, what is stored, what the applicant sees."""

import datetime
import logging
import re
import smtplib
import time
from unittest import mock

import pytest
from django import forms
from django.core import mail
from django.utils import translation

from membership.forms import ApplicationForm
from membership.models import Application, Governorate, Status
from membership.views import RECEIPT_SALT
from party_site import antispam
from party_site.models import OutgoingEmail
from party_site.phone import normalize_iraqi_mobile
from party_site.submissions import receipt_pk
from tests.membership_data import post_data, today, years_before

JOIN = "/join/"


@pytest.fixture(autouse=True)
def membership_settings(settings):
    settings.ANTISPAM_MIN_SECONDS = 3
    settings.ANTISPAM_RATE_LIMIT = (1000, 3600)
    settings.SECRET_KEY = f"test-key-{time.time_ns()}"  # fresh rate-limit counters per test (Redis keeps them)
    settings.MEMBERSHIP_NOTIFY_EMAILS = ["officers@party.example"]


@pytest.fixture
def post(client, party_content, django_capture_on_commit_callbacks):
    def send(url=JOIN, **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, post_data(**overrides))

    return send


def test_a_valid_application_is_saved_with_every_field(post, client):
    response = post()
    assert response.status_code == 302 and response["Location"].startswith("/join/thanks/")
    application = Application.objects.get()
    assert application.full_name == "أحمد علي حسين الربيعي"
    assert application.birth_date == datetime.date(1990, 3, 15)
    assert (application.gender, application.governorate, application.district) == ("male", "basra", "الزبير")
    assert application.phone == "+9647701234567"
    assert application.email == "ahmed@example.org"
    assert (application.education, application.occupation, application.heard_from) == ("bachelor", "مهندس", "friend")
    assert application.motivation == "أريد أن أشارك في بناء دولة المواطنة."
    assert all(
        getattr(application, name)
        for name in (
            "declares_iraqi",
            "declares_no_other_party",
            "declares_not_barred",
            "declares_principles",
            "consents_privacy",
        )
    )
    assert application.status == Status.NEW and application.member_number is None
    assert application.language == "ar"
    assert re.fullmatch(r"\d{9}", application.reference)
    assert list(application.history.values_list("from_status", "to_status")) == [("", "new")]


def test_optional_fields_may_be_left_empty(post):
    assert post(family_name="", email="", motivation="", heard_from="").status_code == 302
    application = Application.objects.get()
    assert application.email == "" and application.family_name == ""


def test_confirmation_shows_the_reference_and_nothing_else_about_the_applicant(post, client):
    response = post()
    application = Application.objects.get()
    assert application.reference not in response["Location"]
    page = client.get(response["Location"])
    content = page.content.decode()
    assert application.display_reference in content
    for personal in ("أحمد", "الربيعي", "7701234567", "ahmed@example.org", "الزبير"):
        assert personal not in content
    assert "no-store" in page["Cache-Control"]


def test_the_reference_can_be_seen_again_only_for_a_while(post, client, settings):
    """A reload after a lost answer works; a shared or seized phone must not show it later."""
    thanks = post()["Location"]
    assert client.get(thanks).status_code == 200
    assert client.get(thanks).status_code == 200
    with mock.patch("time.time", return_value=time.time() + settings.SUBMISSION_THANKS_SECONDS + 1):
        later = client.get(thanks)
    assert later.status_code == 302 and later["Location"] == JOIN


@pytest.mark.parametrize("url", ["/join/thanks/", "/join/thanks/1/", "/join/thanks/MQ:1v0000:forged/"])
def test_the_confirmation_needs_a_valid_receipt(client, party_content, url):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == JOIN


def test_the_session_store_failing_after_the_commit_still_shows_the_reference(post, client, settings):
    """A database or Redis blip after the commit: the application is saved, so it is acknowledged."""
    from importlib import import_module

    from django.contrib.sessions.backends.base import UpdateError

    client.raise_request_exception = False
    store = import_module(settings.SESSION_ENGINE).SessionStore
    with mock.patch.object(store, "save", side_effect=UpdateError):
        response = post()
        assert response.status_code == 302, response.status_code
        page = client.get(response["Location"])
    assert page.status_code == 200
    assert Application.objects.get().display_reference in page.content.decode()


def test_the_same_page_sent_twice_leads_to_the_first_ones_thanks(post, client):
    """A double click on "send": no refusal, no second application, the first one's reference."""
    data = {antispam.TOKEN_FIELD: aged(10)}
    first = post(**data)
    second = post(**data)
    assert second.status_code == 302 and second["Location"].startswith("/join/thanks/")
    application = Application.objects.get()
    assert application.display_reference in client.get(second["Location"]).content.decode()
    assert OutgoingEmail.objects.filter(kind="membership.new_application").count() == 1
    assert first.status_code == 302


@pytest.mark.parametrize(
    "years,days,accepted",
    [(18, 1, False), (18, 0, True), (40, 0, True)],
    ids=["17-years-364-days", "18-today", "40"],
)
def test_applicants_must_be_18(post, years, days, accepted):
    born = years_before(today(), years) + datetime.timedelta(days=days)
    response = post(birth_date_day=str(born.day), birth_date_month=str(born.month), birth_date_year=str(born.year))
    assert Application.objects.exists() is accepted
    if not accepted:
        assert "18" in response.context["form"].errors["birth_date"][0]


@pytest.mark.parametrize(
    "born,on,accepted",
    [
        (datetime.date(2004, 2, 29), datetime.date(2022, 2, 28), False),
        (datetime.date(2004, 2, 29), datetime.date(2022, 3, 1), True),
        (datetime.date(2006, 2, 28), datetime.date(2024, 2, 28), True),
        (datetime.date(2006, 3, 1), datetime.date(2024, 2, 29), False),
    ],
    ids=["29-feb-not-yet-on-28-feb", "29-feb-of-age-on-1-march", "28-feb", "1-march-not-yet-on-29-feb"],
)
def test_born_on_29_february_is_of_age_on_1_march(post, monkeypatch, born, on, accepted):
    monkeypatch.setattr("membership.forms.timezone.localdate", lambda: on)
    post(birth_date_day=str(born.day), birth_date_month=str(born.month), birth_date_year=str(born.year))
    assert Application.objects.exists() is accepted


def test_birth_date_accepts_eastern_arabic_digits(post):
    assert post(birth_date_day="١٥", birth_date_month="3", birth_date_year="١٩٩٠").status_code == 302
    assert Application.objects.get().birth_date == datetime.date(1990, 3, 15)


@pytest.mark.parametrize("day,month,year", [("31", "2", "1990"), ("", "3", "1990"), ("x", "3", "1990")])
def test_impossible_or_incomplete_dates_are_refused(post, day, month, year):
    response = post(birth_date_day=day, birth_date_month=month, birth_date_year=year)
    assert response.status_code == 200 and "birth_date" in response.context["form"].errors


@pytest.mark.parametrize(
    "day,month,year",
    [("15", "3", "99999999999"), ("15", "99999999999", "1990"), ("99999999999999999999", "3", "1990")],
    ids=["huge-year", "huge-month", "huge-day"],
)
def test_huge_date_parts_are_an_error_message_and_keep_what_was_typed(post, day, month, year):
    response = post(birth_date_day=day, birth_date_month=month, birth_date_year=year)
    assert response.status_code == 200 and not Application.objects.exists()
    form = response.context["form"]
    assert form.errors["birth_date"] == [str(form.fields["birth_date"].error_messages["invalid"])]
    assert "الربيعي" in response.content.decode()  # everything typed is still in the form


def test_birth_date_compress_survives_an_overflowing_year():
    from membership.forms import BirthDateField

    with pytest.raises(forms.ValidationError):
        BirthDateField().compress(["15", "3", "99999999999"])


@pytest.mark.parametrize(
    "written",
    [
        "+964 770 123 4567",
        "+9647701234567",
        "00964 770 123 4567",
        "00964-770-123-4567",
        "0770 123 4567",
        "0770-123-4567",
        "07701234567",
        "٠٧٧٠ ١٢٣ ٤٥٦٧",
        "+٩٦٤ ٧٧٠ ١٢٣ ٤٥٦٧",
        "۰۷۷۰۱۲۳۴۵۶۷",
        "\u200e0770 123 4567\u200f",
    ],
)
def test_each_way_of_writing_an_iraqi_mobile_is_stored_in_e164(written):
    assert normalize_iraqi_mobile(written) == "+9647701234567"


@pytest.mark.parametrize(
    "written",
    ["0770 123 456", "077012345678", "01 234 5678", "+964 1 234 5678", "+44 7700 900123", "phone"],
)
def test_anything_else_is_refused_with_the_expected_form(post, written):
    response = post(phone=written)
    assert not Application.objects.exists()
    error = response.context["form"].errors["phone"][0]
    assert "0770\u00a0123\u00a04567" in error and "+964\u00a0770\u00a0123\u00a04567" in error


@pytest.mark.parametrize(
    "declaration",
    ["declares_iraqi", "declares_no_other_party", "declares_not_barred", "declares_principles", "consents_privacy"],
)
def test_each_declaration_is_required(post, declaration):
    response = post(**{declaration: None})
    assert response.status_code == 200 and not Application.objects.exists()
    assert list(response.context["form"].errors) == [declaration]


def test_errors_stand_next_to_their_field_and_everything_typed_is_kept(post):
    response = post(phone="12345", declares_iraqi=None)
    content = response.content.decode()
    assert 'id="id_phone_error"' in content
    assert re.search(
        r'<input[^>]*aria-describedby="id_phone_helptext id_phone_error"[^>]*name="phone"|'
        r'<input[^>]*name="phone"[^>]*aria-describedby="id_phone_helptext id_phone_error"',
        content,
    )
    assert 'aria-invalid="true"' in content
    for typed in ('value="12345"', 'value="أحمد"', 'value="الزبير"', 'value="ahmed@example.org"', "بناء دولة المواطنة"):
        assert typed in content
    assert re.search(r'<option value="basra" selected>', content)
    assert re.search(r'name="declares_principles"[^>]*checked|checked[^>]*name="declares_principles"', content)
    assert 'href="#field-phone"' in content  # the summary at the top links to the field


def test_errors_are_in_the_visitors_language(client, party_content):
    english = client.post("/en/join/", post_data(phone="12345")).content.decode()
    arabic = client.post(JOIN, post_data(phone="12345")).content.decode()
    assert "Enter an Iraqi mobile number" in english
    assert "أدخل رقم هاتف محمول عراقياً" in arabic
    assert "رقم الهاتف المحمول" in arabic and "Mobile phone number" in english


def test_form_is_built_for_phones_and_works_without_javascript(client, party_content):
    content = client.get(JOIN).content.decode()
    assert re.search(r'<form[^>]*method="post"', content) and 'type="submit"' in content
    phone = re.search(r"<input[^>]*name=\"phone\"[^>]*>", content).group(0)
    assert 'type="tel"' in phone and 'dir="ltr"' in phone and 'autocomplete="tel"' in phone
    email = re.search(r"<input[^>]*name=\"email\"[^>]*>", content).group(0)
    assert 'type="email"' in email and 'dir="ltr"' in email and 'autocomplete="email"' in email
    for token in ("given-name", "family-name", "bday-day", "bday-month", "bday-year", "address-level1"):
        assert f'autocomplete="{token}"' in content
    assert 'href="/privacy/"' in content  # the privacy notice, linked from the consent
    assert "انضموا إلينا في بناء مستقبل" in content and "طلب انضمام" in content


def test_governorates_are_the_eighteen_and_halabja_in_the_partys_order():
    expected = [
        "بغداد",
        "نينوى",
        "البصرة",
        "ذي_قار",
        "ميسان",
        "واسط",
        "بابل",
        "كربلاء",
        "النجف",
        "القادسية",
        "المثنى",
        "الأنبار",
        "صلاح_الدين",
        "ديالى",
        "كركوك",
        "أربيل",
        "السليمانية",
        "دهوك",
        "حلبجة",
    ]
    with translation.override("ar"):
        labels = [str(label).replace(" ", "_") for label in Governorate.labels]
        form_labels = [str(label).replace(" ", "_") for value, label in ApplicationForm().fields["governorate"].choices]
    assert labels == expected
    assert form_labels[1:] == expected


def test_references_are_unique_and_a_clash_is_retried(post, client):
    post()
    first = Application.objects.get().reference
    with mock.patch("membership.workflow.new_reference", side_effect=[first, "123456789"]):
        post(phone="0780 000 0000")
    assert set(Application.objects.values_list("reference", flat=True)) == {first, "123456789"}


def test_references_are_random_not_sequential(db):
    from membership.models import new_reference

    references = [new_reference() for _ in range(200)]
    assert len(set(references)) == 200
    assert all(re.fullmatch(r"\d{9}", ref) for ref in references)


# --- anti-spam, through the real view


def test_honeypot_is_refused_with_a_neutral_error_and_nothing_saved(post):
    response = post(website="http://spam.example")
    assert not Application.objects.exists()
    assert response.context["form"].non_field_errors() == [str(antispam.NEUTRAL_ERROR)]
    assert 'value="أحمد"' in response.content.decode()  # a person caught by mistake loses nothing


def test_a_form_sent_too_fast_is_refused(post):
    post(**{antispam.TOKEN_FIELD: aged(1)})
    assert not Application.objects.exists()


def test_a_form_without_a_valid_token_is_refused(post):
    post(**{antispam.TOKEN_FIELD: "forged"})
    assert not Application.objects.exists()


def test_rate_limit_per_client(post, settings, client):
    settings.ANTISPAM_RATE_LIMIT = (2, 3600)
    for n in range(3):
        post(phone=f"0770 000 000{n}")
    assert Application.objects.count() == 2
    refused = post(phone="0770 000 0005")
    assert refused.context["form"].non_field_errors() == [str(antispam.RATE_LIMITED_ERROR)]
    assert 'value="أحمد"' in refused.content.decode()
    other = client.post(JOIN, post_data(phone="0770 000 0009"), REMOTE_ADDR="198.51.100.20")
    assert other.status_code == 302 and Application.objects.count() == 3


def test_after_a_mistake_a_quick_fix_is_accepted(post):
    """The page shown again keeps the valid token: fixing a field and sending at once is not 'too fast'."""
    shown = aged(5)
    response = post(phone="123", **{antispam.TOKEN_FIELD: shown})
    assert f'name="form_token" value="{shown}"' in response.content.decode()
    assert post(**{antispam.TOKEN_FIELD: shown}).status_code == 302


def test_the_same_page_is_not_accepted_twice(post, client):
    shown = aged(10)
    first = post(**{antispam.TOKEN_FIELD: shown})
    replay = post(phone="0780 000 0000", **{antispam.TOKEN_FIELD: shown})
    assert replay.status_code == 302 and Application.objects.count() == 1
    # Both lead to the first application's thanks page. Each receipt is signed when it is given, to
    # the second, so the two addresses (and the page's own links) may differ in that alone.
    receipts = [response["Location"].rstrip("/").rsplit("/", 1)[1] for response in (first, replay)]
    assert {receipt_pk(receipt, RECEIPT_SALT) for receipt in receipts} == {Application.objects.get().pk}
    pages = [client.get(response["Location"]).content for response in (first, replay)]
    assert pages[0].replace(receipts[0].encode(), b"") == pages[1].replace(receipts[1].encode(), b"")


def aged(seconds):
    from tests.membership_data import aged_token

    return aged_token(seconds)


# --- e-mail


def test_applicant_is_acknowledged_in_their_language_and_officers_are_notified_without_personal_data(
    client, party_content, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/join/", post_data())
    application = Application.objects.get()
    assert application.language == "en"
    to_applicant = next(m for m in mail.outbox if m.to == ["ahmed@example.org"])
    assert application.display_reference in to_applicant.subject + to_applicant.body
    assert "Thank you for applying" in to_applicant.body
    to_officers = next(m for m in mail.outbox if m.to == ["officers@party.example"])
    assert application.display_reference in to_officers.body
    assert f"/admin/membership/application/{application.pk}/change/" in to_officers.body
    for personal in ("أحمد", "الربيعي", "7701234567", "ahmed@example.org", "الزبير", "مهندس"):
        assert personal not in to_officers.subject + to_officers.body


def test_no_acknowledgement_without_an_address(post):
    post(email="")
    assert [m.to for m in mail.outbox] == [["officers@party.example"]]


def test_an_email_failure_keeps_the_application_and_is_visible_to_staff(post, caplog):
    failing = mock.patch("django.core.mail.EmailMessage.send", side_effect=smtplib.SMTPConnectError(421, "down"))
    with failing, caplog.at_level(logging.INFO):
        response = post()
    assert response.status_code == 302
    application = Application.objects.get()
    assert set(application.emails.values_list("status", flat=True)) == {OutgoingEmail.Status.FAILED}
    assert application.emails.count() == 2
    for personal in ("أحمد", "7701234567", "ahmed@example.org", application.reference):
        assert personal not in caplog.text


def test_nothing_personal_is_logged_when_applying(post, caplog):
    with caplog.at_level(logging.DEBUG):
        post()
    for personal in ("أحمد", "7701234567", "ahmed@example.org", "الربيعي"):
        assert personal not in caplog.text


@pytest.mark.django_db(transaction=True)
def test_a_double_click_at_the_same_moment_stores_one_application(settings):
    """Two requests with the same page at once, as two gunicorn workers get them: one application,
    and both answers lead to its thanks page (PostgreSQL makes the second INSERT wait for the first)."""
    import threading

    from django.db import connection, connections
    from django.test import Client

    if connection.vendor != "postgresql":
        pytest.skip("concurrent connections need PostgreSQL (CI runs this with DATABASE_URL)")
    from content.management.commands.load_party_content import load_party_content

    load_party_content()
    data = post_data(**{antispam.TOKEN_FIELD: aged(10)})
    answers = []

    def click():
        try:
            answers.append(Client().post(JOIN, data))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=click) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Application.objects.count() == 1
    assert [answer.status_code for answer in answers] == [302, 302]
    reference = Application.objects.get().display_reference
    assert all(reference in Client().get(answer["Location"]).content.decode() for answer in answers)
