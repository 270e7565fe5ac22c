from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class PartyAdminSite(admin.AdminSite):
    """The staff's admin: in Arabic, with the party's name in its header."""

    site_header = _("National Independence Party — site management")
    site_title = _("National Independence Party")
    index_title = _("Site management")

    @property
    def site_url(self):
        return "/"

    def each_context(self, request):
        context = super().each_context(request)
        context["party_name"] = settings.PARTY_NAME
        return context
