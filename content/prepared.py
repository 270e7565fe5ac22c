"""Queries whose SQL is worked out once per process.

Django builds and compiles the SQL of every query anew on each request. For the home page's choice
of posts (two window functions over the published posts, a subquery, a photo count) that took 4 to
5 ms of a page that costs about 24 ms to draw on a small machine: more than running the query.

A PreparedQuery compiles its QuerySet once, with a marker in place of the moment the query is asked
at (the only thing that changes from one request to the next: what "published" means depends on
it), and then runs the same SQL with the moment of each request put in the marker's place.
`QuerySet.raw()` makes the rows into model instances with their annotations, as the QuerySet would.
The QuerySet is still built from `Post.objects.published()`: the one definition of published.

Preparing checks that the marker is among the parameters and nowhere in the SQL itself, so a
QuerySet whose SQL would not take the moment as a parameter fails at once instead of showing the
posts of the moment it was prepared at. Forgotten when a setting changes (tests).
"""

import datetime

from django.core.signals import setting_changed
from django.db import connection
from django.dispatch import receiver
from django.utils import timezone

# A moment no query is ever asked at.
MARKER = datetime.datetime(1901, 2, 3, 4, 5, 6, 789012, tzinfo=datetime.UTC)

_prepared = []


class PreparedQuery:
    def __init__(self, build):
        """`build(at)` gives the QuerySet as asked at the moment `at`."""
        self.build = build
        self.sql = None
        _prepared.append(self)

    def prepare(self):
        queryset = self.build(MARKER)
        sql, params = queryset.query.sql_with_params()
        marker = connection.ops.adapt_datetimefield_value(MARKER)
        places = [index for index, value in enumerate(params) if value == marker]
        if not places or str(marker) in sql or MARKER.isoformat() in sql:
            raise ValueError("the moment must reach the SQL as a parameter, and only so")
        self.model, self.params, self.places, self.sql = queryset.model, list(params), places, sql

    def __call__(self, at=None):
        """The rows as asked now (or at `at`), as model instances with their annotations."""
        if self.sql is None:
            self.prepare()
        moment = connection.ops.adapt_datetimefield_value(at or timezone.now())
        params = list(self.params)
        for index in self.places:
            params[index] = moment
        return list(self.model._default_manager.raw(self.sql, params))


@receiver(setting_changed)
def forget(**_kwargs):
    for query in _prepared:
        query.sql = None
