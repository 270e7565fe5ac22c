"""Membership applications: what a prospective member sends from /join/, and what officers record.

Applicant data can put people at risk: `__str__` shows only the reference (it ends up in the
admin's history and in messages), and every row that mentions an applicant (status changes,
e-mails, admin log entries) is deleted with the application (see party_site/erasure.py).
"""

import datetime
import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from party_site.governorates import Governorate
from party_site.models import OutgoingEmail
from party_site.phone import search_digits
from party_site.text import normalized_words

# Digits only: each has one clear name in Arabic, Kurdish and English, so a reference read out over
# the phone cannot be misheard as a letter (no O/0, I/1, B/D/E/P/T/V…). Nine random digits:
# a billion possibilities, drawn with `secrets`, so neither sequential nor guessable.
REFERENCE_DIGITS = 9


def new_reference() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(REFERENCE_DIGITS))


def format_reference(reference: str) -> str:
    """'482913057' → '482-913-057': easier to read aloud and to copy."""
    return "-".join(reference[i : i + 3] for i in range(0, len(reference), 3))


class Gender(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class Education(models.TextChoices):
    """The stages of Iraqi schooling, as people name their highest one."""

    READ_WRITE = "read-write", _("Reads and writes")
    PRIMARY = "primary", _("Primary school")
    INTERMEDIATE = "intermediate", _("Intermediate school")
    PREPARATORY = "preparatory", _("Preparatory (secondary) school")
    DIPLOMA = "diploma", _("Diploma")
    BACHELOR = "bachelor", _("Bachelor's degree")
    HIGHER_DIPLOMA = "higher-diploma", _("Higher diploma")
    MASTER = "master", _("Master's degree")
    DOCTORATE = "doctorate", _("Doctorate")


class HeardFrom(models.TextChoices):
    SOCIAL_MEDIA = "social-media", _("Social media")
    FRIEND = "friend", _("A friend or relative")
    MEMBER = "member", _("A party member")
    EVENT = "event", _("A party event or meeting")
    NEWS = "news", _("Television, radio or the press")
    WEBSITE = "website", _("This website")
    OTHER = "other", _("Other")


class Status(models.TextChoices):
    NEW = "new", _("New")
    UNDER_REVIEW = "under-review", _("Under review")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# What the applicant tells us, in the form's order; the declarations the law asks for.
APPLICANT_FIELDS = (
    "first_name", "father_name", "grandfather_name", "family_name", "birth_date", "gender",
    "governorate", "district", "phone", "email", "education", "occupation", "motivation", "heard_from",
)  # fmt: skip
DECLARATION_FIELDS = (
    "declares_iraqi", "declares_no_other_party", "declares_not_barred", "declares_principles", "consents_privacy",
)  # fmt: skip

# Which status may follow which. Accepting and rejecting happen after a review has started.
TRANSITIONS = {
    Status.NEW: (Status.UNDER_REVIEW, Status.WITHDRAWN),
    Status.UNDER_REVIEW: (Status.ACCEPTED, Status.REJECTED, Status.WITHDRAWN),
    Status.ACCEPTED: (),
    Status.REJECTED: (),
    Status.WITHDRAWN: (),
}
DECIDED = (Status.ACCEPTED, Status.REJECTED, Status.WITHDRAWN)


class ApplicationQuerySet(models.QuerySet):
    def duplicates_of(self, application=None):
        """Other applications with the same phone, or the same normalised full name and date of birth:
        of `application`, or, without one, of each row of the query this is a subquery of."""

        def value(name):
            return OuterRef(name) if application is None else getattr(application, name)

        return self.filter(
            Q(phone=value("phone")) | Q(name_key=value("name_key"), birth_date=value("birth_date"))
        ).exclude(pk=value("pk"))

    def with_duplicate_flag(self):
        """Each application with `possible_duplicate`: whether any other application looks like it."""
        return self.annotate(possible_duplicate=Exists(self.model.objects.duplicates_of().values("pk")))

    def search(self, term: str):
        """Applications whose name holds every word of `term` (any spelling of hamza, ta marbuta…),
        or whose phone number, reference or member number holds its digits (in any script)."""
        term = term.strip()
        if not term:
            return self
        condition = Q(pk__in=[])
        tokens = normalized_words(term)
        if tokens:
            name = Q()
            for token in tokens:
                name &= Q(name_search__contains=f" {token}")
            condition |= name
        digits = search_digits(term)
        if len(digits) >= 3:
            condition |= Q(phone__contains=digits) | Q(reference__contains=digits)
            if len(digits) <= 9:
                condition |= Q(member_number=int(digits))
        return self.filter(condition)

    def count_by(self, field: str, choices) -> list[tuple[str, int]]:
        """(label, how many) for every choice of `field`, none left out."""
        found = dict(self.order_by().values_list(field).annotate(n=Count("pk")))
        return [(choice.label, found.get(choice.value, 0)) for choice in choices]

    def due_for_purge(self, days: int):
        """Rejected and withdrawn applications decided more than `days` days ago."""
        cutoff = timezone.now() - datetime.timedelta(days=days)
        return self.filter(status__in=[Status.REJECTED, Status.WITHDRAWN], decided_at__lt=cutoff)


class Application(models.Model):
    reference = models.CharField(_("reference"), max_length=REFERENCE_DIGITS, unique=True, editable=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)

    first_name = models.CharField(_("first name"), max_length=60)
    father_name = models.CharField(_("father's name"), max_length=60)
    grandfather_name = models.CharField(_("grandfather's name"), max_length=60)
    family_name = models.CharField(_("family name"), max_length=60, blank=True)
    birth_date = models.DateField(_("date of birth"))
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices)
    governorate = models.CharField(_("governorate"), max_length=20, choices=Governorate.choices)
    district = models.CharField(_("district or city"), max_length=100)
    phone = models.CharField(_("mobile phone"), max_length=16, help_text=_("Stored in international form (E.164)."))
    email = models.EmailField(_("e-mail"), blank=True)
    education = models.CharField(_("education"), max_length=20, choices=Education.choices)
    occupation = models.CharField(_("occupation"), max_length=100)
    motivation = models.TextField(_("why they want to join"), max_length=2000, blank=True)
    heard_from = models.CharField(
        _("how they heard of the party"), max_length=20, choices=HeardFrom.choices, blank=True
    )

    # The declarations the Political Parties Law No. 36 of 2015 asks of a member.
    declares_iraqi = models.BooleanField(_("declares Iraqi nationality"))
    declares_no_other_party = models.BooleanField(_("declares no membership of another party"))
    declares_not_barred = models.BooleanField(
        _("declares no service in the judiciary, forces, intelligence, IHEC or Integrity Commission")
    )
    declares_principles = models.BooleanField(_("agrees with the principles and bylaws"))
    consents_privacy = models.BooleanField(_("consents to data processing"))

    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="ar", editable=False)
    # A hash of the form page it was sent from: the same page sent twice finds this one (party_site/submissions.py).
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True, db_index=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True, editable=False)
    member_number = models.PositiveIntegerField(_("member number"), null=True, blank=True, unique=True, editable=False)

    # Derived, for staff search and duplicate detection (see `refresh_derived`); never shown.
    name_search = models.TextField(editable=False, default="")
    name_key = models.CharField(max_length=300, editable=False, default="")

    emails = GenericRelation(OutgoingEmail, related_query_name="membership_application")

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")
        ordering = ["-submitted_at"]
        permissions = [("export_application", _("Can export membership applications as CSV"))]
        indexes = [
            models.Index(fields=["status", "submitted_at"]),
            models.Index(fields=["governorate"]),
            models.Index(fields=["phone"]),
            models.Index(fields=["name_key", "birth_date"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(declares_iraqi=True)
                & Q(declares_no_other_party=True)
                & Q(declares_not_barred=True)
                & Q(declares_principles=True)
                & Q(consents_privacy=True),
                name="application_declarations_made",
            ),
            models.CheckConstraint(
                condition=Q(status=Status.ACCEPTED, member_number__isnull=False)
                | (~Q(status=Status.ACCEPTED) & Q(member_number__isnull=True)),
                name="application_member_number_iff_accepted",
            ),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="application_status_valid"),
        ]

    def __str__(self):
        # Only the reference: this string lands in admin messages and its history.
        return format_reference(self.reference) if self.reference else "—"

    def save(self, *args, **kwargs):
        self.refresh_derived()  # derived columns only; no workflow here (see workflow.py)
        super().save(*args, **kwargs)

    @property
    def full_name(self) -> str:
        return " ".join(
            part for part in (self.first_name, self.father_name, self.grandfather_name, self.family_name) if part
        )

    @property
    def display_reference(self) -> str:
        return format_reference(self.reference)

    def refresh_derived(self):
        # Names are only normalised (hamza, ta marbuta…): cutting "prefixes" would turn كريم into ريم.
        words = normalized_words(self.full_name)
        self.name_search = f" {' '.join(words)} " if words else ""
        self.name_key = " ".join(words)[:300]


class StatusChange(models.Model):
    """One step of an application's history: who moved it to which status, when, and why."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("when"), auto_now_add=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.get_from_status_display() or '—'} → {self.get_to_status_display()}"


class MemberNumberCounter(models.Model):
    """The last member number given. One row, locked while a number is taken, so officers who
    accept at the same moment get different numbers (and a rolled-back acceptance leaves no gap)."""

    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("member number counter")

    def __str__(self):
        return str(self.last_number)


class ApplicationExport(models.Model):
    """A record of each CSV export: who, when and how many rows. Nothing about the applicants."""

    exported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
    exported_at = models.DateTimeField(_("when"), auto_now_add=True)
    row_count = models.PositiveIntegerField(_("rows"))

    class Meta:
        verbose_name = _("application export")
        verbose_name_plural = _("application exports")
        ordering = ["-exported_at"]

    def __str__(self):
        return f"{self.exported_at:%Y-%m-%d %H:%M} ({self.row_count})"
