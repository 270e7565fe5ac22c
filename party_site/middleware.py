import re
from urllib.parse import unquote_to_bytes

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.exceptions import BadRequest, RequestDataTooBig
from django.urls import reverse

from party_site import inline_assets

from .cleantext import without_bidi_controls


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with one strict policy for the public site and a wider one for the admin.

    CKEditor 5 in the admin writes inline style attributes and uploads images with fetch():
    those two allowances stay inside the admin.
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(reverse("admin:index")):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN
        # What this page carries inline (party_site/inline_assets.py), each by its hash: public pages,
        # and the site's own error pages drawn for an admin address (an expired login form, a 403).
        added = inline_assets.csp_sources(request)
        if added:
            update = dict(parts.update or {})
            for directive, sources in added.items():
                update[directive] = [*update.get(directive, ()), *sources]
            parts.update = update
        return parts


def _is_admin(request) -> bool:
    return request.path_info.startswith(reverse("admin:index"))


class PublicRequestLimitsMiddleware:
    """Requests sized to their purpose: outside the admin a body is a few kilobytes of form text.

    Any body over PUBLIC_REQUEST_MAX_BYTES gets the designed 413 before it is read, and a body with a
    file part (the public forms have no file field) the designed 400. What is under the limit is
    parsed in memory (FILE_UPLOAD_MAX_MEMORY_SIZE is far larger), so nothing is spooled to disk. The
    admin keeps DATA_UPLOAD_MAX_MEMORY_SIZE and its upload limits (content/validators.py). nginx
    applies the same limit in front and refuses multipart bodies there outright (deploy/nginx)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD", "OPTIONS") and not _is_admin(request):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > settings.PUBLIC_REQUEST_MAX_BYTES:
                raise RequestDataTooBig("The body is larger than a public form needs.")
            if request.content_type == "multipart/form-data" and request.FILES:
                raise BadRequest("Public forms take no files.")
        return self.get_response(request)


def _is_utf8(raw: bytes) -> bool:
    try:
        unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


class Utf8RequestMiddleware:
    """A query string or form body that is not UTF-8 is refused with the designed 400 page.

    Django would decode it anyway (a query string and a multipart part with U+FFFD for each broken
    byte; an urlencoded body as whatever it guesses): staff would read mojibake. Multipart bodies are
    not read here (uploads may be large); their text parts are checked once Django has parsed them,
    where a broken byte has become U+FFFD."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "").encode("iso-8859-1", errors="replace")
        if not _is_utf8(query):
            raise BadRequest("The query string is not UTF-8.")
        if request.method == "POST":
            content_type = request.content_type or ""
            if content_type == "application/x-www-form-urlencoded" and not _is_utf8(request.body):
                raise BadRequest("The form body is not UTF-8.")
            if content_type == "multipart/form-data" and any(
                "\ufffd" in value for values in request.POST.lists() for value in values[1]
            ):
                raise BadRequest("A form field is not UTF-8.")
        return self.get_response(request)


class StaffTextSafetyMiddleware:
    """Admin pages never carry a bidi control from stored text: one U+202E in a name would reverse
    everything after it in a list. The forms store none (party_site/cleantext.py); this covers rows
    from before, or from anywhere else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if _is_admin(request) and not response.streaming and response.get("Content-Type", "").startswith("text/html"):
            text = response.content.decode(response.charset, errors="replace")
            cleaned = without_bidi_controls(text)
            if cleaned != text:
                response.content = cleaned.encode(response.charset)
                if response.has_header("Content-Length"):
                    response["Content-Length"] = str(len(response.content))
        return response


INLINE_UPLOAD_TYPES = re.compile(r"image/(?:jpeg|png|webp|gif|avif)$")


class SecurityHeadersMiddleware:
    """The headers Django's SecurityMiddleware does not send, on every response: pages, errors, the
    admin, static files (WhiteNoise answers below this) and uploads.

    - Cross-Origin-Resource-Policy: same-origin: no other site may embed our files or pages;
    - Permissions-Policy: the powerful browser features the site never uses are denied
      (PERMISSIONS_POLICY; passkeys in the admin need publickey-credentials, which stays allowed);
    - uploads served by Django in development: anything but a raster image is a download, as nginx
      does in production (deploy/nginx/party-common.conf.in, $party_upload_disposition).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions_policy = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DENIED)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        if request.path_info.startswith(settings.MEDIA_URL) and not INLINE_UPLOAD_TYPES.match(
            response.get("Content-Type", "").split(";")[0].strip()
        ):
            response["Content-Disposition"] = "attachment"
        return response
