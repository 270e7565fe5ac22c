"""Iraqi mobile numbers: every way people write one is accepted and stored as +9647XXXXXXXXX."""

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

from party_site.governorates import MAX_LENGTH, Governorate
from party_site.phone import (
    PHONE_EXAMPLE,
    PHONE_EXAMPLE_INTERNATIONAL,
    IraqiMobileField,
    format_iraqi_mobile,
    national_mobile,
    normalize_iraqi_mobile,
    search_digits,
)


@pytest.mark.parametrize(
    "typed",
    [
        "+9647701234567",
        "+964 770 123 4567",
        "+964-770-123-4567",
        "00964 770 123 4567",
        "009647701234567",
        "9647701234567",
        "964 0770 123 4567",
        "0770 123 4567",
        "0770-123-4567",
        "07701234567",
        "7701234567",
        "+964 (0)770 123 4567",
        "٠٧٧٠ ١٢٣ ٤٥٦٧",  # Eastern Arabic digits
        "۰۷۷۰۱۲۳۴۵۶۷",  # Persian digits, as some Kurdish keyboards type them
        "+٩٦٤ ٧٧٠ ١٢٣ ٤٥٦٧",
        "\u200e0770\u00a0123\u00a04567\u200f",  # pasted from Arabic text: direction marks, no-break spaces
        "\u061c0770\u061c123\u061c4567",  # the Arabic letter mark
        "\ufeff0770 123 4567",  # a byte-order mark at the start of a pasted cell
    ],
)
def test_accepted_forms_all_become_e164(typed):
    assert normalize_iraqi_mobile(typed) == "+9647701234567"


@pytest.mark.parametrize("prefix", ["073", "074", "075", "077", "078", "079"])
def test_every_mobile_operator_prefix_is_accepted(prefix):
    assert normalize_iraqi_mobile(f"{prefix}0 123 4567") == f"+964{prefix[1:]}01234567"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "0770 123 456",  # a digit short
        "0770 123 45678",  # a digit too many
        "01 234 5678",  # Baghdad landline
        "0720 123 4567",  # not a mobile operator
        "+44 7700 900123",  # a British mobile
        "+963 770 123 4567",  # another country code
        "0770 123 456a",
        "phone me",
    ],
)
def test_other_numbers_are_refused_with_the_expected_form_shown(typed):
    with pytest.raises(ValidationError) as caught:
        normalize_iraqi_mobile(typed)
    assert caught.value.code == "invalid_phone"
    assert "+964 7XX XXX XXXX" in caught.value.messages[0] and "07XX XXX XXXX" in caught.value.messages[0]


def test_error_is_in_the_visitors_language():
    with translation.override("ar"):
        with pytest.raises(ValidationError) as caught:
            normalize_iraqi_mobile("123")
        assert "عراقي" in caught.value.messages[0]  # the message is lazy: read while Arabic is active


def test_format_for_reading():
    assert format_iraqi_mobile("+9647701234567") == "+964 770 123 4567"
    assert format_iraqi_mobile("") == ""


class PhoneForm(forms.Form):
    phone = IraqiMobileField(required=False)


def test_form_field_cleans_to_e164_and_renders_a_ltr_phone_input():
    form = PhoneForm({"phone": "٠٧٨٠ ١٢٣ ٤٥٦٧"})
    assert form.is_valid() and form.cleaned_data["phone"] == "+9647801234567"
    html = str(form["phone"])
    assert 'type="tel"' in html and 'dir="ltr"' in html and 'inputmode="tel"' in html


def test_form_field_keeps_what_was_typed_on_error():
    form = PhoneForm({"phone": "0770 12"})
    assert not form.is_valid() and PHONE_EXAMPLE in form.errors["phone"][0]  # the rule, with examples
    assert 'value="0770 12"' in str(form["phone"])


def test_both_public_forms_use_the_one_phone_field_and_its_message():
    from feedback.forms import clean_contact
    from membership.forms import ApplicationForm

    assert type(ApplicationForm.base_fields["phone"]) is IraqiMobileField
    with pytest.raises(ValidationError) as caught:
        clean_contact("0770 12")
    assert caught.value.messages == PhoneForm({"phone": "0770 12"}).errors["phone"]


def test_governorates_are_the_eighteen_and_halabja_in_arabic_and_kurdish():
    assert len(Governorate.choices) == 19
    assert max(len(value) for value in Governorate.values) <= MAX_LENGTH
    with translation.override("ar"):
        labels = {str(label) for label in Governorate.labels}
    assert {"بغداد", "نينوى", "البصرة", "ذي قار", "صلاح الدين", "السليمانية", "دهوك", "حلبجة"} <= labels
    with translation.override("ckb"):
        assert str(Governorate.BAGHDAD.label) == "بەغدا"
        assert str(Governorate.ERBIL.label) == "هەولێر"


@pytest.mark.parametrize(
    "typed",
    [
        "00 770 123 4567",  # a doubled trunk 0 with no country code is not "+964 0770"
        "964 770 123 456",  # the country code and a digit short
        "+964 770 123 45678",
        "+964 0 0770 123 4567",  # only one trunk 0 is dropped after the country code
        "123 770 123 4567",  # three digits that are not the country code
    ],
)
def test_near_misses_are_refused(typed):
    with pytest.raises(ValidationError):
        normalize_iraqi_mobile(typed)


def test_numbers_that_are_not_iraqi_mobiles_are_shown_as_stored():
    for stored in ("+447700900123", "+96477012345678", "+964770123456", "07701234567", "", None):
        assert format_iraqi_mobile(stored) == stored  # a foreign or legacy number, as it was typed
        assert national_mobile(stored) == stored


def test_national_form_for_reading_in_iraq():
    assert national_mobile("+9647701234567") == "0770 123 4567"


@pytest.mark.parametrize(
    "typed,digits",
    [
        ("0770 123 4567", "7701234567"),
        ("+964 770 123 4567", "7701234567"),
        ("00964 770 123 4567", "7701234567"),
        ("964770", "770"),
        ("٠٧٧٠ ١٢٣", "770123"),
        ("0", "0"),  # nothing after the prefix: the digit itself is searched
        ("964", "964"),
        ("", ""),
        (None, ""),
    ],
)
def test_staff_search_drops_the_prefix_people_type(typed, digits):
    assert search_digits(typed) == digits


class RequiredPhoneForm(forms.Form):
    phone = IraqiMobileField()


def test_a_blank_optional_phone_is_accepted_as_empty():
    form = PhoneForm({"phone": "  "})
    assert form.is_valid() and form.cleaned_data["phone"] == ""


def test_a_blank_required_phone_is_refused_as_missing_not_as_malformed():
    form = RequiredPhoneForm({"phone": ""})
    assert not form.is_valid()
    assert [error.code for error in form.errors.as_data()["phone"]] == ["required"]


def test_form_field_error_names_both_examples():
    form = PhoneForm({"phone": "12345"})
    assert not form.is_valid()
    (error,) = form.errors.as_data()["phone"]
    assert error.code == "invalid_phone"
    assert PHONE_EXAMPLE in form.errors["phone"][0] and PHONE_EXAMPLE_INTERNATIONAL in form.errors["phone"][0]


def test_form_field_input_takes_32_characters_room_for_separators():
    fits = "0770" + "-" * 21 + "1234567"  # 32 characters, separators and all
    form = RequiredPhoneForm({"phone": fits})
    assert form.is_valid() and form.cleaned_data["phone"] == "+9647701234567"
    assert 'maxlength="32"' in str(form["phone"])
