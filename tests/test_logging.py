"""Database errors reach the log without the row they were about (party_site/logging.py)."""

import logging
import sys

import psycopg
import pytest
from django.db import IntegrityError, transaction

from membership.models import Application
from tests.membership_data import model_data

NAME, PHONE = "الربيعي", "+9647701234567"


def console_handler():
    """The handler settings.LOGGING puts on django.request: what production writes."""
    # pytest adds its own capture handlers; ours is the StreamHandler that LOGGING configured.
    return next(h for h in logging.getLogger("django.request").handlers if type(h) is logging.StreamHandler)


def logged(error: BaseException) -> str:
    """The line django.request would write for a request that failed with `error`."""
    try:
        raise error
    except BaseException:
        record = logging.getLogger("django.request").makeRecord(
            "django.request", logging.ERROR, __file__, 1, "Internal Server Error: %s", ("/join/",), exc_info=True
        )
        record.exc_info = sys.exc_info()
    handler = console_handler()
    assert handler.filter(record)
    return handler.format(record)


def raise_wrapped_integrity_error():
    """As Django does: the driver's error wrapped in django.db.IntegrityError, `from` the original."""
    detail = (
        'new row for relation "membership_application" violates check constraint "application_declarations_made"\n'
        f"DETAIL:  Failing row contains (1, 482913057, new, أحمد, علي, حسين, {NAME}, 1990-03-15, {PHONE})."
    )
    try:
        raise psycopg.errors.CheckViolation(detail)
    except psycopg.Error as driver_error:
        raise IntegrityError(*driver_error.args) from driver_error


def test_a_forged_integrity_error_loses_its_row_but_keeps_its_frames():
    try:
        raise_wrapped_integrity_error()
    except IntegrityError as error:
        line = logged(error)
    assert NAME not in line and PHONE not in line and "Failing row" not in line
    assert "Internal Server Error: /join/" in line
    assert "django.db.utils.IntegrityError: [redacted]" in line
    assert "psycopg.errors.CheckViolation: [redacted]" in line
    assert "raise_wrapped_integrity_error" in line and "Traceback (most recent call last)" in line


def test_other_errors_are_logged_unchanged():
    line = logged(ValueError("a plain message"))
    assert "ValueError: a plain message" in line


@pytest.mark.django_db
def test_a_real_constraint_violation_is_logged_with_its_constraint_name_only():
    """On PostgreSQL the error carries the whole row; on SQLite only the constraint's name."""
    try:
        with transaction.atomic():
            Application.objects.create(reference="123456789", **model_data(family_name=NAME, declares_iraqi=False))
    except IntegrityError as error:
        line = logged(error)
    assert NAME not in line and "7701234567" not in line
    assert "application_declarations_made" in line
