from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class PartySiteConfig(AppConfig):
    default = True
    name = "party_site"
    verbose_name = _("Site")

    def ready(self):
        # django-axes names its admin section "Axes", in English; staff read what it is for.
        from django.apps import apps

        if apps.is_installed("axes"):
            apps.get_app_config("axes").verbose_name = _("Login protection")


class PartyAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "party_site.admin_site.PartyAdminSite"
