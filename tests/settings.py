"""Test settings: the real settings with a few speed-ups (as in wagtail/bakerydemo).

The database still comes from DATABASE_URL: PostgreSQL in CI, SQLite locally.
"""

import os
import tempfile

os.environ.setdefault("DJANGO_DEBUG", "1")

from party_site.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="party-test-uploads-")
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# The page cache is on, as in production (development turns it off by default).
PAGE_CACHE_SECONDS = 600
