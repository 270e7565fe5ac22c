"""Every step an application goes through, each in one plainly named function.

- `submit_application`: the public form's valid data becomes an application, its first history
  row, the applicant's acknowledgement and the officers' notification (sent after commit).
- `start_review`, `reject_application`, `withdraw_application`: a status change with its history row.
- `accept_application`: status, member number, history row and the decision e-mail, together.

All of them run in one transaction and lock the application row, so two officers acting at the
same moment cannot both change it; the e-mails go out only once the transaction has committed.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from party_site.notifications import queue_email
from party_site.submissions import create_once

from .models import DECIDED, TRANSITIONS, Application, MemberNumberCounter, Status, StatusChange, new_reference


class TransitionNotAllowed(Exception):
    """The application is not in a status from which this step may be taken (perhaps another
    officer has just changed it)."""


def submit_application(data: dict, language: str = "ar", submission_key: str | None = None) -> Application:
    """Save a new application from the form's cleaned data; queue the acknowledgement (when an
    address was given) and the officers' notification. Returns the saved application; when the
    same form page (`submission_key`) was already stored, that application, untouched."""
    with transaction.atomic():
        application, created = _create_with_unique_reference(data, language, submission_key)
        if not created:
            return application
        StatusChange.objects.create(application=application, from_status="", to_status=Status.NEW)
        if application.email:
            _queue_to_applicant(application, "membership.acknowledgement", "acknowledgement")
        queue_email(
            application,
            "membership.new_application",
            settings.MEMBERSHIP_NOTIFY_EMAILS,
            *_render_for_officers(application),
        )
    return application


def _create_with_unique_reference(data: dict, language: str, submission_key, attempts: int = 5):
    for _attempt in range(attempts):
        reference = new_reference()
        try:  # a savepoint: a clash on the reference is retried, not fatal
            return create_once(Application, submission_key, reference=reference, language=language, **data)
        except IntegrityError:
            if not Application.objects.filter(reference=reference).exists():
                raise  # not a clash (a declaration missing…): a bug, let it surface
    raise IntegrityError(f"No free reference after {attempts} attempts")


def start_review(application: Application, officer, note: str = "") -> Application:
    return _change_status(application, officer, Status.UNDER_REVIEW, note)


def reject_application(application: Application, officer, note: str = "") -> Application:
    with transaction.atomic():
        application = _change_status(application, officer, Status.REJECTED, note)
        if application.email:
            _queue_to_applicant(application, "membership.rejected", "rejected")
    return application


def withdraw_application(application: Application, officer, note: str = "") -> Application:
    return _change_status(application, officer, Status.WITHDRAWN, note)


def accept_application(application: Application, officer, note: str = "") -> Application:
    """Accept an application under review: the next member number, a history row, and the
    decision e-mail when the applicant gave an address. Safe when officers accept at once."""
    with transaction.atomic():
        application = _change_status(application, officer, Status.ACCEPTED, note, member_number=_next_member_number)
        if application.email:
            _queue_to_applicant(application, "membership.accepted", "accepted")
    return application


def change_status(application: Application, officer, status: str, note: str = "") -> Application:
    """The step that leads to `status`, by name (what the admin's decision menu calls)."""
    steps = {
        Status.UNDER_REVIEW: start_review,
        Status.ACCEPTED: accept_application,
        Status.REJECTED: reject_application,
        Status.WITHDRAWN: withdraw_application,
    }
    return steps[status](application, officer, note)


def _next_member_number() -> int:
    """Take the next member number. The counter row stays locked until the transaction ends, so
    concurrent acceptances queue here one by one; the unique column is the last safeguard."""
    counter, _created = MemberNumberCounter.objects.get_or_create(pk=1)
    counter = MemberNumberCounter.objects.select_for_update().get(pk=counter.pk)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def _change_status(application, officer, status, note, member_number=None) -> Application:
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if status not in TRANSITIONS[Status(locked.status)]:
            raise TransitionNotAllowed(f"{locked.status} → {status}")
        previous = locked.status
        locked.status = status
        update = ["status"]
        if status in DECIDED:
            locked.decided_at = timezone.now()
            update.append("decided_at")
        if member_number is not None:
            locked.member_number = member_number()
            update.append("member_number")
        locked.save(update_fields=update)
        StatusChange.objects.create(
            application=locked, from_status=previous, to_status=status, changed_by=officer, note=note or ""
        )
    return locked


def _queue_to_applicant(application: Application, kind: str, template: str):
    """An e-mail to the applicant, in the language they applied in."""
    with translation.override(application.language or settings.LANGUAGE_CODE):
        context = {"application": application, "party_name": settings.PARTY_NAME, "site_url": settings.SITE_URL}
        subject = render_to_string(f"membership/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"membership/email/{template}.txt", context)
    return queue_email(application, kind, [application.email], subject, body)


def _render_for_officers(application: Application) -> tuple[str, str]:
    """Reference and a link to the admin: no name, phone or address in an officer's inbox."""
    with translation.override(settings.LANGUAGE_CODE):
        admin_path = reverse("admin:membership_application_change", args=[application.pk])
        context = {"application": application, "admin_url": settings.SITE_URL + admin_path}
        subject = render_to_string("membership/email/new_application_subject.txt", context).strip()
        body = render_to_string("membership/email/new_application.txt", context)
    return subject, body
