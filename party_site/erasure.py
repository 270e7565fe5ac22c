"""Deleting a submission so that no copy stays in the database: shared by membership and feedback.

A submission's own rows (history, notes, e-mails through GenericRelation) go with it by cascade;
the admin's LogEntry rows point at it only by content type and id, and their `object_repr` and
change messages can name it, so they are deleted here too.
"""

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction


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
