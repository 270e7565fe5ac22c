"""GET /healthz for load balancers and the stack's checks: 200 "ok" when the database (and Redis,
when REDIS_URL is set) answer, 503 "unavailable" otherwise.

A middleware, first in MIDDLEWARE, rather than a view: it answers before the HTTPS redirect, the
host check (a balancer probes by address), sessions, language and the page cache, so it never
redirects, sets no cookie, varies on nothing and is never cached. It tells nothing beyond the
status: no versions, no error text (the log gets the error's class only).
"""

import logging
from functools import lru_cache

from django.conf import settings
from django.db import connection
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)
PATH = "/healthz"


@lru_cache(maxsize=4)
def _redis(url):
    import redis

    return redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)


def failing_part():
    """None when all is well, else which part failed ("database", "redis")."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:
        logger.warning("Health check: database unavailable (%s)", type(error).__name__)
        return "database"
    if settings.REDIS_URL:
        try:
            _redis(settings.REDIS_URL).ping()
        except Exception as error:
            logger.warning("Health check: Redis unavailable (%s)", type(error).__name__)
            return "redis"
    return None


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info != PATH:
            return self.get_response(request)
        healthy = failing_part() is None
        response = HttpResponse(
            "ok\n" if healthy else "unavailable\n",
            status=200 if healthy else 503,
            content_type="text/plain; charset=utf-8",
        )
        add_never_cache_headers(response)
        response["X-Content-Type-Options"] = "nosniff"
        return response
