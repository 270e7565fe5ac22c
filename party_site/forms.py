from django import forms
from django.utils.translation import get_language_bidi


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
