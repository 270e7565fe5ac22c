"""Fuzzing the join form, the feedback form and search (hypothesis).

Inputs: Arabic and Kurdish text, Latin, emoji, bidi controls, NUL and other control characters,
Eastern Arabic and fullwidth digits, markup, 10,000-character values and lone surrogates (sent as the
bytes a broken client would send). Rules: never a 500; never markup echoed unescaped; valid input is
saved as the person typed it, less what party_site/cleantext.py removes.

The default profile is bounded (tests/conftest.py); for a long run:
    .venv/bin/pytest tests/test_fuzz.py --hypothesis-profile=long
"""

import time
from urllib.parse import quote_from_bytes

import pytest
from hypothesis import given
from hypothesis import strategies as st

from feedback.models import FeedbackMessage
from membership.models import Application
from party_site import antispam
from party_site.cleantext import clean_free_text
from tests.membership_data import post_data

ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى"
SORANI = "پچژگڤڕڵۆێەیکھ"
TASHKEEL = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
INVISIBLE = "\u200b\u200c\u200d\ufeff\u00ad"
DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９"
MARKUP = "<>&\"'"
MARKER = '<b data-fuzz="1">'

hostile_char = st.one_of(
    st.sampled_from(ARABIC + SORANI + TASHKEEL + BIDI + INVISIBLE + DIGITS + MARKUP + " \n\r\t\x00\x07\x1b\ufffd"),
    st.sampled_from(["😀", "👍🏽", "🇮🇶", "👨‍👩‍👧"]),
    st.characters(codec="utf-8"),
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),  # lone surrogates
)


def joined(pieces, **size):
    return st.lists(pieces, **size).map("".join)


hostile_text = st.one_of(
    joined(hostile_char, max_size=60),
    st.builds(lambda text: text + MARKER, joined(hostile_char, max_size=30)),
    st.builds(lambda char, n: char * n, st.sampled_from(["ب", "a", "😀", "\u202e"]), st.integers(3000, 10_000)),
)
# What a person types into a message box: letters of the three languages, digits, emoji, line breaks,
# punctuation, and the bidi controls a copy-paste brings along (which are removed).
typed_message = joined(
    st.one_of(st.sampled_from(ARABIC + SORANI + TASHKEEL + DIGITS + " \n.,!؟،" + BIDI), st.sampled_from(["😀", "🇮🇶"])),
    min_size=1,
    max_size=400,
).filter(lambda text: clean_free_text(text))
typed_name = st.lists(st.text(st.sampled_from(ARABIC + SORANI), min_size=2, max_size=12), min_size=1, max_size=4).map(
    " ".join
)


@pytest.fixture(autouse=True)
def fuzz_settings(settings):
    settings.ANTISPAM_MIN_SECONDS = 3
    settings.ANTISPAM_RATE_LIMIT = (1_000_000, 3600)
    settings.SECRET_KEY = f"test-key-{time.time_ns()}"


def encode(data: dict) -> bytes:
    """A form body as a browser would send it, except that lone surrogates go out as the bytes a
    broken client sends (CESU-8), not as U+FFFD."""
    return b"&".join(
        quote_from_bytes(key.encode()).encode()
        + b"="
        + quote_from_bytes(value.encode("utf-8", "surrogatepass")).encode()
        for key, value in data.items()
    )


def post(client, url, data):
    return client.post(url, encode(data), content_type="application/x-www-form-urlencoded")


def assert_answered_safely(response):
    assert response.status_code in (200, 302, 400, 413), response.status_code
    if response.status_code == 200:
        assert MARKER not in response.content.decode()


def token(scope):
    return antispam.new_token(scope, issued=time.time() - 10)


@given(field=st.sampled_from(["first_name", "family_name", "district", "occupation", "motivation", "phone", "email"]),
       value=hostile_text)  # fmt: skip
def test_the_join_form_never_fails_on_hostile_input(client, party_content, field, value):
    response = post(client, "/join/", {**post_data(**{field: value}), antispam.TOKEN_FIELD: token("membership")})
    assert_answered_safely(response)


@given(field=st.sampled_from(["message", "name", "contact", "topic"]), value=hostile_text)
def test_the_feedback_form_never_fails_on_hostile_input(client, party_content, field, value):
    data = {"topic": "suggestion", "message": "رسالة", field: value, antispam.TOKEN_FIELD: token("feedback")}
    assert_answered_safely(post(client, "/feedback/", data))


@given(query=hostile_text)
def test_search_never_fails_on_hostile_input(client, party_content, query):
    raw = quote_from_bytes(query.encode("utf-8", "surrogatepass"))
    assert_answered_safely(client.get(f"/search/?q={raw}"))


@given(message=typed_message, name=typed_name)
def test_valid_feedback_is_saved_as_typed_less_the_controls(client, party_content, message, name):
    data = {"topic": "question", "message": message, "name": name, antispam.TOKEN_FIELD: token("feedback")}
    response = post(client, "/feedback/", data)
    assert response.status_code == 302
    stored = FeedbackMessage.objects.latest("pk")
    assert stored.message == clean_free_text(message)
    assert not any(char in stored.message for char in BIDI)
    assert stored.name == name


@given(motivation=typed_message, first_name=typed_name)
def test_a_valid_application_is_saved_as_typed_less_the_controls(client, party_content, motivation, first_name):
    data = {
        **post_data(motivation=motivation[:2000], first_name=first_name[:100]),
        antispam.TOKEN_FIELD: token("membership"),
    }
    Application.objects.all().delete()  # one applicant per example (the phone number repeats)
    response = post(client, "/join/", data)
    assert response.status_code == 302
    stored = Application.objects.get()
    assert stored.motivation == clean_free_text(motivation[:2000])
    assert stored.first_name == first_name[:100].strip()
