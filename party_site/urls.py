from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import TemplateView

from content.admin_views import editor_upload
from content.sitemaps import SITEMAPS

from . import offline, views
from .pagecache import public_page

handler400 = "party_site.views.bad_request"
handler403 = "party_site.views.permission_denied"
handler500 = "party_site.views.server_error"

urlpatterns = [
    path(f"{settings.ADMIN_URL}editor-upload/", editor_upload, name="editor-upload"),
    # Passkey ceremonies of the two-step sign-in (django-otp-webauthn), before the admin's catch-all.
    path(f"{settings.ADMIN_URL}two-factor/webauthn/", include("django_otp_webauthn.urls", namespace="otp_webauthn")),
    path(settings.ADMIN_URL, admin.site.urls),
    path("sitemap.xml", public_page(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "robots.txt",
        public_page(TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8")),
        name="robots",
    ),
    path("favicon.ico", views.favicon),
    path("sw.js", offline.service_worker, name="service-worker"),
]

urlpatterns += i18n_patterns(
    path("offline/", public_page(offline.OfflineView.as_view()), name="offline"),
    path("", include("membership.urls")),
    path("", include("feedback.urls")),
    path("", include("content.urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
