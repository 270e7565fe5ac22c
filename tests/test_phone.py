"""Iraqi mobile numbers: every way people write one is accepted and stored as +9647XXXXXXXXX."""

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

from party_site.governorates import MAX_LENGTH, Governorate
from party_site.phone import PHONE_EXAMPLE, IraqiMobileField, format_iraqi_mobile, normalize_iraqi_mobile


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
    with translation.override("ar"), pytest.raises(ValidationError) as caught:
        normalize_iraqi_mobile("123")
    assert "عراقي" in caught.value.messages[0]


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
