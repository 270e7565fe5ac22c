from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from party_site.admin import OutgoingEmailInline, PermissionBeforeLookupMixin
from party_site.phone import search_digits

from .models import FeedbackMessage, FeedbackNote

VISITOR_FIELDS = (
    "received_at",
    "topic",
    "message",
    "name",
    "email_link",
    "phone_display",
    "governorate",
    "language_name",
)


class FeedbackNoteInline(admin.StackedInline):
    """Internal notes: anyone on the team may add one; what was written stays as written."""

    model = FeedbackNote
    fields = ("text", "written_by", "created_at")
    readonly_fields = ("written_by", "created_at")
    extra = 1
    can_delete = False

    @admin.display(description=_("author"))
    def written_by(self, note):
        return note.author_name if note.pk else "—"

    def has_change_permission(self, request, obj=None):
        return False  # existing notes are a record; add a new note instead of rewriting one

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")


def _set_status(status, description):
    def action(modeladmin, request, queryset):
        count = queryset.update(status=status, updated_at=timezone.now())
        modeladmin.message_user(
            request,
            ngettext("%(count)d message marked “%(status)s”.", "%(count)d messages marked “%(status)s”.", count)
            % {"count": count, "status": FeedbackMessage.Status(status).label},
            messages.SUCCESS,
        )

    action.__name__ = f"mark_{status}"
    return admin.action(description=description, permissions=["change"])(action)


@admin.register(FeedbackMessage)
class FeedbackMessageAdmin(PermissionBeforeLookupMixin, admin.ModelAdmin):
    """The staff inbox. What the visitor sent is read-only; staff set the status and the assignee
    and write internal notes."""

    list_display = ("received_at", "topic", "excerpt", "status", "assignee", "governorate", "sender")
    list_display_links = ("received_at", "topic", "excerpt")
    list_filter = ("status", "topic", "governorate", "received_at", ("assignee", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("assignee",)
    date_hierarchy = "received_at"
    search_fields = ("message", "name", "email")  # and the phone: get_search_results
    readonly_fields = VISITOR_FIELDS
    fieldsets = (
        (_("The message"), {"fields": VISITOR_FIELDS}),
        (pgettext_lazy("feedback", "Handling"), {"fields": ("status", "assignee")}),
    )
    inlines = (FeedbackNoteInline, OutgoingEmailInline)
    actions = [
        _set_status(FeedbackMessage.Status.IN_PROGRESS, _("Mark as in progress")),
        _set_status(FeedbackMessage.Status.ANSWERED, _("Mark as answered")),
        _set_status(FeedbackMessage.Status.ARCHIVED, pgettext_lazy("feedback action", "Archive")),
        _set_status(FeedbackMessage.Status.SPAM, _("Mark as spam")),
        "assign_to_me",
    ]
    list_per_page = 50

    @admin.display(description=_("message"))
    def excerpt(self, obj):
        return Truncator(obj.message).chars(90)

    @admin.display(description=_("sender"))
    def sender(self, obj):
        return _("anonymous") if obj.is_anonymous else (obj.name or _("contact given"))

    @admin.display(description=_("e-mail"))
    def email_link(self, obj):
        return format_html('<a href="mailto:{}" dir="ltr">{}</a>', obj.email, obj.email) if obj.email else "—"

    @admin.display(description=_("phone"))
    def phone_display(self, obj):
        if not obj.phone:
            return "—"
        return format_html('<a href="tel:{}"><bdi dir="ltr">{}</bdi></a>', obj.phone, obj.phone_display)

    @admin.display(description=_("language of the page"))
    def language_name(self, obj):
        """The language the visitor read the site in, by its name (العربية, English, کوردی)."""
        return dict(settings.LANGUAGES).get(obj.language, obj.language) or "—"

    @admin.action(description=_("Assign to me"), permissions=["change"])
    def assign_to_me(self, request, queryset):
        count = queryset.update(assignee=request.user, updated_at=timezone.now())
        self.message_user(
            request, ngettext("%d message assigned to you.", "%d messages assigned to you.", count) % count
        )

    def get_search_results(self, request, queryset, search_term):
        """The words in the message, name and e-mail; a phone number in any written form
        (0770…, +964 770…, Eastern Arabic digits) against the stored +9647… form."""
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        digits = search_digits(search_term)
        if len(digits) >= 3:
            found |= queryset.filter(phone__contains=digits)  # `queryset` carries the list's filters
        return found, may_have_duplicates

    def has_add_permission(self, request):
        return False  # messages come from the public form

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assignee":
            kwargs["queryset"] = (
                get_user_model()
                .objects.with_perm(
                    "feedback.change_feedbackmessage",
                    include_superusers=True,
                    backend="django.contrib.auth.backends.ModelBackend",
                )
                .filter(is_staff=True, is_active=True)
                .order_by("username")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_formset(self, request, form, formset, change):
        if formset.model is FeedbackNote:
            for note in formset.save(commit=False):
                if note.author_id is None:
                    note.author = request.user
                note.save()
            formset.save_m2m()
        else:
            formset.save()

    def inbox(self, request):
        """For the admin index (party_site/admin_site.py): how many messages wait unread."""
        count = FeedbackMessage.objects.filter(status=FeedbackMessage.Status.NEW).count()
        url = reverse("admin:feedback_feedbackmessage_changelist") + f"?status__exact={FeedbackMessage.Status.NEW}"
        label = ngettext("%(count)d new feedback message", "%(count)d new feedback messages", count) % {"count": count}
        return {"label": label, "count": count, "url": url}
