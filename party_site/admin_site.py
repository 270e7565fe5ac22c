from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

# Django's Arabic for an inline's "add" link is «أضِف %(verbose_name)s آخر», which reads wrongly for
# feminine names («أضف الصورة آخر»). The project's catalogue (locale/ar) gives «إضافة %(verbose_name)s»,
# with each inline's name indefinite; named here so that makemessages keeps the entry.
gettext_noop("Add another %(verbose_name)s")


class PartyAdminSite(admin.AdminSite):
    """The staff's admin: in Arabic, with the party's name in its header."""

    site_header = _("National Independence Party — site management")
    site_title = _("National Independence Party")
    index_title = _("Site management")

    def index(self, request, extra_context=None):
        """The index is each role's dashboard: what waits for attention. Any ModelAdmin with an
        `inbox(request)` method contributes, for users who may view that model, one panel or a
        list of them: {"label", "count", "url" (the filtered list), optional "items" [{"label",
        "url", "when"}] and "attention" (highlighted)}."""
        inbox = []
        for model_admin in self._registry.values():
            if hasattr(model_admin, "inbox") and model_admin.has_view_or_change_permission(request):
                panels = model_admin.inbox(request)
                inbox.extend(panels if isinstance(panels, list) else [panels])
        return super().index(request, {"inbox": inbox, **(extra_context or {})})
