from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.urls import reverse

from party_site.stylesheet import inline_stylesheet


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with one strict policy for the public site and a wider one for the admin.

    CKEditor 5 in the admin writes inline style attributes and uploads images with fetch():
    those two allowances stay inside the admin.
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(reverse("admin:index")):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN
        else:
            # The stylesheet inlined in every public page's <head> (party_site/stylesheet.py), by its hash.
            parts.update = {**(parts.update or {}), "style-src": [inline_stylesheet().csp_source]}
        return parts
