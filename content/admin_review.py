"""The "needs review" marks in the admin (content/review.py): a column, a filter and an action per
language to clear them, and the marks themselves in each change form.

Add `ReviewMarksAdminMixin` first among the bases of a ModelAdmin whose model has `ReviewMarks`.
"""

from django.contrib import admin, messages
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from .review import REVIEWED_LANGUAGES, review_field

REVIEW_FIELDS = tuple(review_field(language) for language in REVIEWED_LANGUAGES)


class NeedsReviewFilter(admin.SimpleListFilter):
    title = _("needs review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [*REVIEWED_LANGUAGES.items(), ("none", _("Nothing to review"))]

    def queryset(self, request, queryset):
        if self.value() in REVIEWED_LANGUAGES:
            return queryset.filter(**{review_field(self.value()): True})
        if self.value() == "none":
            return queryset.filter(**dict.fromkeys(REVIEW_FIELDS, False))
        return queryset


def _mark_reviewed_action(language):
    field = review_field(language)

    def mark_reviewed(modeladmin, request, queryset):
        count = queryset.filter(**{field: True}).update(**{field: False})
        modeladmin.message_user(
            request,
            ngettext(
                "%(language)s marked as reviewed on %(count)d item.",
                "%(language)s marked as reviewed on %(count)d items.",
                count,
            )
            % {"language": REVIEWED_LANGUAGES[language], "count": count},
            messages.SUCCESS,
        )

    mark_reviewed.__name__ = f"mark_{language}_reviewed"
    description = {"en": _("Mark the English as reviewed"), "ckb": _("Mark the Kurdish as reviewed")}[language]
    return admin.action(description=description, permissions=["change"])(mark_reviewed)


REVIEW_ACTIONS = [_mark_reviewed_action(language) for language in REVIEWED_LANGUAGES]


class ReviewMarksAdminMixin:
    """The marks as a list column and filter, as checkboxes at the end of the form, and as actions."""

    def get_list_display(self, request):
        return (*super().get_list_display(request), "needs_review")

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), NeedsReviewFilter)

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        return [*(name for name in fields if name not in REVIEW_FIELDS), *REVIEW_FIELDS]

    def get_actions(self, request):
        actions = super().get_actions(request)
        for action in REVIEW_ACTIONS:
            if self.has_change_permission(request):
                actions[action.__name__] = (action, action.__name__, action.short_description)
        return actions

    @admin.display(description=_("needs review"))
    def needs_review(self, obj):
        separator = ", " if get_language() == "en" else "، "
        return separator.join(str(name) for name in obj.languages_to_review()) or "—"
