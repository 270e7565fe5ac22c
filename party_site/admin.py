from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.core.exceptions import PermissionDenied

from .models import OutgoingEmail


class PermissionBeforeLookupMixin:
    """Django's history view looks the object up before checking permission, so a user without
    any right on the model gets a redirect for a missing id and 403 for an existing one, and can
    count the rows. Checking the model-level permission first answers 403 either way."""

    def history_view(self, request, object_id, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        return super().history_view(request, object_id, extra_context)


class OutgoingEmailInline(GenericTabularInline):
    """Shows, on an application or a feedback message, which e-mails went out and which did not."""

    model = OutgoingEmail
    ct_field = "content_type"
    ct_fk_field = "object_id"
    fields = ("kind", "status", "attempts", "last_error", "created_at", "sent_at")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return True  # whoever may see the submission may see whether its e-mails went out


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(PermissionBeforeLookupMixin, admin.ModelAdmin):
    """All outgoing e-mail, for whoever holds its view permission (superusers by default)."""

    list_display = ("kind", "status", "attempts", "last_error", "created_at", "sent_at")
    list_filter = ("status", "kind")
    readonly_fields = ("kind", "status", "attempts", "last_error", "created_at", "sent_at", "subject")
    exclude = ("to", "body", "content_type", "object_id")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
