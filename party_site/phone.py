"""Iraqi mobile numbers, one implementation for every form that asks for a phone (membership, feedback).

People write the same number many ways: +964 770 123 4567, 00964-770-123-4567, 0770 123 4567,
٠٧٧٠ ١٢٣ ٤٥٦٧. `normalize_iraqi_mobile` accepts all of them and returns one canonical E.164
string (+9647701234567), so the stored number is comparable and dialable; anything else raises a
ValidationError that shows the expected form.

An Iraqi mobile number is 10 digits once the leading 0 is dropped: 7, then 3–9 (the operator:
0770/0771 Asiacell, 0780/0781 Zain, 0750/0751 Korek…), then eight digits.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .text import to_western_digits

INVALID_MESSAGE = _("Enter an Iraqi mobile number in the form +964 7XX XXX XXXX or 07XX XXX XXXX.")
# What a form shows under a phone input: the rule and two examples. The examples are wrapped in
# left-to-right isolates (LRI … PDI) so the groups of digits keep their order inside an Arabic
# sentence, in plain text as in HTML; no-break spaces keep each number on one line.
PHONE_EXAMPLE = "\u20660770\u00a0123\u00a04567\u2069"
PHONE_EXAMPLE_INTERNATIONAL = "\u2066+964\u00a0770\u00a0123\u00a04567\u2069"
FIELD_INVALID_MESSAGE = _(
    "Enter an Iraqi mobile number of 11 digits starting with 07, for example %(example)s, "
    "or starting with +964, for example %(international)s."
)

# Separators people type or paste: spaces (incl. no-break), dashes of every kind, dots, brackets,
# and the invisible marks that copying from Arabic text brings along (direction marks and isolates,
# the Arabic letter mark U+061C, the byte-order mark / zero-width no-break space U+FEFF).
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212.()\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")
_NATIONAL = re.compile(r"7[3-9]\d{8}")


def normalize_iraqi_mobile(value: str) -> str:
    """'0770 123 4567', '+964 770 123 4567', '٠٠٩٦٤٧٧٠١٢٣٤٥٦٧' → '+9647701234567'."""
    number = _SEPARATORS.sub("", to_western_digits(str(value or "")))
    if number.startswith("+964"):
        national = number[4:]
    elif number.startswith("00964"):
        national = number[5:]
    elif number.startswith("964") and len(number) >= 12:
        national = number[3:]  # the country code without + or 00
    elif number.startswith("0"):
        national = number[1:]
    else:
        national = number
    if national.startswith("0") and number.startswith(("+964", "00964", "964")):
        national = national[1:]  # "+964 0770…": the trunk 0 written after the country code
    if not _NATIONAL.fullmatch(national):
        raise ValidationError(INVALID_MESSAGE, code="invalid_phone")
    return f"+964{national}"


def format_iraqi_mobile(e164: str) -> str:
    """'+9647701234567' → '+964 770 123 4567' for people to read; anything else unchanged."""
    if e164 and e164.startswith("+964") and len(e164) == 14:
        national = e164[4:]
        return f"+964 {national[:3]} {national[3:6]} {national[6:]}"
    return e164


def invalid_phone_error() -> ValidationError:
    """The error a form shows for a number that is not an Iraqi mobile, with two examples."""
    return ValidationError(
        FIELD_INVALID_MESSAGE,
        code="invalid_phone",
        params={"example": PHONE_EXAMPLE, "international": PHONE_EXAMPLE_INTERNATIONAL},
    )


class TelInput(forms.TextInput):
    """type="tel" as the widget's own type: given as an attribute too, it was written twice."""

    input_type = "tel"


class IraqiMobileField(forms.CharField):
    """The one form field for a mobile number (membership; feedback's contact box shows the same
    error): cleans to the E.164 form; the input is left-to-right and asks for a phone keypad."""

    default_error_messages = {"invalid_phone": FIELD_INVALID_MESSAGE}
    widget = TelInput

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 32)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update({"dir": "ltr", "inputmode": "tel", "autocomplete": "tel"})
        return attrs

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return value
        try:
            return normalize_iraqi_mobile(value)
        except ValidationError:
            error = invalid_phone_error()
            raise ValidationError(self.error_messages["invalid_phone"], code=error.code, params=error.params) from None


def national_mobile(e164: str) -> str:
    """'+9647701234567' → '0770 123 4567', as people in Iraq write and dial it; anything else unchanged."""
    if e164 and e164.startswith("+964") and len(e164) == 14:
        national = e164[4:]
        return f"0{national[:3]} {national[3:6]} {national[6:]}"
    return e164


def search_digits(value: str) -> str:
    """The digits of a staff search, with a leading 0 / 00964 / +964 dropped, to match stored numbers."""
    digits = re.sub(r"\D", "", to_western_digits(value or ""))
    for prefix in ("00964", "964", "0"):
        if digits.startswith(prefix) and len(digits) > len(prefix):
            return digits[len(prefix) :]
    return digits
