from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from party_site.antispam import AntiSpamFormMixin
from party_site.forms import ErrorSummaryMixin, FreeTextField, NameField, let_text_find_its_direction
from party_site.governorates import Governorate
from party_site.phone import invalid_phone_error, normalize_iraqi_mobile
from party_site.text import local_digits

from .models import MESSAGE_MAX_LENGTH, NAME_MAX_LENGTH, FeedbackMessage

CONTACT_MAX_LENGTH = 254


class MessageField(FreeTextField):
    """Browsers count a line break as one character against `maxlength` but send it as CR LF;
    FreeTextField counts it once too, so whatever the textarea allowed is accepted."""


def clean_contact(value: str) -> dict:
    """One optional box for "how can we reach you": an address with @ is an e-mail, anything
    else must be an Iraqi mobile number. Returns {"email": …, "phone": …}, one of them filled."""
    if "@" in value:
        try:
            validate_email(value)
        except ValidationError:
            raise ValidationError(
                _("Enter a valid e-mail address, such as name@example.com."), code="invalid_email"
            ) from None
        return {"email": value, "phone": ""}
    if not any(char.isdigit() for char in value):
        raise ValidationError(
            _("Enter an e-mail address or an Iraqi mobile number (07XX XXX XXXX), or leave this empty."),
            code="invalid_contact",
        )
    try:
        return {"email": "", "phone": normalize_iraqi_mobile(value)}
    except ValidationError:
        raise invalid_phone_error() from None


class FeedbackForm(ErrorSummaryMixin, AntiSpamFormMixin, forms.Form):
    antispam_scope = "feedback"
    repeats_lead_to_the_first = True

    topic = forms.ChoiceField(
        label=_("Topic"),
        choices=[("", _("Choose a topic"))] + FeedbackMessage.Topic.choices,
        error_messages={"required": _("Choose what your message is about.")},
    )
    message = MessageField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Write your message.")},
    )
    name = NameField(
        label=_("Your name"),
        max_length=NAME_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact = forms.CharField(
        label=_("E-mail or phone number"),
        max_length=CONTACT_MAX_LENGTH,
        required=False,
        help_text=_("Only if you would like a reply: an e-mail address, or a mobile number such as 0770 123 4567."),
        widget=forms.TextInput(attrs={"dir": "ltr", "autocomplete": "on", "spellcheck": "false"}),
    )
    governorate = forms.ChoiceField(
        label=_("Governorate"),
        choices=[("", _("Not stated"))] + Governorate.choices,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        let_text_find_its_direction(self, ("message", "name"))
        self.contact = {"email": "", "phone": ""}
        self.fields["message"].help_text = _("Up to %(limit)s characters.") % {
            "limit": local_digits(MESSAGE_MAX_LENGTH)
        }

    def clean_contact(self):
        value = self.cleaned_data["contact"]
        if value:
            self.contact = clean_contact(value)
        return value

    def feedback_data(self) -> dict:
        """What is stored: the visitor's fields, the contact split into e-mail and phone."""
        data = self.cleaned_data
        return {
            "topic": data["topic"],
            "message": data["message"],
            "name": data["name"],
            "governorate": data["governorate"],
            **self.contact,
        }
