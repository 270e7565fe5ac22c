"""The public feedback form at /feedback/: anyone may write, anonymously if they like; nothing valid is lost."""

import logging
import re
import smtplib
import time
from unittest import mock

import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from feedback.models import MESSAGE_MAX_LENGTH, FeedbackMessage
from party_site import antispam
from party_site.models import OutgoingEmail
from tests.helpers import count_h1, html_lang_dir

MESSAGE = "أقترح أن يفتح الحزب مكتباً في قضاء الزبير."


def token(seconds_ago=10):
    return antispam.new_token("feedback", issued=time.time() - seconds_ago)


def form_data(**extra):
    return {"topic": "suggestion", "message": MESSAGE, antispam.TOKEN_FIELD: token(), **extra}


@pytest.fixture(autouse=True)
def antispam_settings(settings):
    settings.ANTISPAM_MIN_SECONDS = 3
    settings.ANTISPAM_RATE_LIMIT = (20, 3600)
    settings.SECRET_KEY = f"test-key-{time.time_ns()}"  # a fresh rate-limit space per test (Redis keeps counts)
    settings.FEEDBACK_NOTIFY_EMAILS = ["team@party.example", "press@party.example"]


def post(client, data, url="/feedback/"):
    return client.post(url, data)


# --- The page -----------------------------------------------------------------------------------


def test_form_page_shows_the_party_intro_and_says_sending_anonymously_is_allowed(client, party_content):
    content = client.get("/feedback/").content.decode()
    assert "شاركنا أفكارك وآراءك وملاحظاتك" in content
    assert "دون ذكر اسمك" in content  # the anonymity note, in Arabic
    assert count_h1(content) == 1
    assert 'href="/privacy/"' in content
    assert 'name="website"' in content and 'name="form_token"' in content  # the shared anti-spam fields


def test_the_form_page_is_never_cached(client, party_content):
    assert "no-store" in client.get("/feedback/")["Cache-Control"]
    assert "no-store" in post(client, form_data(topic=""))["Cache-Control"]  # what was typed, shown again


def test_message_box_is_limited_without_javascript_and_the_limit_is_stated(client, party_content):
    content = client.get("/en/feedback/").content.decode()
    assert f'maxlength="{MESSAGE_MAX_LENGTH}"' in content
    assert f"Up to {MESSAGE_MAX_LENGTH} characters." in content
    assert "data-char-count-for=" in content and "/static/js/char-count.js" in content
    assert html_lang_dir(content) == ("en", "ltr")


def test_every_field_has_a_label_and_optional_ones_say_so(client, party_content):
    content = client.get("/en/feedback/").content.decode()
    for field, label in [
        ("topic", "Topic"),
        ("message", "Your message"),
        ("name", "Your name"),
        ("contact", "E-mail or phone number"),
        ("governorate", "Governorate"),
    ]:
        assert f'<label class="field__label" for="id_{field}">{label}' in content
    assert content.count("(optional)") >= 3
    assert 'id="id_contact"' in content and 'dir="ltr"' in content
    assert ">Halabja</option>" in content and ">Media enquiry</option>" in content


# --- Sending ------------------------------------------------------------------------------------


def test_anonymous_message_is_stored_as_new_and_thanked(client, party_content, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, form_data())
    assert response.status_code == 302 and response["Location"] == "/feedback/thanks/"
    message = FeedbackMessage.objects.get()
    assert message.message == MESSAGE and message.topic == "suggestion"
    assert message.status == FeedbackMessage.Status.NEW
    assert (message.name, message.email, message.phone, message.governorate) == ("", "", "", "")
    assert message.is_anonymous and message.language == "ar"
    thanks = client.get(response["Location"]).content.decode()
    assert count_h1(thanks) == 1 and "شكراً" in thanks


def test_english_page_thanks_in_english(client, party_content):
    response = post(client, form_data(topic="question"), url="/en/feedback/")
    assert response["Location"] == "/en/feedback/thanks/"
    assert FeedbackMessage.objects.get().language == "en"
    assert "Thank you" in client.get(response["Location"]).content.decode()


def test_name_email_and_governorate_are_kept_when_given(client, party_content):
    post(client, form_data(name="علي حسن", contact="ali@example.org", governorate="basra", topic="complaint"))
    message = FeedbackMessage.objects.get()
    assert (message.name, message.email, message.phone) == ("علي حسن", "ali@example.org", "")
    assert message.governorate == "basra" and message.get_governorate_display() == "البصرة"
    assert not message.is_anonymous


def test_phone_in_eastern_arabic_digits_is_stored_in_one_form(client, party_content):
    post(client, form_data(contact="٠٧٧٠ ١٢٣ ٤٥٦٧"))
    message = FeedbackMessage.objects.get()
    assert (message.email, message.phone) == ("", "+9647701234567")
    assert message.phone_display == "0770 123 4567"  # as people in Iraq write it


def test_line_breaks_count_once_as_in_the_browser(client, party_content):
    """A textarea at its maxlength sends CR LF for each line break; that must not exceed the limit."""
    lines = ["ب" * 99] * 30  # 30 × 99 letters + 29 breaks = 2999 characters in the browser
    text = "\r\n".join(lines)
    assert len(text) > MESSAGE_MAX_LENGTH
    response = post(client, form_data(message=text))
    assert response.status_code == 302
    assert FeedbackMessage.objects.get().message == "\n".join(lines)


# --- Validation: errors next to the field, in the visitor's language, with the input kept ----------


def test_missing_topic_and_message_are_explained_in_arabic(client, party_content):
    response = post(client, form_data(topic="", message="", name="سارة"))
    assert response.status_code == 200 and not FeedbackMessage.objects.exists()
    content = response.content.decode()
    assert "اختر موضوع رسالتك." in content and "اكتب رسالتك." in content
    assert 'id="id_topic_error"' in content and 'aria-invalid="true"' in content
    assert 'value="سارة"' in content  # what was typed is kept


def test_errors_are_in_english_on_the_english_page(client, party_content):
    content = post(client, form_data(topic=""), url="/en/feedback/").content.decode()
    assert "Choose what your message is about." in content
    assert MESSAGE in content  # the message is kept


@pytest.mark.parametrize(
    "contact,expected_error",
    [
        ("0770 123", "11 digits starting with 07"),
        ("0123456789", "11 digits starting with 07"),
        ("ali@", "name@example.com"),
        ("my name is ali", "07XX XXX XXXX"),
    ],
)
def test_bad_contact_is_refused_next_to_the_field_with_the_input_kept(client, party_content, contact, expected_error):
    response = post(client, form_data(contact=contact), url="/en/feedback/")
    content = response.content.decode()
    assert response.status_code == 200 and not FeedbackMessage.objects.exists()
    error = content.split('id="id_contact_error"', 1)[1].split("</p>", 1)[0]
    assert expected_error in error
    assert f'value="{contact}"' in content and MESSAGE in content


def test_bad_phone_error_is_in_arabic(client, party_content):
    content = post(client, form_data(contact="0770")).content.decode()
    assert "أدخل رقم هاتف محمول عراقياً" in content


def test_too_long_message_is_refused_by_the_server(client, party_content):
    response = post(client, form_data(message="ا" * (MESSAGE_MAX_LENGTH + 1)), url="/en/feedback/")
    assert response.status_code == 200 and not FeedbackMessage.objects.exists()
    assert f"at most {MESSAGE_MAX_LENGTH} characters" in response.content.decode()


@pytest.mark.parametrize("field,value", [("topic", "praise"), ("governorate", "atlantis")])
def test_values_outside_the_lists_are_refused(client, party_content, field, value):
    response = post(client, form_data(**{field: value}))
    assert response.status_code == 200 and not FeedbackMessage.objects.exists()


def test_database_refuses_what_the_form_would_refuse(db):
    for bad in ({"status": "lost"}, {"topic": "praise"}, {"governorate": "atlantis"}, {"message": ""}):
        with pytest.raises(IntegrityError), transaction.atomic():
            FeedbackMessage.objects.create(**{"topic": "other", "message": "x", **bad})


# --- Anti-spam: bots get a neutral error, people keep what they typed -------------------------------


def neutral_error_shown(response):
    return str(antispam.NEUTRAL_ERROR) in response.content.decode() or "تعذّر قبول الإرسال" in response.content.decode()


def test_honeypot_is_refused_neutrally_and_nothing_is_stored(client, party_content):
    response = post(client, form_data(website="http://spam.example"))
    assert response.status_code == 200 and neutral_error_shown(response)
    assert not FeedbackMessage.objects.exists() and not mail.outbox
    assert MESSAGE in response.content.decode()


def test_sending_within_seconds_of_opening_the_form_is_refused(client, party_content):
    response = post(client, form_data(**{antispam.TOKEN_FIELD: token(seconds_ago=1)}))
    assert neutral_error_shown(response) and not FeedbackMessage.objects.exists()


def test_a_flood_from_one_client_is_stopped(client, party_content, settings):
    settings.ANTISPAM_RATE_LIMIT = (2, 3600)
    assert post(client, form_data()).status_code == 302
    assert post(client, form_data()).status_code == 302
    third = post(client, form_data())
    assert third.status_code == 200 and str(antispam.RATE_LIMITED_ERROR) in third.content.decode()
    assert MESSAGE in third.content.decode()  # kept for when they try again
    assert FeedbackMessage.objects.count() == 2


def test_one_page_can_be_sent_only_once(client, party_content):
    data = form_data()
    assert post(client, data).status_code == 302
    replay = post(client, data)
    assert replay.status_code == 200 and neutral_error_shown(replay)
    assert FeedbackMessage.objects.count() == 1


def test_a_membership_token_is_not_accepted_by_the_feedback_form(client, party_content):
    membership_token = antispam.new_token("membership", issued=time.time() - 10)
    response = post(client, form_data(**{antispam.TOKEN_FIELD: membership_token}))
    assert neutral_error_shown(response) and not FeedbackMessage.objects.exists()


# --- Staff notification -------------------------------------------------------------------------


def test_each_new_message_notifies_the_configured_addresses_without_the_senders_details(
    client, party_content, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(client, form_data(name="علي حسن", contact="ali@example.org", topic="complaint"))
    message = FeedbackMessage.objects.get()
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["team@party.example", "press@party.example"]
    assert "شكوى" in email.subject
    assert f"/admin/feedback/feedbackmessage/{message.pk}/change/" in email.body
    for private in ("علي", "ali@example.org", MESSAGE):
        assert private not in email.subject and private not in email.body
    assert message.emails.get().status == OutgoingEmail.Status.SENT


def test_no_addresses_configured_means_no_email_and_the_message_is_kept(client, party_content, settings):
    settings.FEEDBACK_NOTIFY_EMAILS = []
    assert post(client, form_data()).status_code == 302
    assert FeedbackMessage.objects.count() == 1 and not OutgoingEmail.objects.exists()


def test_email_failure_keeps_the_message_and_tells_staff(
    client, party_content, superuser, django_capture_on_commit_callbacks, caplog
):
    failing = mock.patch("django.core.mail.EmailMessage.send", side_effect=smtplib.SMTPConnectError(421, "down"))
    with failing, caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        response = post(client, form_data(contact="0770 123 4567"))
    assert response.status_code == 302 and response["Location"] == "/feedback/thanks/"
    message = FeedbackMessage.objects.get()
    email = message.emails.get()
    assert email.status == OutgoingEmail.Status.FAILED and email.last_error == "SMTPConnectError"
    assert MESSAGE not in caplog.text and "7701234567" not in caplog.text

    client.force_login(superuser)
    change_page = client.get(f"/admin/feedback/feedbackmessage/{message.pk}/change/").content.decode()
    assert "SMTPConnectError" in change_page and "لم تُرسل" in change_page


def test_free_text_takes_the_direction_of_what_is_typed_on_english_pages(client, party_content):
    english = client.get("/en/feedback/").content.decode()
    assert re.search(
        r'<textarea[^>]*name="message"[^>]*dir="auto"|<textarea[^>]*dir="auto"[^>]*name="message"', english
    )
    arabic = client.get("/feedback/").content.decode()
    assert not re.search(r'<textarea[^>]*dir="auto"', arabic)
