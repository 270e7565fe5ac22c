from django.contrib import admin
from django.urls import path
from django.utils.translation import gettext_lazy as _


class PartyAdminSite(admin.AdminSite):
    """The staff's admin: in Arabic, with the party's name in its header."""

    site_header = _("National Independence Party — site management")
    site_title = _("National Independence Party")
    index_title = _("Site management")

    def index(self, request, extra_context=None):
        """The index also shows what waits for attention: any ModelAdmin with an `inbox(request)`
        method returning {"label", "count", "url"} is listed, for users who may view that model."""
        inbox = [
            model_admin.inbox(request)
            for model_admin in self._registry.values()
            if hasattr(model_admin, "inbox") and model_admin.has_view_or_change_permission(request)
        ]
        return super().index(request, {"inbox": inbox, **(extra_context or {})})

    def get_urls(self):
        """The two-factor pages (party_site/two_factor_views.py), inside the admin."""
        from .two_factor_views import two_factor_setup, two_factor_verify

        own = [
            path("two-factor/", self.admin_view(two_factor_verify), {"admin_site": self}, name="two-factor"),
            path("two-factor/setup/", self.admin_view(two_factor_setup), {"admin_site": self}, name="two-factor-setup"),
        ]
        return own + super().get_urls()
