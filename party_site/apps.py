from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class PartySiteConfig(AppConfig):
    default = True
    name = "party_site"
    verbose_name = _("Site")


class PartyAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "party_site.admin_site.PartyAdminSite"
