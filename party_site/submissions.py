"""Acknowledging what the public forms commit, whatever happens to the session afterwards.

A submission is stored with its form's `submission_key` (unique; see party_site/antispam.py), so
the same page sent twice (a double click, a resend after a lost answer) finds the first submission
instead of storing a second one: `create_once`. On PostgreSQL the second INSERT waits for the
first transaction and then fails on the key; SQLite takes its write lock at the start.

The thanks page is reached through a signed, short-lived receipt in its URL naming the committed
row (`thanks_receipt`, `receipt_pk`), never through the session: a session store that fails after
the commit (a database or Redis blip) must not cost the visitor their acknowledgement.
"""

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction


def create_once(model, submission_key: str | None, **fields):
    """Create a `model` row in a savepoint; if one with this `submission_key` is already stored,
    return it instead. Returns (row, created). Any other integrity error is raised."""
    try:
        with transaction.atomic():
            return model.objects.create(submission_key=submission_key, **fields), True
    except IntegrityError:
        existing = model.objects.filter(submission_key=submission_key).first() if submission_key else None
        if existing is None:
            raise
        return existing, False


def thanks_receipt(row, salt: str) -> str:
    """A signed token naming a committed row, for its thanks page's URL. It says nothing readable
    about the person (a row number, signed and timed)."""
    return signing.dumps(row.pk, salt=salt)


def receipt_pk(receipt: str, salt: str) -> int | None:
    """The row a receipt names, or None when it is forged or older than SUBMISSION_THANKS_SECONDS
    (a shared or seized phone's history then leads back to the empty form)."""
    try:
        return int(signing.loads(receipt, salt=salt, max_age=settings.SUBMISSION_THANKS_SECONDS))
    except (signing.BadSignature, TypeError, ValueError):
        return None
