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
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database host that does not answer fails a connection (and /healthz) in 5 s, not minutes.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Several gunicorn workers may write at once: wait for the lock instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

# --- Shared state. Data lives in the database; Redis (REDIS_URL) holds what every app server must
# share quickly and may lose: the cache (pages, renditions' lookups) and rate-limit counters
# (party_site/antispam.py, which falls back to the database). Without REDIS_URL: a per-process cache,
# and rate limits in the database, never in a per-process cache.
#
# Sessions stay in the database, with Redis as a read-through cache in front (cached_db): a Redis
# restart, an eviction under memory pressure (the page cache shares it) or an outage logs no one out
# and loses no applicant's one-time reference; Django's cached_db reads the database when the cache
# fails. Pure cache sessions would save one write per session change, not worth those losses.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "party_site.redis_cache.RedisCache",  # one client per pool: party_site/redis_cache.py
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "party",
            # A Redis that does not answer costs a request a second, not a hang.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The page cache (party_site/pagecache.py): how long a public page may be kept at most. An edit shows on
# the next request whatever this is; 0 turns the cache off. Off in development, where templates change
# under a running server (tests turn it on: tests/settings.py).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0 if DEBUG else 600)
