"""Anti-spam for the public forms (membership, feedback): one mechanism, no third-party service.

Four checks. The bot checks are answered with one neutral message so a bot learns nothing:

1. a honeypot input that people never see (hidden with CSS) and bots fill in;
2. a signed token naming the form and the time it was shown: a form sent sooner than
   ANTISPAM_MIN_SECONDS after it was shown, or with a missing, forged, day-old token or one
   issued for the other form, is refused. The page shown again after any error keeps the
   submitted token when it is valid (so a person who fixes a field and sends at once is not
   taken for a bot), or gets a fresh one, and keeps everything typed;
3. a rate limit per client and form: at most N accepted submissions in a window, with its own
   message (people behind one carrier-grade NAT share an address and must know to wait);
4. each token is accepted once: a replayed token (a bot posting the same page again) is refused,
   unless the form sets `repeats_lead_to_the_first = True`: its submissions are stored with their
   `submission_key` (a hash of the token), and a repeated page (a double click, a resend after a
   lost answer) is let through as `is_repeat`, so the view shows the first submission's thanks page
   and the database's unique key keeps it from being stored twice.

Counts are kept in Redis when REDIS_URL is set, otherwise (and whenever Redis fails) by an atomic
upsert on a database row, so limits hold across gunicorn workers and servers (a per-process cache
would not). Clients are stored as a keyed hash, never as an address; IPv6 clients are counted by
their /64 prefix, which one household or phone holds as a whole.

Usage: a form inherits `AntiSpamFormMixin` and is built with `request=request`; its template
includes "includes/antispam_fields.html" inside the <form>.
"""

import hashlib
import hmac
import ipaddress
import logging
import secrets
import time
from functools import lru_cache

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "website"
TOKEN_FIELD = "form_token"
_SALT = "party_site.antispam"
NEUTRAL_ERROR = _("We could not accept this submission. Please wait a moment and try again.")
RATE_LIMITED_ERROR = _(
    "Too many submissions have come from your network recently. Please try again later: what you typed is kept below."
)
# Counter rows older than this are deleted (the longest window in use is a token's life).
_COUNTER_RETENTION = 3 * 86400


def client_address(request) -> str:
    """The visitor's address: REMOTE_ADDR, or the one our own proxies saw (DJANGO_PROXY_COUNT)."""
    proxies = getattr(settings, "ANTISPAM_PROXY_COUNT", 0)
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def client_network(address: str) -> str:
    """What one client is, for counting: an IPv4 address, or an IPv6 address's /64 prefix (a
    device or household is given a whole /64, so counting single addresses would be no limit)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def client_key(request, scope: str) -> str:
    network = client_network(client_address(request))
    digest = hmac.new(settings.SECRET_KEY.encode(), f"{scope}|{network}".encode(), hashlib.sha256)
    return f"{scope}:{digest.hexdigest()[:40]}"


def new_token(scope: str, issued: float | None = None) -> str:
    """A signed token for one showing of the form `scope`: the form, the time, and a nonce that
    makes every token different (each is accepted once)."""
    issued = int(time.time() if issued is None else issued)
    return signing.dumps([scope, issued, secrets.token_urlsafe(8)], salt=_SALT, compress=False)


def token_issued(token: str, scope: str) -> int | None:
    """When a valid token for `scope` was issued; None for a missing, forged, expired or other form's token."""
    try:
        token_scope, issued, _nonce = signing.loads(token, salt=_SALT)
        issued = int(issued)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    if token_scope != scope or time.time() - issued > settings.ANTISPAM_MAX_AGE:
        return None
    return issued


def token_age(token: str, scope: str) -> float | None:
    """Seconds since the form was shown, or None for a token that is not valid for `scope`."""
    issued = token_issued(token, scope)
    return None if issued is None else time.time() - issued


@lru_cache(maxsize=1)
def _redis():
    import redis

    # Short timeouts: a stuck Redis must not hold a visitor's request; hit() falls back to the database.
    return redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1)


def _redis_hit(key: str, window: int, window_start: int) -> int:
    redis_key = f"party:ratelimit:{key}:{window_start}"
    pipe = _redis().pipeline()
    pipe.incr(redis_key)
    pipe.expire(redis_key, window + 60)
    count, _expiry = pipe.execute()
    return int(count)


def _database_hit(key: str, window_start: int) -> int:
    from .models import RateLimitCounter

    table = connection.ops.quote_name(RateLimitCounter._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (key, window_start, count) VALUES (%s, %s, 1) "  # noqa: S608 (table name is ours)
            f"ON CONFLICT (key, window_start) DO UPDATE SET count = {table}.count + 1 RETURNING count",
            [key, window_start],
        )
        count = cursor.fetchone()[0]
    if count == 1:  # a new key: forget rows older than any window in use
        RateLimitCounter.objects.filter(window_start__lt=int(time.time()) - _COUNTER_RETENTION).delete()
    return count


def hit(key: str, window: int, at: float | None = None) -> int:
    """Count one more event for `key` in the window that holds `at` (default: now); return the
    window's count. Redis when configured; the database when not, or when Redis fails."""
    window_start = int(time.time() if at is None else at) // window * window
    if settings.REDIS_URL:
        import redis

        try:
            return _redis_hit(key, window, window_start)
        except redis.RedisError as error:
            # Nothing about the visitor: the key is a hash, and only the error's class is logged.
            logger.warning("Redis unavailable for rate limits (%s); counting in the database", type(error).__name__)
    return _database_hit(key, window_start)


def rate_limit_allows(request, scope: str) -> bool:
    limit, window = settings.ANTISPAM_RATE_LIMIT
    return hit(client_key(request, scope), window) <= limit


def token_first_use(token: str, issued: int) -> bool:
    """Count one accepted use of `token`; True only the first time. Counted in the window of the
    token's issue time, so every use of one token lands on the same counter."""
    return hit(f"token:{submission_key(token)}", settings.ANTISPAM_MAX_AGE, at=issued) <= 1


def submission_key(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class AntiSpamFormMixin:
    """Adds the honeypot, timing, rate-limit and single-use checks to a public form's clean()."""

    antispam_scope = "form"
    repeats_lead_to_the_first = False

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self._token_spent = False
        self.is_repeat = False

    @property
    def submission_key(self) -> str:
        """What identifies one showing of the form: stored with the submission (unique), so the
        same page sent twice is found again instead of stored twice."""
        return submission_key(self.submitted_token)

    @property
    def submitted_token(self) -> str:
        return str(self.data.get(TOKEN_FIELD, "")) if self.is_bound else ""

    @property
    def antispam_token(self):
        """The token for this rendering: the one submitted, when it is valid and unused (a person
        fixing a field should not wait again), otherwise a fresh one."""
        token = self.submitted_token
        if token and not self._token_spent and token_issued(token, self.antispam_scope) is not None:
            return token
        return new_token(self.antispam_scope)

    def is_spam(self) -> bool:
        if self.data.get(HONEYPOT_FIELD):
            return True
        age = token_age(self.submitted_token, self.antispam_scope)
        return age is None or age < settings.ANTISPAM_MIN_SECONDS

    def clean(self):
        cleaned = super().clean()
        if self.is_bound and self.is_spam():
            raise ValidationError(NEUTRAL_ERROR, code="spam")
        if not self.is_bound or self.errors:
            return cleaned
        # Only a submission that passed every other check counts towards the client's limit.
        if self.request is not None and not rate_limit_allows(self.request, self.antispam_scope):
            raise ValidationError(RATE_LIMITED_ERROR, code="rate_limited")
        token = self.submitted_token
        issued = token_issued(token, self.antispam_scope)
        first_use = issued is not None and token_first_use(token, issued)
        if issued is not None and not first_use and self.repeats_lead_to_the_first:
            self.is_repeat = True  # the same page again: the view leads to the first one's thanks
            return cleaned
        if not first_use:
            self._token_spent = True
            raise ValidationError(NEUTRAL_ERROR, code="replayed")
        return cleaned
