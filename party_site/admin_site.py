from functools import wraps

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from .models import StaffLanguage

# Django's Arabic for an inline's "add" link is «أضِف %(verbose_name)s آخر», which reads wrongly for
# feminine names («أضف الصورة آخر»). The project's catalogue (locale/ar) gives «إضافة %(verbose_name)s»,
# with each inline's name indefinite; named here so that makemessages keeps the entry.
gettext_noop("Add another %(verbose_name)s")


class StaffLanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("admin language"), choices=settings.LANGUAGES, widget=forms.RadioSelect)


class PartyAdminSite(admin.AdminSite):
    """The staff's admin: in Arabic unless a staff member chose Kurdish or English (StaffLanguage,
    at «admin language» in the user links), with the party's name in its header."""

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

    def admin_view(self, view, cacheable=False):
        """Every admin view (the JavaScript catalogue too) in the language its staff member chose.
        Activated for the rest of the request, as LocaleMiddleware does, because the response is
        rendered after the view returns."""
        inner = super().admin_view(view, cacheable)

        @wraps(view)
        def in_staff_language(request, *args, **kwargs):
            if request.user.is_active and request.user.is_staff:
                language = StaffLanguage.of(request.user)
                translation.activate(language)
                request.LANGUAGE_CODE = language
            return inner(request, *args, **kwargs)

        return in_staff_language

    def get_urls(self):
        return [path("language/", self.admin_view(self.language_view), name="staff-language"), *super().get_urls()]

    def language_view(self, request):
        """Where a staff member picks the admin's language; remembered for their account."""
        form = StaffLanguageForm(request.POST or None, initial={"language": StaffLanguage.of(request.user)})
        if request.method == "POST" and form.is_valid():
            language = form.cleaned_data["language"]
            StaffLanguage.objects.update_or_create(user=request.user, defaults={"language": language})
            translation.activate(language)
            name = dict(settings.LANGUAGES)[language]
            messages.success(request, _("The admin is now in %(language)s.") % {"language": name})
            return redirect("admin:index")
        context = {**self.each_context(request), "title": _("Admin language"), "form": form}
        return TemplateResponse(request, "admin/staff_language.html", context)
