"""Text that staff read is clean: names, free text, raw bytes, checkboxes, and how the admin and CSV show it."""

import time

import pytest
from django.contrib.auth.models import Group

from feedback.models import FeedbackMessage
from membership.export import csv_cell, csv_row
from membership.models import Application
from membership.roles import MEMBERSHIP_OFFICERS
from party_site import antispam
from party_site.cleantext import clean_free_text, clean_name, is_name
from tests.helpers import sign_in
from tests.membership_data import make_application, post_data

RLO = "\u202e"
CONTROLS = ["\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c", "\u200b"]


@pytest.fixture(autouse=True)
def form_settings(settings):
    settings.ANTISPAM_MIN_SECONDS = 3
    settings.ANTISPAM_RATE_LIMIT = (1000, 3600)
    settings.SECRET_KEY = f"test-key-{time.time_ns()}"


def join(client, **overrides):
    return client.post("/join/", post_data(**overrides))


# --- names


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("زه\u200cنگنه", "زەنگنه"),  # ه + ZWNJ, as an Arabic or Persian keyboard writes Sorani's ە
        ("عه\u200cلی", "عەلی"),
        ("مه\u200dلا", "مهلا"),  # a stray joiner goes, and changes no letter
    ],
)
def test_kurdish_typed_with_zero_width_joiners_is_accepted_in_today_s_spelling(client, party_content, typed, stored):
    assert clean_name(typed) == stored and is_name(stored)
    response = join(client, family_name=typed)
    assert response.status_code == 302
    assert Application.objects.get().family_name == stored


@pytest.mark.parametrize(
    "name", ["أحمد", "مُحَمَّد", "ڕێبوار", "ژیان", "گۆڤار", "O'Brien-Smith", "Şêrko", "عبد الله", "آل ياسين", "Rêbîn’s"]
)
def test_names_of_arabic_kurdish_and_latin_letters_are_accepted(name):
    assert is_name(clean_name(name))


@pytest.mark.parametrize(
    "name",
    ["أحمد😀", "أحمد١", "أحمد１", "Ahmed\ufffdAli", "<b>", "علي@", "أحمد_", "-", "'", "علي.", "Ω", "中文"],
    ids=["emoji", "eastern-digit", "fullwidth-digit", "replacement", "markup", "at", "underscore", "hyphen-only",
         "apostrophe-only", "dot", "greek", "han"],
)  # fmt: skip
def test_anything_else_is_not_a_name(name):
    assert not is_name(clean_name(name))


@pytest.mark.parametrize("control", CONTROLS)
def test_invisible_controls_are_removed_from_names(client, party_content, control):
    assert join(client, first_name=f"أحمد{control}", family_name=f"{control}الربيعي").status_code == 302
    application = Application.objects.get()
    assert (application.first_name, application.family_name) == ("أحمد", "الربيعي")


def test_a_name_with_an_emoji_is_refused_with_a_message(client, party_content):
    response = join(client, father_name="علي😀")
    assert response.status_code == 200 and "father_name" in response.context["form"].errors
    assert not Application.objects.exists()


def test_the_feedback_name_follows_the_same_rules(client, party_content):
    token = antispam.new_token("feedback", issued=time.time() - 10)
    data = {"topic": "question", "message": "سؤال", "name": f"سارة{RLO}", antispam.TOKEN_FIELD: token}
    assert client.post("/feedback/", data).status_code == 302
    assert FeedbackMessage.objects.get().name == "سارة"
    data[antispam.TOKEN_FIELD] = antispam.new_token("feedback", issued=time.time() - 10)
    assert client.post("/feedback/", {**data, "name": "١٢٣"}).status_code == 200


# --- free text


def test_free_text_keeps_emoji_and_line_breaks_but_no_bidi_control(client, party_content):
    typed = f"أريد المشاركة 🇮🇶👍🏽\r\nفي بناء{RLO} الدولة\u2066 ‏👨‍👩‍👧"
    assert join(client, motivation=typed, district=f"الزبير{RLO}", occupation="مهندس\u200f").status_code == 302
    application = Application.objects.get()
    assert application.motivation == "أريد المشاركة 🇮🇶👍🏽\nفي بناء الدولة 👨‍👩‍👧"
    assert (application.district, application.occupation) == ("الزبير", "مهندس")


def test_a_feedback_message_keeps_emoji_and_lines_without_controls(client, party_content):
    token = antispam.new_token("feedback", issued=time.time() - 10)
    message = f"سطر أول 😊\n{RLO}سطر ثانٍ\x07\u2069"
    assert client.post(
        "/feedback/", {"topic": "suggestion", "message": message, antispam.TOKEN_FIELD: token}
    ).status_code
    assert FeedbackMessage.objects.get().message == "سطر أول 😊\nسطر ثانٍ"


@pytest.mark.parametrize("control", CONTROLS + ["\x00", "\x1b", "\ud800", "\ufeff", "\ufffd"])
def test_free_text_never_keeps_an_invisible_or_broken_character(control):
    assert clean_free_text(f"نص{control}هنا") == "نصهنا"


# --- raw bytes


@pytest.mark.parametrize("url", ["/join/", "/en/feedback/"])
def test_a_body_that_is_not_utf8_gets_the_designed_400(client, party_content, url):
    body = b"first_name=" + "أحمد".encode("cp1256") + b"&message=%E9t%E9"
    response = client.generic("POST", url, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400 and "lang=" in response.content.decode()[:200]
    assert not Application.objects.exists() and not FeedbackMessage.objects.exists()


def test_a_query_string_that_is_not_utf8_gets_the_designed_400(client, party_content):
    response = client.get("/en/search/?q=%E9t%E9")
    assert response.status_code == 400 and "The request could not be read" in response.content.decode()


def test_a_multipart_field_that_is_not_utf8_gets_the_designed_400(client, party_content, settings):
    boundary = "b0undary"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="username"\r\n\r\n'.encode()
        + "علي".encode("cp1256")
        + f"\r\n--{boundary}--\r\n".encode()
    )
    response = client.generic(
        "POST", f"/{settings.ADMIN_URL}login/", body, content_type=f"multipart/form-data; boundary={boundary}"
    )
    assert response.status_code == 400


# --- checkboxes


@pytest.mark.parametrize("value", ["0", "-1", "false", "off", "no", "1", "true", "yes"])
def test_a_declaration_is_ticked_only_by_its_own_value(client, party_content, value):
    response = join(client, declares_iraqi=value)
    assert response.status_code == 200 and "declares_iraqi" in response.context["form"].errors
    assert not Application.objects.exists()


# --- what staff see


def test_the_admin_and_the_csv_show_stored_controls_safely(client, party_content, roles, django_user_model):
    application = make_application(first_name=f"{RLO}دمحأ", family_name="\u2067الربيعي\u2069")
    officer = django_user_model.objects.create_user("officer", password="pw-officer-1", is_staff=True)
    officer.groups.add(Group.objects.get(name=MEMBERSHIP_OFFICERS))
    sign_in(client, officer)
    for url in ("/admin/membership/application/", f"/admin/membership/application/{application.pk}/change/"):
        content = client.get(url).content.decode()
        assert "دمحأ" in content and RLO not in content and "\u2067" not in content
    assert all(RLO not in cell and "\u2067" not in cell for cell in csv_row(application))
    assert csv_cell(f"{RLO}=1+1") == "'=1+1"
