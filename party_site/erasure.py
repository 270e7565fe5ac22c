"""Deleting a submission so that no copy stays in the database: shared by membership and feedback.

A submission's own rows (history, notes, e-mails through GenericRelation) go with it by cascade;
the admin's LogEntry rows point at it only by content type and id, and their `object_repr` and
change messages can name it, so they are deleted here too.

The purges pick what is due with each model's `due_for_purge()`; a person's own request picks
their submissions with `submissions_of` (manage.py erase_applicant).
"""

import re

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from feedback.models import FeedbackMessage
from membership.models import Application
from party_site.phone import normalize_iraqi_mobile
from party_site.text import to_western_digits


def erase_with_admin_log(instance) -> None:
    """Delete `instance` (and what cascades from it) and the admin's log entries about it."""
    with transaction.atomic():
        content_type = ContentType.objects.get_for_model(type(instance))
        LogEntry.objects.filter(content_type=content_type, object_id=str(instance.pk)).delete()
        instance.delete()


def erase_all(queryset) -> int:
    """Erase every row of `queryset` as `erase_with_admin_log` does, locked, in one transaction."""
    erased = 0
    with transaction.atomic():
        for instance in queryset.order_by("pk").select_for_update():
            erase_with_admin_log(instance)
            erased += 1
    return erased


def submissions_of(*, reference: str = "", phone: str = "", email: str = ""):
    """(applications, feedback messages) of one person, found by one of: an application's reference
    (dashes, spaces and the script of the digits do not matter; it names no feedback message), a
    mobile number in any form the forms accept (ValidationError when it is not an Iraqi mobile), or
    an e-mail address in any case."""
    if reference:
        applications = Application.objects.filter(reference=re.sub(r"\D", "", to_western_digits(reference)))
        return applications, FeedbackMessage.objects.none()
    if phone:
        number = normalize_iraqi_mobile(phone)
        return Application.objects.filter(phone=number), FeedbackMessage.objects.filter(phone=number)
    return Application.objects.filter(email__iexact=email), FeedbackMessage.objects.filter(email__iexact=email)
