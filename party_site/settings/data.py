"""Data and shared state: the database, the cache, sessions."""

import dj_database_url

from .base import BASE_DIR, DEBUG
from .env import env_int, env_str

# --- Database: SQLite unless DATABASE_URL is set (PostgreSQL in CI and production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Several gunicorn workers may write at once: wait for the lock instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

# --- Cache: Redis when REDIS_URL is set; otherwise a per-process cache for page fragments.
# Rate limits never rely on a per-process cache: see party_site/antispam.py.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "party_site.redis_cache.RedisCache",  # one client per pool: party_site/redis_cache.py
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "party",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The page cache (party_site/pagecache.py): how long a public page may be kept at most. An edit shows on
# the next request whatever this is; 0 turns the cache off. Off in development, where templates change
# under a running server (tests turn it on: tests/settings.py).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0 if DEBUG else 600)
