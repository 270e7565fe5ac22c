from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .fields import RichTextField


class TextBlock(models.Model):
    """A short editable text with a fixed place on the site (the home hero, a call to action)."""

    class Key(models.TextChoices):
        HERO = "hero", _("Home: introduction (hero)")
        VISION = "vision", _("Home: the party's vision")
        SECRETARIAT_TEASER = "secretariat_teaser", _("Home: about the General Secretariat")
        SECRETARIAT_CTA = "secretariat_cta", _("Link to the secretariat page")
        JOIN_INTRO = "join_intro", _("Join: invitation")
        JOIN_BUTTON = "join_button", _("Join: button label")
        FEEDBACK_INTRO = "feedback_intro", _("Feedback: invitation")

    key = models.CharField(_("place on the site"), max_length=40, choices=Key.choices, unique=True)
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("fixed text")
        verbose_name_plural = _("fixed texts")
        ordering = ["key"]

    def __str__(self):
        return self.get_key_display()


class Page(models.Model):
    """A standalone page that staff edit: who we are, the founding statement, privacy…"""

    class Key(models.TextChoices):
        ABOUT = "about", _("Who we are")
        FOUNDING_STATEMENT = "founding-statement", _("Founding statement")
        SECRETARIAT = "secretariat", _("Secretary-General and General Secretariat (introduction)")
        PRIVACY = "privacy", _("Privacy notice")

    key = models.CharField(_("page"), max_length=40, choices=Key.choices, unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences shown under the title and in search results.")
    )
    body = RichTextField(_("body"), blank=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["key"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(f"content:{self.key}")


class Principle(models.Model):
    """One of the party's platform principles, shown in order."""

    key = models.SlugField(
        _("identifier"), max_length=60, unique=True, help_text=_("Fixed name used by the site; do not change.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))

    class Meta:
        verbose_name = _("principle")
        verbose_name_plural = _("principles")
        ordering = ["order", "id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("content:principles") + f"#{self.key}"


class Section(models.Model):
    """The six content sections. The set is fixed in code; their words are editable."""

    class Key(models.TextChoices):
        NEWS = "news", _("News")
        CULTURE = "culture", _("Culture")
        ANALYSIS = "analysis", _("Analysis and research")
        STUDIES = "studies", _("Studies")
        ARTICLES = "articles", _("Articles")
        MEDIA = "media", _("Media")

    key = models.CharField(_("section"), max_length=20, choices=Key.choices, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=100)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["order", "id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("content:section", kwargs={"section": self.key})


class ConferenceQuerySet(models.QuerySet):
    def current(self):
        """The latest general conference already held: it elected the current secretariat."""
        return self.filter(held_on__lte=timezone.localdate()).order_by("-held_on").first()


class Conference(models.Model):
    """A general conference, held every four years, that elects the secretary-general, the
    deputy and the members of the General Secretariat for its term."""

    TERM_YEARS = 4

    name = models.CharField(_("name"), max_length=200, help_text=_("For example: the first general conference."))
    held_on = models.DateField(_("held on"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    objects = ConferenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("general conference")
        verbose_name_plural = _("general conferences")
        ordering = ["-held_on"]

    def __str__(self):
        return self.name

    @property
    def term_ends(self):
        try:
            return self.held_on.replace(year=self.held_on.year + self.TERM_YEARS)
        except ValueError:  # 29 February
            return self.held_on.replace(year=self.held_on.year + self.TERM_YEARS, day=28)

    @property
    def term_years(self):
        return f"{self.held_on.year}–{self.term_ends.year}"


class SecretariatMember(models.Model):
    class Role(models.TextChoices):
        SECRETARY_GENERAL = "secretary_general", _("Secretary-General")
        DEPUTY = "deputy", _("Deputy Secretary-General")
        MEMBER = "member", _("Member of the General Secretariat")

    ROLE_ORDER = {Role.SECRETARY_GENERAL: 0, Role.DEPUTY: 1, Role.MEMBER: 2}

    conference = models.ForeignKey(
        Conference, on_delete=models.CASCADE, related_name="members", verbose_name=_("elected by")
    )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    portfolio = models.CharField(_("portfolio"), max_length=200, blank=True)
    photo = models.ImageField(
        _("photo"),
        upload_to="secretariat/",
        blank=True,
        validators=[FileExtensionValidator(["jpg", "jpeg", "png", "webp"])],
    )
    bio = models.TextField(_("biography"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("secretariat member")
        verbose_name_plural = _("secretariat members")
        ordering = ["conference", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference"],
                condition=models.Q(role="secretary_general"),
                name="one_secretary_general_per_conference",
            )
        ]

    def __str__(self):
        return self.name

    @property
    def role_rank(self):
        return self.ROLE_ORDER.get(self.role, 9)
