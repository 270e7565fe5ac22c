"""Security: logins (django-axes), cookies, HTTPS, Content-Security-Policy."""

from urllib.parse import urlsplit

from .base import ADMIN_URL, DEBUG, PROXY_COUNT, SITE_URL
from .env import env_bool, env_int

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Admin login protection (django-axes): lock a username+address pair after 5 failures for 1 hour.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_IPWARE_PROXY_COUNT = PROXY_COUNT or None

# Staff sign-in (party_site/two_factor.py): a second factor for the roles that see personal data,
# and staff sessions signed out after this many minutes without activity in the admin.
STAFF_IDLE_TIMEOUT_MINUTES = env_int("STAFF_IDLE_TIMEOUT_MINUTES", 30)
OTP_TOTP_ISSUER = "National Independence Party"
OTP_TOTP_THROTTLE_FACTOR = 1  # wrong codes make the next try wait 1, 2, 4… seconds
OTP_STATIC_THROTTLE_FACTOR = 1
# Passkeys only as the second step: the password (and django-axes's lockout) always comes first.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
# Passkeys are bound to the site's host and need HTTPS; a development site on plain HTTP uses them on localhost.
_site = urlsplit(SITE_URL)
_passkey_site = _site if _site.scheme == "https" else urlsplit(f"http://localhost:{_site.port or 8000}")
OTP_WEBAUTHN_RP_ID = _passkey_site.hostname
OTP_WEBAUTHN_RP_NAME = "National Independence Party"
OTP_WEBAUTHN_ALLOWED_ORIGINS = [f"{_passkey_site.scheme}://{_passkey_site.netloc}"]
LOGIN_REDIRECT_URL = "/" + ADMIN_URL

# Production defaults are strict; a proxy that terminates TLS sets X-Forwarded-Proto.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"  # stricter than strict-origin-when-cross-origin: nothing leaves the site
# Permissions-Policy (party_site/middleware.py): browser features the site never uses, denied to it and
# to any frame. Passkeys (publickey-credentials-*) and fullscreen for embedded videos stay allowed.
PERMISSIONS_POLICY_DENIED = [
    "accelerometer", "browsing-topics", "camera", "display-capture", "geolocation", "gyroscope", "hid",
    "magnetometer", "microphone", "midi", "payment", "screen-wake-lock", "serial", "usb",
    "xr-spatial-tracking",
]  # fmt: skip
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# The designed page for a failed CSRF check: a public form comes back with what was typed.
CSRF_FAILURE_VIEW = "party_site.views.csrf_failure"
if env_bool("DJANGO_BEHIND_TLS_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content Security Policy (django-csp): nothing loads from another host. The admin gets its own,
# slightly wider policy (CKEditor 5 uploads and inline style attributes): party_site/middleware.py.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
    }
}
CONTENT_SECURITY_POLICY_ADMIN = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
}
