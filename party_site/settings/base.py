"""The core: debug, secrets, hosts, apps, middleware, templates, URLs."""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if DEBUG:
    SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]
else:
    missing = [
        name
        for name, value in (
            ("DJANGO_SECRET_KEY", SECRET_KEY),
            ("DJANGO_ALLOWED_HOSTS", ALLOWED_HOSTS),
        )
        if not value
    ]
    if missing:
        raise ImproperlyConfigured(
            "Production settings are incomplete: set "
            + " and ".join(missing)
            + " (or set DJANGO_DEBUG=1 for local development)."
        )

CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# How many proxies of ours stand in front (nginx: 1). Read once; rate limits and login protection use it.
PROXY_COUNT = env_int("DJANGO_PROXY_COUNT", 0)

INSTALLED_APPS = [
    "modeltranslation",  # must come before django.contrib.admin
    "party_site.apps.PartyAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "sorl.thumbnail",
    "django_ckeditor_5",
    "reversion",
    "party_site",
    "content",
    "membership",
    "feedback",
]

MIDDLEWARE = [
    # /healthz answers here, before redirects, host checks, sessions and caches (party_site/health.py).
    "party_site.health.HealthCheckMiddleware",
    # Whole public pages for anonymous visitors, kept exactly as sent: compressed, with every header
    # the middleware below adds (party_site/pagecache.py). Before them, so that a hit skips them.
    "party_site.pagecache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages compressed for slow mobile networks (Django's GZip carries the BREACH mitigation); then an
    # ETag on every page and 304 Not Modified when it matches. Both above every middleware that changes
    # the response (Django's documented order); WhiteNoise answers static files itself, before them.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "party_site.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "party_site.urls"
WSGI_APPLICATION = "party_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "party_site.context_processors.site",
            ],
        },
    },
]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

ADMIN_URL = env_str("DJANGO_ADMIN_URL", "admin/").strip("/") + "/"
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

PARTY_NAME = _("National Independence Party")
