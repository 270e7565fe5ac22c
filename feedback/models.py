import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import GreaterThan, LessThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from party_site.governorates import MAX_LENGTH as GOVERNORATE_LENGTH
from party_site.governorates import Governorate
from party_site.models import OutgoingEmail
from party_site.phone import national_mobile

MESSAGE_MAX_LENGTH = 3000
NAME_MAX_LENGTH = 120


class FeedbackTopic(models.TextChoices):
    SUGGESTION = "suggestion", _("Suggestion")
    QUESTION = "question", _("Question")
    COMPLAINT = "complaint", _("Complaint")
    MEDIA = "media", _("Media enquiry")
    OTHER = "other", pgettext_lazy("feedback topic", "Other")


class FeedbackStatus(models.TextChoices):
    NEW = "new", pgettext_lazy("feedback status", "New")
    IN_PROGRESS = "in_progress", pgettext_lazy("feedback status", "In progress")
    ANSWERED = "answered", pgettext_lazy("feedback status", "Answered")
    ARCHIVED = "archived", pgettext_lazy("feedback status", "Archived")
    SPAM = "spam", pgettext_lazy("feedback status", "Spam")


class FeedbackMessageQuerySet(models.QuerySet):
    def due_for_purge(self, days: int, spam_days: int):
        """Archived messages last changed more than `days` days ago, and spam more than `spam_days`
        ago. New, in-progress and answered messages are never due."""
        now = timezone.now()
        return self.filter(
            models.Q(status=FeedbackStatus.ARCHIVED, updated_at__lt=now - datetime.timedelta(days=days))
            | models.Q(status=FeedbackStatus.SPAM, updated_at__lt=now - datetime.timedelta(days=spam_days))
        )


class FeedbackMessage(models.Model):
    """An idea, opinion, question or complaint sent through /feedback/, possibly anonymously.

    What the visitor wrote is never edited by staff; staff set the status and the assignee and
    write internal notes (FeedbackNote).
    """

    Topic = FeedbackTopic
    Status = FeedbackStatus

    topic = models.CharField(_("topic"), max_length=20, choices=FeedbackTopic.choices)
    message = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=16, blank=True, help_text=_("Stored as +9647XXXXXXXXX."))
    governorate = models.CharField(
        _("governorate"), max_length=GOVERNORATE_LENGTH, choices=Governorate.choices, blank=True
    )
    language = models.CharField(_("language of the page"), max_length=8, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=FeedbackStatus.choices, default=FeedbackStatus.NEW)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_feedback",
        limit_choices_to={"is_staff": True, "is_active": True},
    )
    received_at = models.DateTimeField(pgettext_lazy("feedback", "received"), default=timezone.now)
    updated_at = models.DateTimeField(pgettext_lazy("feedback", "updated"), auto_now=True)
    emails = GenericRelation(OutgoingEmail, content_type_field="content_type", object_id_field="object_id")

    objects = FeedbackMessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("feedback message")
        verbose_name_plural = _("feedback messages")
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["status", "received_at"]), models.Index(fields=["received_at"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(topic__in=FeedbackTopic.values), name="feedback_topic_valid"),
            models.CheckConstraint(condition=models.Q(status__in=FeedbackStatus.values), name="feedback_status_valid"),
            models.CheckConstraint(
                condition=models.Q(governorate__in=[*Governorate.values, ""]), name="feedback_governorate_valid"
            ),
            models.CheckConstraint(
                condition=GreaterThan(Length("message"), 0) & LessThanOrEqual(Length("message"), MESSAGE_MAX_LENGTH),
                name="feedback_message_length",
            ),
        ]

    def __str__(self):
        return f"#{self.pk} · {self.get_topic_display()} · {self.get_status_display()}"

    @property
    def phone_display(self):
        return national_mobile(self.phone)

    @property
    def is_anonymous(self):
        return not (self.name or self.email or self.phone)


class FeedbackNote(models.Model):
    """An internal note by staff on a message: who wrote what, when. Never shown to the sender."""

    message = models.ForeignKey(FeedbackMessage, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.SET_NULL, null=True, blank=True
    )
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")
        ordering = ["created_at"]

    def __str__(self):
        when = timezone.localtime(self.created_at).strftime("%Y-%m-%d %H:%M") if self.created_at else ""
        return f"{self.author_name} · {when}"

    @property
    def author_name(self):
        if self.author is None:
            return "—"
        return self.author.get_full_name() or self.author.get_username()
