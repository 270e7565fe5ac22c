from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext_lazy as _

from .cleantext import clean_free_text, clean_name, is_name


def let_text_find_its_direction(form, names):
    """On a left-to-right page (English), free text may still be typed in Arabic or Kurdish: `dir="auto"`
    lets each box take the direction of what is typed. Right-to-left pages keep their own direction
    (Chromium would turn an empty `dir="auto"` box left-to-right there)."""
    if get_language_bidi():
        return
    for name in names:
        form.fields[name].widget.attrs.setdefault("dir", "auto")


class ErrorSummaryMixin:
    """For the error summary at the top of a public form (templates/includes/forms/error_summary.html)."""

    def error_summary(self) -> list[tuple[str, str]]:
        """(field name, first error) for the list at the top of the page, in the form's order."""
        summary = []
        for name, field in self.fields.items():
            if name in self.errors:
                error = self.errors[name][0]
                # A declaration's own message says what it is about; other fields are named first.
                summary.append((name, error if isinstance(field, forms.BooleanField) else f"{field.label}: {error}"))
        return summary


class NameField(forms.CharField):
    """A person's name: letters of the Arabic, Kurdish and Latin scripts, spaces, hyphens,
    apostrophes and tashkeel (party_site/cleantext.py); invisible characters are dropped."""

    default_error_messages = {"not_a_name": _("A name should contain letters only.")}

    def to_python(self, value):
        value = super().to_python(value)
        return clean_name(value) if value else value

    def validate(self, value):
        super().validate(value)
        if value and not is_name(value):
            raise ValidationError(self.error_messages["not_a_name"], code="not_a_name")


class FreeTextField(forms.CharField):
    """Free text (a message, a motivation): emoji and line breaks kept, never a bidi control."""

    multiline = True

    def to_python(self, value):
        value = super().to_python(value)
        return clean_free_text(value, multiline=self.multiline) if value else value


class LineTextField(FreeTextField):
    """One line of free text (a district, an occupation)."""

    multiline = False


class StrictCheckboxInput(forms.CheckboxInput):
    """Ticked only by the checkbox's own value ("on", what a browser sends): Django's own widget
    takes any other value but "false", such as "0" or "-1", as ticked."""

    def value_from_datadict(self, data, files, name):
        return data.get(name) == "on"
