"""Logging filters that keep personal data out of the logs.

A database error's text can carry a whole row: PostgreSQL's constraint errors end with
"DETAIL: Failing row contains (…)", which for an application is the applicant's name, phone and
birth date. `RedactDatabaseErrors` (on the console handler, settings.LOGGING) renders the
traceback of such a record itself, frames intact, with each database exception's text replaced by
its class name and, when the database names it, the constraint. Other records pass unchanged.
"""

import logging
import re
import traceback

from django.db import Error as DjangoDatabaseError

try:
    from psycopg import Error as PsycopgError
except ImportError:  # pragma: no cover (psycopg is in requirements.txt)
    PsycopgError = DjangoDatabaseError

import sqlite3

DATABASE_ERRORS = (DjangoDatabaseError, PsycopgError, sqlite3.Error)
# SQLite names the constraint and nothing else: "CHECK constraint failed: application_declarations_made".
_SQLITE_CONSTRAINT = re.compile(r"^(?:CHECK|UNIQUE|NOT NULL) constraint failed: ([\w.]+(?:, [\w.]+)*)$")


def constraint_name(error: BaseException) -> str:
    """The constraint a database error names, from it or the driver error it wraps; "" if none."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        diag = getattr(error, "diag", None)
        name = getattr(diag, "constraint_name", None) if diag is not None else None
        if name:
            return str(name)
        match = _SQLITE_CONSTRAINT.match(str(error.args[0]) if error.args else "")
        if match:
            return match.group(1)
        error = error.__cause__
    return ""


def redacted_line(error: BaseException) -> str:
    """The last line of a traceback for `error`, without the database's own text."""
    cls = type(error)
    name = cls.__qualname__ if cls.__module__ == "builtins" else f"{cls.__module__}.{cls.__qualname__}"
    if not isinstance(error, DATABASE_ERRORS):
        return "".join(traceback.format_exception_only(error))
    constraint = constraint_name(error)
    return f"{name}: [redacted]" + (f" (constraint {constraint})" if constraint else "") + "\n"


def format_redacted(error: BaseException, _seen=None) -> str:
    """Like traceback.format_exception(), chained exceptions included, with database errors' texts redacted."""
    seen = set() if _seen is None else _seen
    seen.add(id(error))
    parts = []
    if error.__cause__ is not None and id(error.__cause__) not in seen:
        parts += [
            format_redacted(error.__cause__, seen),
            "\nThe above exception was the direct cause of the following exception:\n\n",
        ]
    elif error.__context__ is not None and not error.__suppress_context__ and id(error.__context__) not in seen:
        parts += [
            format_redacted(error.__context__, seen),
            "\nDuring handling of the above exception, another exception occurred:\n\n",
        ]
    if error.__traceback__ is not None:
        parts += ["Traceback (most recent call last):\n", *traceback.format_tb(error.__traceback__)]
    parts.append(redacted_line(error))
    return "".join(parts)


def _chain(error: BaseException):
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        yield error
        error = error.__cause__ or error.__context__


class RedactDatabaseErrors(logging.Filter):
    """Replace a database exception's text in a log record by its class (and constraint) name."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc_info = record.exc_info
        if exc_info and exc_info[1] is not None and any(isinstance(e, DATABASE_ERRORS) for e in _chain(exc_info[1])):
            # The formatter prints exc_text as it is; with exc_info gone, nothing renders the original.
            record.exc_text = format_redacted(exc_info[1]).rstrip("\n")
            record.exc_info = None
        return True
