import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from party_site.antispam import AntiSpamFormMixin
from party_site.dates import age_on
from party_site.forms import (
    ErrorSummaryMixin,
    FreeTextField,
    LineTextField,
    NameField,
    StrictCheckboxInput,
    let_text_find_its_direction,
)
from party_site.phone import PHONE_EXAMPLE, IraqiMobileField
from party_site.text import to_western_digits

from .models import APPLICANT_FIELDS, DECLARATION_FIELDS, Application

MINIMUM_AGE = 18


class BirthDateWidget(forms.MultiWidget):
    """Day, month and year as three inputs (the pattern that works best for a date people know by
    heart): digits may be typed in Eastern Arabic, and the month is a list with its name."""

    template_name = "membership/widgets/birth_date.html"

    def __init__(self, attrs=None):
        # Lazy labels: the widget is built once, when the form class is defined, not per language.
        months = [("", _("Choose…"))]
        months += [(number, format_lazy("{} — {}", number, name)) for number, name in MONTHS.items()]
        numeric = {"inputmode": "numeric", "dir": "ltr"}
        widgets = {
            "day": forms.TextInput(attrs={**numeric, "autocomplete": "bday-day", "maxlength": 2, "size": 2}),
            "month": forms.Select(attrs={"autocomplete": "bday-month"}, choices=months),
            "year": forms.TextInput(attrs={**numeric, "autocomplete": "bday-year", "maxlength": 4, "size": 4}),
        }
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        labels = (pgettext_lazy("date part", "Day"), pgettext_lazy("date part", "Month"), _("Year"))
        context["widget"]["parts"] = list(zip(labels, context["widget"]["subwidgets"], strict=True))
        return context

    def id_for_label(self, id_):
        return f"{id_}_0" if id_ else id_  # the day: where the error summary's link lands


class BirthDateField(forms.MultiValueField):
    widget = BirthDateWidget
    default_error_messages = {
        "required": _("Enter your date of birth: day, month and year."),
        "incomplete": _("Enter your date of birth: day, month and year."),
        "invalid": _("This date does not exist. Check the day, month and year."),
    }

    def __init__(self, **kwargs):
        # Server-side limits too: a 12-digit "year" must be an error message, not an OverflowError.
        too_long = {"max_length": self.default_error_messages["invalid"]}
        fields = (
            forms.CharField(max_length=2, error_messages=too_long),
            forms.CharField(max_length=2, error_messages=too_long),
            forms.CharField(max_length=4, error_messages=too_long),
        )
        super().__init__(fields, require_all_fields=True, **kwargs)

    def compress(self, data_list):
        if not data_list:
            return None
        try:
            day, month, year = (int(to_western_digits(part).strip()) for part in data_list)
            return datetime.date(year, month, day)
        except (TypeError, ValueError, OverflowError):
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


class ApplicationForm(ErrorSummaryMixin, AntiSpamFormMixin, forms.ModelForm):
    """The public membership application. Every rule lives here or in the model's constraints."""

    antispam_scope = "membership"
    repeats_lead_to_the_first = True

    birth_date = BirthDateField(
        label=_("Date of birth"),
        help_text=_("For example 15, March, 1990. Members must be at least 18 years old."),
    )
    phone = IraqiMobileField(
        label=_("Mobile phone number"),
        max_length=40,
        help_text=format_lazy(_("An Iraqi mobile number, for example {example}"), example=PHONE_EXAMPLE),
    )

    class Meta:
        model = Application
        fields = [*APPLICANT_FIELDS, *DECLARATION_FIELDS]
        # What staff read is clean text (party_site/cleantext.py).
        field_classes = {
            **dict.fromkeys(("first_name", "father_name", "grandfather_name", "family_name"), NameField),
            **dict.fromkeys(("district", "occupation"), LineTextField),
            "motivation": FreeTextField,
        }
        labels = {
            "first_name": _("First name"),
            "father_name": _("Father's name"),
            "grandfather_name": _("Grandfather's name"),
            "family_name": _("Family name (laqab)"),
            "gender": _("Gender"),
            "governorate": _("Governorate"),
            "district": _("District or city"),
            "email": _("E-mail address"),
            "education": _("Highest level of education"),
            "occupation": _("Occupation"),
            "motivation": _("Why do you want to join the party?"),
            "heard_from": _("How did you hear about the party?"),
            "declares_iraqi": _("I am an Iraqi national."),
            "declares_no_other_party": _("I am not a member of any other political party."),
            "declares_not_barred": _(
                "I do not serve in the judiciary, the armed forces, the internal security forces, the "
                "intelligence services, the Independent High Electoral Commission or the Integrity Commission."
            ),
            "declares_principles": _("I agree with the party's principles and its bylaws."),
            "consents_privacy": _("I agree that the party processes my data as the privacy notice describes."),
        }
        help_texts = {
            "family_name": _("The family or tribal name, if you use one."),
            "email": _("If you give one, we will confirm your application and tell you our decision by e-mail."),
            "motivation": _("A few sentences are enough."),
        }
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "father_name": forms.TextInput(attrs={"autocomplete": "off"}),
            "grandfather_name": forms.TextInput(attrs={"autocomplete": "off"}),
            "family_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "gender": forms.RadioSelect,
            "governorate": forms.Select(attrs={"autocomplete": "address-level1"}),
            "district": forms.TextInput(attrs={"autocomplete": "address-level2"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
            "education": forms.Select(attrs={"autocomplete": "off"}),
            "occupation": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "motivation": forms.Textarea(attrs={"rows": 4, "maxlength": 2000}),
            "heard_from": forms.Select(attrs={"autocomplete": "off"}),
            **dict.fromkeys(DECLARATION_FIELDS, StrictCheckboxInput),
        }

    required_declaration_message = {
        "declares_iraqi": _("Membership is open to Iraqi nationals only."),
        "declares_no_other_party": _("A member of the party may not belong to another party."),
        "declares_not_barred": _("The law does not allow people in these services to join a party."),
        "declares_principles": _("Members agree with the party's principles and bylaws."),
        "consents_privacy": _("We cannot process your application without your consent."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        let_text_find_its_direction(
            self,
            ("first_name", "father_name", "grandfather_name", "family_name", "district", "occupation", "motivation"),
        )
        for name in DECLARATION_FIELDS:
            field = self.fields[name]
            field.required = True
            field.error_messages["required"] = self.required_declaration_message[name]
        for field in self.fields.values():
            if isinstance(field, forms.ChoiceField) and not isinstance(field.widget, forms.RadioSelect):
                field.choices = [("", _("Choose…"))] + [c for c in field.choices if c[0] != ""]
        self.fields["gender"].choices = [c for c in self.fields["gender"].choices if c[0] != ""]
        self.fields["email"].required = False

    def clean_birth_date(self):
        born = self.cleaned_data["birth_date"]
        today = timezone.localdate()
        if born > today:
            raise ValidationError(_("The date of birth cannot be in the future."), code="future")
        if born.year < today.year - 120:
            raise ValidationError(_("Check the year of birth."), code="too_old")
        if age_on(born, today) < MINIMUM_AGE:  # born on 29 February: of age on 1 March
            raise ValidationError(_("Members must be at least 18 years old."), code="under_age")
        return born

    def clean_email(self):
        return self.cleaned_data.get("email", "").strip().lower()

    def full_clean(self):
        super().full_clean()
        self.describe_errors()

    def describe_errors(self):
        """Django ties each input to its hint and error (aria-describedby) and marks it invalid, but
        not the inputs of a widget drawn as a fieldset (date of birth, gender): tie those here, so a
        screen reader reads the error with each of them."""
        for name, field in self.fields.items():
            if not field.widget.use_fieldset:
                continue
            bound = self[name]
            described = []
            if field.help_text:
                described.append(f"{bound.auto_id}_helptext")
            if name in self.errors:
                described.append(f"{bound.auto_id}_error")
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)

    def application_data(self) -> dict:
        """What `submit_application` stores."""
        return {name: self.cleaned_data[name] for name in self._meta.fields}
