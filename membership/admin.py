"""The membership officers' workspace: the list of applications, one application, the decision.

Applicant data is read-only here: officers change an application only by taking a step of the
workflow (membership/workflow.py) from the "Decision" box. Deleting is left to the erase and purge
commands, which leave no copy behind.
"""

from django import forms
from django.contrib import admin, messages
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from party_site.admin import OutgoingEmailInline, PermissionBeforeLookupMixin
from party_site.dates import add_years, age_on
from party_site.governorates import Governorate
from party_site.phone import national_mobile

from . import export
from .models import DECLARATION_FIELDS, TRANSITIONS, Application, ApplicationExport, Status, StatusChange
from .workflow import TransitionNotAllowed, change_status

DECISION_LABELS = {
    Status.UNDER_REVIEW: _("Start the review"),
    Status.ACCEPTED: _("Accept (gives the next member number)"),
    Status.REJECTED: _("Reject"),
    Status.WITHDRAWN: _("Mark as withdrawn by the applicant"),
}
AGE_BANDS = [("18-24", 18, 24), ("25-34", 25, 34), ("35-44", 35, 44), ("45-59", 45, 59), ("60+", 60, None)]
# What the filter shows: "60+" would read «+60» in a right-to-left page.
AGE_BAND_LABELS = {"60+": _("60 and over")}


class AgeBandFilter(admin.SimpleListFilter):
    title = _("age")
    parameter_name = "age"

    def lookups(self, request, model_admin):
        return [(key, AGE_BAND_LABELS.get(key, key)) for key, _low, _high in AGE_BANDS]

    def queryset(self, request, queryset):
        for key, low, high in AGE_BANDS:
            if self.value() == key:
                today = timezone.localdate()
                queryset = queryset.filter(birth_date__lte=add_years(today, -low))
                if high is not None:
                    queryset = queryset.filter(birth_date__gt=add_years(today, -(high + 1)))
                return queryset
        return queryset


class DuplicateFilter(admin.SimpleListFilter):
    title = _("possible duplicate")
    parameter_name = "duplicate"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(possible_duplicate=self.value() == "yes")
        return queryset


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    fields = ("changed_at", "from_status", "to_status", "changed_by", "note")
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("history")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) or request.user.has_perm("membership.view_application")


class DecisionForm(forms.ModelForm):
    """The application's own fields are read-only; this form only carries the next step."""

    decision = forms.ChoiceField(label=_("Next step"), required=False)
    decision_note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional. Kept in the history with your name and the time. Do not repeat the applicant's data."),
    )

    class Meta:
        model = Application
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = TRANSITIONS[Status(self.instance.status)] if self.instance.pk else ()
        self.fields["decision"].choices = [("", _("No change"))] + [(s.value, DECISION_LABELS[s]) for s in allowed]


@admin.register(Application)
class ApplicationAdmin(PermissionBeforeLookupMixin, admin.ModelAdmin):
    form = DecisionForm
    change_list_template = "membership/admin/change_list.html"
    list_display = (
        "reference_display",
        "full_name",
        "governorate",
        "age",
        "status",
        "submitted_at",
        "duplicate_flag",
        "member_number",
    )
    list_display_links = ("reference_display", "full_name")
    list_filter = (
        "status",
        "governorate",
        ("submitted_at", admin.DateFieldListFilter),
        AgeBandFilter,
        DuplicateFilter,
    )
    search_fields = ("reference",)  # shows the search box; the search itself is get_search_results
    search_help_text = _("Search by name (any spelling of hamza, ta marbuta…), phone number or reference.")
    date_hierarchy = "submitted_at"
    list_per_page = 50
    actions = ["export_csv"]

    class Media:
        css = {"all": ["membership/admin.css"]}

    inlines = [StatusChangeInline, OutgoingEmailInline]
    applicant_fields = (
        ("first_name", "father_name", "grandfather_name", "family_name"),
        ("birth_date", "age", "gender"),
        ("governorate", "district"),
        ("phone_display", "email"),
        ("education", "occupation"),
        "motivation",
        "heard_from",
        "language",
    )
    readonly_fields = (
        "reference_display",
        "status",
        "member_number",
        "submitted_at",
        "decided_at",
        "possible_duplicates",
        "age",
        "phone_display",
        "language",
        *[name for row in applicant_fields for name in (row if isinstance(row, tuple) else (row,))],
        *DECLARATION_FIELDS,
    )

    def inbox(self, request):
        """For the admin index (party_site/admin_site.py): how many applications wait unopened."""
        count = Application.objects.filter(status=Status.NEW).count()
        url = reverse("admin:membership_application_changelist") + f"?status__exact={Status.NEW}"
        label = ngettext("%(count)d new application", "%(count)d new applications", count) % {"count": count}
        return {"label": label, "count": count, "url": url}

    # --- what is shown

    def get_fieldsets(self, request, obj=None):
        status = ("reference_display", "status", "member_number", ("submitted_at", "decided_at"), "possible_duplicates")
        fieldsets = [(_("Application"), {"fields": status})]
        if obj is not None and self.has_change_permission(request, obj) and TRANSITIONS[Status(obj.status)]:
            fieldsets.append((_("Decision"), {"fields": ("decision", "decision_note")}))
        fieldsets += [
            (_("Applicant"), {"fields": self.applicant_fields}),
            (_("Declarations"), {"fields": DECLARATION_FIELDS}),
        ]
        return fieldsets

    def get_queryset(self, request):
        return super().get_queryset(request).with_duplicate_flag().order_by("-submitted_at")

    @admin.display(description=_("reference"), ordering="reference")
    def reference_display(self, obj):
        return format_html('<bdi dir="ltr" class="nowrap">{}</bdi>', obj.display_reference)

    @admin.display(description=_("mobile phone"), ordering="phone")
    def phone_display(self, obj):
        return format_html('<bdi dir="ltr">{}</bdi>', national_mobile(obj.phone))

    @admin.display(description=_("full name"), ordering="name_key")
    def full_name(self, obj):
        return obj.full_name

    @admin.display(description=_("age"), ordering="-birth_date")
    def age(self, obj):
        return age_on(obj.birth_date, timezone.localdate()) if obj.birth_date else "—"

    @admin.display(description=_("possible duplicate"), ordering="-possible_duplicate")
    def duplicate_flag(self, obj):
        if obj.possible_duplicate:
            return format_html('<span class="membership-duplicate">⚠ {}</span>', _("check"))
        return ""

    @admin.display(description=_("possible duplicates"))
    def possible_duplicates(self, obj):
        others = Application.objects.duplicates_of(obj)
        if not others:
            return _("None found (same phone, or same name and date of birth).")
        return format_html_join(
            " ",
            '<a href="{}"><bdi dir="ltr">{}</bdi></a> ({})',
            ((self.change_url(o), o.display_reference, o.get_status_display()) for o in others),
        )

    @staticmethod
    def change_url(application):
        return reverse("admin:membership_application_change", args=[application.pk])

    # --- search: Arabic-normalised name, phone in any written form, reference

    def get_search_results(self, request, queryset, search_term):
        return queryset.search(search_term), False

    # --- counts by status and governorate, for the filtered list

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl") if hasattr(response, "context_data") else None
        if changelist is not None:
            response.context_data["counts_by_status"] = changelist.queryset.count_by("status", Status)
            response.context_data["counts_by_governorate"] = changelist.queryset.count_by("governorate", Governorate)
        return response

    # --- the decision

    def save_model(self, request, obj, form, change):
        decision = form.cleaned_data.get("decision")
        if not decision:
            return  # nothing about the applicant is edited here
        try:
            updated = change_status(obj, request.user, decision, form.cleaned_data.get("decision_note", ""))
        except TransitionNotAllowed:
            self.message_user(
                request,
                _("The status was not changed: someone else changed this application first. Check it again."),
                messages.ERROR,
            )
            return
        obj.status, obj.member_number, obj.decided_at = updated.status, updated.member_number, updated.decided_at
        if updated.status == Status.ACCEPTED:
            self.message_user(
                request,
                _("Accepted. Member number: %(number)s.") % {"number": updated.member_number},
                messages.SUCCESS,
            )

    def response_change(self, request, obj):
        decision = request.POST.get("decision")
        if decision and obj.status != decision:
            # The step was refused (save_model said so): Django's "was changed successfully" would contradict it.
            return self.response_post_save_change(request, obj)
        return super().response_change(request, obj)

    def has_add_permission(self, request):
        return False  # applications come from the public form

    def has_delete_permission(self, request, obj=None):
        return False  # manage.py erase_applicant / purge_applications leave no copy behind

    # --- export

    def has_export_permission(self, request):
        return request.user.has_perm("membership.export_application")

    @admin.action(description=_("Export the selected applications as CSV"), permissions=["export"])
    def export_csv(self, request, queryset):
        return export.export_csv(queryset, request.user)


@admin.register(ApplicationExport)
class ApplicationExportAdmin(PermissionBeforeLookupMixin, admin.ModelAdmin):
    """Who exported applications, when, and how many rows. Read-only."""

    list_display = ("exported_at", "exported_by", "row_count")
    list_filter = (("exported_by", admin.RelatedOnlyFieldListFilter),)  # only people who exported
    readonly_fields = list_display

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
