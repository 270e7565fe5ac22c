"""Queries whose SQL is worked out once per process.

Django builds and compiles the SQL of every query anew on each request. For the home page's choice
of posts (two window functions over the published posts, a subquery, a photo count) that took 4 to
5 ms of a page that costs about 24 ms to draw on a small machine: more than running the query; a
section page's posts and their count took about as much.

A PreparedQuery compiles its QuerySet once, with markers in place of what changes from one request
to the next (the moment it is asked at, on which "published" depends, and named values such as a
section's key), and then runs the same SQL with each request's values in the markers' places.
`QuerySet.raw()` makes the rows into model instances with their annotations, as the QuerySet would.
What Django writes into the SQL itself (a LIMIT and an OFFSET) is part of the query's *shape*: one
SQL per shape, at most MAX_SHAPES of them. The QuerySets are still built from
`Post.objects.published()`: the one definition of published.

Preparing checks that every marker is among the parameters and nowhere in the SQL itself, so a
QuerySet whose SQL would not take a value as a parameter fails at once instead of answering with
the value it was prepared with. Forgotten when a setting changes (tests).
"""

import datetime

from django.core.signals import setting_changed
from django.db import connection
from django.dispatch import receiver
from django.utils import timezone

# A moment no query is ever asked at.
MARKER = datetime.datetime(1901, 2, 3, 4, 5, 6, 789012, tzinfo=datetime.UTC)
MAX_SHAPES = 32

_prepared = []


class PreparedQuery:
    def __init__(self, build, moment=True):
        """`build(at, *shape, **values)` gives the QuerySet as asked at the moment `at`: `shape`
        holds what may change its SQL (a slice's bounds), `values` strings it filters on. A query
        that does not depend on the moment (moment=False) is built without it."""
        self.build = build
        self.moment = moment
        self.compiled = {}
        _prepared.append(self)

    def prepare(self, shape, names):
        markers = {name: f"\x1f{name}\x1f" for name in names}
        queryset = self.build(*((MARKER,) if self.moment else ()), *shape, **markers)
        sql, params = queryset.query.sql_with_params()
        if self.moment:
            markers["at"] = connection.ops.adapt_datetimefield_value(MARKER)
        places = {}
        for name, marker in markers.items():
            places[name] = [index for index, value in enumerate(params) if value == marker]
            if not places[name] or str(marker) in sql:
                what = "the moment" if name == "at" else name
                raise ValueError(f"{what} must reach the SQL as a parameter, and only so")
        if MARKER.isoformat() in sql:
            raise ValueError("the moment must reach the SQL as a parameter, and only so")
        if len(self.compiled) >= MAX_SHAPES:
            self.compiled.clear()
        self.compiled[shape, tuple(names)] = compiled = (queryset.model, sql, list(params), places)
        return compiled

    def _sql(self, at, shape, values):
        compiled = self.compiled.get((shape, tuple(values))) or self.prepare(shape, list(values))
        model, sql, params, places = compiled
        params = list(params)
        if self.moment:
            values = {**values, "at": connection.ops.adapt_datetimefield_value(at or timezone.now())}
        for name, indexes in places.items():
            for index in indexes:
                params[index] = values[name]
        return model, sql, params

    def __call__(self, at=None, shape=(), **values):
        """The rows as asked now (or at `at`), as model instances with their annotations."""
        model, sql, params = self._sql(at, shape, values)
        return list(model._default_manager.raw(sql, params))

    def value(self, at=None, shape=(), **values):
        """The first column of the first row (a count), or None."""
        _model, sql, params = self._sql(at, shape, values)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            row = cursor.fetchone()
        return row[0] if row else None


@receiver(setting_changed)
def forget(**_kwargs):
    for query in _prepared:
        query.compiled.clear()
