"""Anti-spam for the public forms (membership, feedback): one mechanism, no third-party service.

Three checks, all answered with the same neutral message so a bot learns nothing:

1. a honeypot input that people never see (hidden with CSS) and bots fill in;
2. a signed timestamp: a form sent sooner than ANTISPAM_MIN_SECONDS after it was shown, or with a
   missing, forged or day-old token, is refused (the page shown again carries a fresh token and
   everything typed, so a person simply sends again);
3. a rate limit per client and form: at most N accepted submissions in a window. Counted in Redis
   when REDIS_URL is set, otherwise by an atomic upsert on a database row, so the limit holds
   across gunicorn workers and across servers (a per-process cache would not). Clients are
   stored as a keyed hash, never as an address.

Usage: a form inherits `AntiSpamFormMixin` and is built with `request=request`; its template
includes "includes/antispam_fields.html" inside the <form>.
"""

import hashlib
import hmac
import time
from functools import lru_cache

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website"
TOKEN_FIELD = "form_token"
_SALT = "party_site.antispam"
NEUTRAL_ERROR = _("We could not accept this submission. Please wait a moment and try again.")


def client_address(request) -> str:
    """The visitor's address: REMOTE_ADDR, or the one our own proxies saw (DJANGO_PROXY_COUNT)."""
    proxies = getattr(settings, "ANTISPAM_PROXY_COUNT", 0)
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def client_key(request, scope: str) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), f"{scope}|{client_address(request)}".encode(), hashlib.sha256)
    return f"{scope}:{digest.hexdigest()[:40]}"


def new_token() -> str:
    return signing.dumps(int(time.time()), salt=_SALT)


def token_age(token: str) -> float | None:
    """Seconds since the form was shown, or None for a missing, forged or expired token."""
    try:
        issued = int(signing.loads(token, salt=_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None
    age = time.time() - issued
    return age if age <= settings.ANTISPAM_MAX_AGE else None


@lru_cache(maxsize=1)
def _redis():
    import redis

    return redis.Redis.from_url(settings.REDIS_URL)


def hit(key: str, window: int) -> int:
    """Count one more event for `key` in the current window; return the window's count."""
    window_start = int(time.time()) // window * window
    if settings.REDIS_URL:
        redis_key = f"party:ratelimit:{key}:{window_start}"
        pipe = _redis().pipeline()
        pipe.incr(redis_key)
        pipe.expire(redis_key, window + 60)
        count, _expiry = pipe.execute()
        return int(count)
    from .models import RateLimitCounter

    table = connection.ops.quote_name(RateLimitCounter._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (key, window_start, count) VALUES (%s, %s, 1) "  # noqa: S608 (table name is ours)
            f"ON CONFLICT (key, window_start) DO UPDATE SET count = {table}.count + 1 RETURNING count",
            [key, window_start],
        )
        count = cursor.fetchone()[0]
    if count == 1:  # first hit of a new window: forget windows older than a day
        RateLimitCounter.objects.filter(window_start__lt=window_start - 86400).delete()
    return count


def rate_limit_allows(request, scope: str) -> bool:
    limit, window = settings.ANTISPAM_RATE_LIMIT
    return hit(client_key(request, scope), window) <= limit


class AntiSpamFormMixin:
    """Adds the honeypot, timing and rate-limit checks to a public form's clean()."""

    antispam_scope = "form"

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    @property
    def antispam_token(self):
        """A fresh token for every rendering of the form."""
        return new_token()

    def is_spam(self) -> bool:
        if self.data.get(HONEYPOT_FIELD):
            return True
        age = token_age(self.data.get(TOKEN_FIELD, ""))
        return age is None or age < settings.ANTISPAM_MIN_SECONDS

    def clean(self):
        cleaned = super().clean()
        if self.is_bound and self.is_spam():
            raise ValidationError(NEUTRAL_ERROR, code="spam")
        # Only a submission that passed every other check counts towards the client's limit.
        if not self.errors and self.request is not None and not rate_limit_allows(self.request, self.antispam_scope):
            raise ValidationError(NEUTRAL_ERROR, code="rate_limited")
        return cleaned
