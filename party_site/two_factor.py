"""Staff sign-in: a second factor after the password, and an idle timeout.

django-otp does the work (TOTP with an authenticator app, single-use recovery codes) with
django-otp-webauthn for passkeys; django-axes still locks repeated password failures, because the
password step stays Django's own admin login. Chosen over django-allauth's MFA, which would replace
the admin's login and account pages with allauth's own for one feature.

- A second factor is required of superusers and of every role that can see applications or
  feedback (`needs_second_factor`); content editors may add one, and once they have one it is
  asked for too.
- `StaffSignInMiddleware` leads a signed-in staff member without a verified factor to set one up or
  to enter it, before any other admin page; it signs out a staff session idle for
  STAFF_IDLE_TIMEOUT_MINUTES.
- A lost factor is reset from the command line: `manage.py reset_two_factor <username>`.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, user_has_device

# Permissions that show applicants' or senders' personal data.
SENSITIVE_PERMISSIONS = ("membership.view_application", "feedback.view_feedbackmessage")
LAST_SEEN_KEY = "staff_last_seen"
# The last activity is written to the session at most this often (a session save per request is a
# database write per request).
_LAST_SEEN_RESOLUTION = 60


def needs_second_factor(user) -> bool:
    """Superusers, roles that can see applications or feedback, and anyone who has set one up."""
    if not (user.is_authenticated and user.is_staff):
        return False
    return (
        user.is_superuser
        or any(user.has_perm(permission) for permission in SENSITIVE_PERMISSIONS)
        or user_has_device(user)
    )


def has_second_factor(user) -> bool:
    return user_has_device(user)


def remove_second_factors(user) -> int:
    """Delete every second factor of `user` (authenticator app, recovery codes, passkeys); how many."""
    removed = 0
    for device in devices_for_user(user, confirmed=None):
        device.delete()
        removed += 1
    return removed


def safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default


class StaffSignInMiddleware:
    """On admin pages: sign out an idle staff session; lead a staff member who needs a second
    factor and has not verified one to the two-factor pages (nothing else of the admin opens)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        admin_root = reverse("admin:index")
        user = getattr(request, "user", None)
        if request.path_info.startswith(admin_root) and user is not None and user.is_authenticated and user.is_staff:
            if self._idle_too_long(request):
                logout(request)
                messages.info(request, _("You were signed out after a while without activity. Sign in again."))
                return redirect(f"{reverse('admin:login')}?next={request.path}")
            if not user.is_verified() and needs_second_factor(user) and not self._open_before_second_factor(request):
                target = "admin:two-factor" if has_second_factor(user) else "admin:two-factor-setup"
                return redirect(f"{reverse(target)}?next={request.path}")
        return self.get_response(request)

    @staticmethod
    def _idle_too_long(request) -> bool:
        now = int(time.time())
        last_seen = request.session.get(LAST_SEEN_KEY)
        if last_seen and now - last_seen > settings.STAFF_IDLE_TIMEOUT_MINUTES * 60:
            return True
        if not last_seen or now - last_seen >= _LAST_SEEN_RESOLUTION:
            request.session[LAST_SEEN_KEY] = now
        return False

    @staticmethod
    def _open_before_second_factor(request) -> bool:
        """The pages that set up or check the factor, signing out, and the admin's translations."""
        path = request.path_info
        allowed = [reverse("admin:two-factor"), reverse("admin:two-factor-setup"), reverse("admin:logout")]
        allowed.append(reverse("admin:jsi18n"))
        return path in allowed or path.startswith(reverse("admin:two-factor") + "webauthn/")
