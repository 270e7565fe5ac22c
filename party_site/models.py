from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class RateLimitCounter(models.Model):
    """How many submissions one client made to one form in one time window.

    Used only when Redis is not configured: an atomic INSERT … ON CONFLICT DO UPDATE on this
    table counts exactly across processes and servers (see party_site/antispam.py). The client
    is stored as a keyed hash, never as an address.
    """

    key = models.CharField(max_length=128)
    window_start = models.BigIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "window_start"], name="ratelimit_key_window")]
        indexes = [models.Index(fields=["window_start"])]

    def __str__(self):
        return f"{self.key} @ {self.window_start}: {self.count}"


class OutgoingEmail(models.Model):
    """An e-mail the site must send because of a submission: written in the same transaction as
    the submission, sent after it commits. A failure is recorded here for staff and never costs
    the submission. Deleted with the submission it belongs to (GenericRelation there)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting to be sent")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("not sent")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    about = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(_("kind"), max_length=60)
    to = models.JSONField(_("recipients"), default=list)
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("message text"), blank=True, help_text=_("Cleared once the message has been sent."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # When a sender claimed the row (status "sending"); a claim older than 15 minutes is retried.
    claimed_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["content_type", "object_id"]), models.Index(fields=["status"])]

    def __str__(self):
        return f"{self.kind} #{self.pk} ({self.get_status_display()})"


class StaffLanguage(models.Model):
    """The language a staff member uses the admin in (PartyAdminSite.admin_view activates it).
    Without a row, the admin is in Arabic, the site's language."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_language",
        verbose_name=_("staff member"),
    )
    language = models.CharField(_("admin language"), max_length=8, choices=settings.LANGUAGES, default="ar")

    class Meta:
        verbose_name = _("admin language")
        verbose_name_plural = _("admin languages")

    def __str__(self):
        return f"{self.user}: {self.get_language_display()}"

    @classmethod
    def of(cls, user):
        """The language `user` chose for the admin; the site's default language if none."""
        chosen = cls.objects.filter(user_id=user.pk).values_list("language", flat=True).first()
        return chosen or settings.LANGUAGE_CODE
