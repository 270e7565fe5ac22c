import functools
from urllib.parse import quote

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import FileExtensionValidator
from django.db import connection, models, transaction
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from party_site.dates import add_years
from party_site.pagecache import content_changed

from .documents import count_pdf_pages
from .fields import PrivateImageField, RandomName, RichTextField
from .renditions import refresh_renditions
from .review import ReviewMarks
from .sanitize import clean_html
from .search import document_values, document_vector, matching, plain_text, query_words, search_language
from .validators import parse_video_url, validate_image, validate_mp4, validate_pdf, validate_video_url


class ContentQuerySet(models.QuerySet):
    """The queryset of every model whose rows a public page shows. update() and bulk_create() send
    no save signal, so they bump the page cache's content version themselves (party_site/pagecache.py);
    save() and delete() do it through the signals. bulk_update() goes through update()."""

    def update(self, **kwargs):
        count = super().update(**kwargs)
        content_changed()  # update() sends no signal: the page cache must forget older pages
        return count

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        content_changed()
        return created


class SearchableQuerySet(ContentQuerySet):
    """update() skips save() and the fields' pre_save: here it still cleans rich text (as
    RichTextField.pre_save does) and keeps the search index current when searched text changes.
    The manager of every Searchable model."""

    def update(self, **kwargs):
        for name, value in kwargs.items():
            try:
                field = self.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if isinstance(field, RichTextField) and isinstance(value, str):
                kwargs[name] = clean_html(value)
        touched = any(name.split("_")[0] in self.model.SEARCHED_FIELDS for name in kwargs)
        pks = list(self.values_list("pk", flat=True)) if touched else []
        count = super().update(**kwargs)  # ContentQuerySet: the page cache forgets older pages
        if pks:
            SearchDocument.objects.index(*self.model.objects.filter(pk__in=pks))
        return count


class Searchable(models.Model):
    """What search finds: each item's SearchDocuments are written again on every save (and by
    SearchableQuerySet.update()). SEARCHED_FIELDS is the one declaration of what is searched: the
    title first, then the fields whose text makes the body (rich text is searched as plain text)."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        SearchDocument.objects.index(self)  # the index is part of the item; see content/search.py

    def searched_text(self):
        """(title, body text) in the active language, from SEARCHED_FIELDS."""
        title, *rest = self.SEARCHED_FIELDS
        parts = []
        for name in rest:
            value = getattr(self, name)
            if isinstance(self._meta.get_field(name), RichTextField):
                value = plain_text(value)
            if value:
                parts.append(value)
        return getattr(self, title), " ".join(parts)


def _save_with_renditions(instance, save, args, kwargs):
    """Save a model with images, its renditions worked out first (content/renditions.py), so that
    no page ever has to look them up."""
    changed = refresh_renditions(instance)
    if changed and kwargs.get("update_fields") is not None:
        kwargs["update_fields"] = {*kwargs["update_fields"], *changed}
    save(*args, **kwargs)


class Texts(dict):
    """The fixed texts by key, in the active language; `fallback` holds the keys whose text is the
    Arabic, shown for want of a translation (`{% fallback_lang texts "hero" %}` marks it)."""

    def __init__(self, texts, fallback):
        super().__init__(texts)
        self.fallback = fallback


class TextBlockQuerySet(ContentQuerySet):
    def texts(self, *keys):
        """The fixed texts by key; a missing one is an empty string, never an error.

        An untranslated text falls back to the Arabic, except a label the templates have a
        translated default for (TextBlock.INTERFACE_DEFAULTS): a Kurdish page's button then reads
        «داواکاریی ئەندامبوون» from the catalogue rather than «طلب انضمام»."""
        language = _text_language()
        columns = {"key", f"text_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}", f"text_{language}"}
        return texts_from(self.filter(key__in=keys).values(*columns), keys)


def _text_language():
    language = get_language()
    return language if language in settings.MODELTRANSLATION_LANGUAGES else settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def texts_from(rows, keys):
    """The fixed texts by key (TextBlockQuerySet.texts()) from rows of their columns: dicts with the
    key and the text in Arabic and in the active language."""
    default, language = settings.MODELTRANSLATION_DEFAULT_LANGUAGE, _text_language()
    texts, fallback = {}, set()
    for row in rows:
        key, arabic, own = row["key"], row[f"text_{default}"], row[f"text_{language}"]
        if own:
            texts[key] = own
        elif arabic and key not in TextBlock.INTERFACE_DEFAULTS:
            texts[key] = arabic
            fallback.add(key)
    return Texts({key: texts.get(key, "") for key in keys}, fallback)


class TextBlock(ReviewMarks, models.Model):
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

    # Labels the templates have a translated default for: never shown in Arabic on another language's page.
    INTERFACE_DEFAULTS = {Key.JOIN_BUTTON, Key.SECRETARIAT_CTA}

    objects = TextBlockQuerySet.as_manager()

    class Meta:
        verbose_name = _("fixed text")
        verbose_name_plural = _("fixed texts")
        ordering = ["key"]

    def __str__(self):
        return self.get_key_display()


class HomePhotoQuerySet(ContentQuerySet):
    def current(self):
        """The photograph the home page shows: the latest one saved (None when there is none)."""
        return self.current_queryset().first()

    def current_queryset(self):
        """current() as a QuerySet of at most one photograph."""
        return self.order_by("-id")[:1]


class HomePhoto(models.Model):
    """The photograph behind the home page's introduction (the hero), chosen by staff.

    The newest one is shown; the site darkens it so the white text on it keeps its contrast, and
    serves it as WebP at several widths (worked out on save, like every image)."""

    image = PrivateImageField(
        _("photograph"),
        upload_to=RandomName("home/"),
        width_field="width",
        height_field="height",
        validators=[FileExtensionValidator(["jpg", "jpeg", "png", "webp"]), validate_image],
        help_text=_(
            "A wide, calm photograph, at least 1600 pixels wide. The site darkens it so that the text"
            " on it stays easy to read. The newest photograph is the one shown."
        ),
    )
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    renditions = models.JSONField(default=dict, blank=True, editable=False)
    note = models.CharField(
        _("note for staff"),
        max_length=200,
        blank=True,
        help_text=_("Where and when it was taken; not shown on the site."),
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    RENDITIONS = {"image": ("renditions", "width", ("hero",))}

    objects = HomePhotoQuerySet.as_manager()

    class Meta:
        verbose_name = _("home page photograph")
        verbose_name_plural = _("home page photographs")
        ordering = ["-id"]

    def __str__(self):
        return self.note or self.image.name.rsplit("/", 1)[-1]

    def save(self, *args, **kwargs):
        _save_with_renditions(self, super().save, args, kwargs)


class Page(ReviewMarks, Searchable):
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

    SEARCHED_FIELDS = ("title", "summary", "body")
    objects = SearchableQuerySet.as_manager()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["key"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(f"content:{self.key}")


class Principle(ReviewMarks, Searchable):
    """One of the party's platform principles, shown in order."""

    key = models.SlugField(
        _("identifier"), max_length=60, unique=True, help_text=_("Fixed name used by the site; do not change.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))

    SEARCHED_FIELDS = ("title", "body")
    objects = SearchableQuerySet.as_manager()

    class Meta:
        verbose_name = _("principle")
        verbose_name_plural = _("principles")
        ordering = ["order", "id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("content:principles") + f"#{self.key}"


class Section(ReviewMarks, models.Model):
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

    objects = ContentQuerySet.as_manager()

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["order", "id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return section_path(self.key)

    @property
    def own_title(self):
        """The section's name in the active language and no other, for running text («All of …»):
        its title in that language, else the interface's name for the section. The title alone
        falls back to Arabic, which would put an Arabic word inside a Kurdish or English sentence."""
        return getattr(self, f"title_{get_language()}", None) or self.get_key_display()


def section_path(key):
    """A section's address in the active language. Reversed once per section and language: lists
    build dozens of post addresses on every page."""
    return _section_path(key, get_language(), get_script_prefix(), get_urlconf())


@functools.lru_cache(maxsize=128)
def _section_path(key, language, script_prefix, urlconf):
    return reverse("content:section", kwargs={"section": key})


class ConferenceQuerySet(ContentQuerySet):
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
        return add_years(self.held_on, self.TERM_YEARS)

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
    photo = PrivateImageField(
        _("photo"),
        upload_to=RandomName("secretariat/"),
        blank=True,
        validators=[FileExtensionValidator(["jpg", "jpeg", "png", "webp"]), validate_image],
    )
    photo_renditions = models.JSONField(default=dict, blank=True, editable=False)
    bio = models.TextField(_("biography"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    RENDITIONS = {"photo": ("photo_renditions", None, ("person",))}

    objects = ContentQuerySet.as_manager()

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

    def save(self, *args, **kwargs):
        _save_with_renditions(self, super().save, args, kwargs)

    @property
    def role_rank(self):
        return self.ROLE_ORDER.get(self.role, 9)


# --- Posts: what staff publish in the six sections.

# slugify() drops these; a hyphen keeps "2020–2024" from becoming "20202024".
DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))


class PostQuerySet(SearchableQuerySet):
    def published(self, at=None):
        """The one definition of "published": marked published and its time has come (now, or at
        the moment `at`).

        A post whose publication time is in the future is scheduled: it appears by itself when
        the time passes, with no job to run.
        """
        return self.filter(status=Post.Status.PUBLISHED, published_at__lte=at or timezone.now())

    def next_publication(self):
        """When the next scheduled post appears (None if none is waiting): no cached page may
        outlive it (party_site/pagecache.py)."""
        upcoming = self.filter(status=Post.Status.PUBLISHED, published_at__gt=timezone.now())
        return upcoming.order_by("published_at").values_list("published_at", flat=True).first()


class Post(Searchable):
    """A piece published in one of the six sections: news, an article, a study, a gallery…"""

    class Status(models.TextChoices):
        # How a post moves is content/workflow.py; "published" here and a publication time that
        # has come is what Post.objects.published() means by published.
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "review", _("Awaiting review")
        SENT_BACK = "sent_back", _("Sent back to the writer")
        PUBLISHED = "published", _("Published")

    SEARCHED_FIELDS = ("title", "summary", "body", "author")

    section = models.ForeignKey(
        Section,
        to_field="key",
        on_delete=models.PROTECT,
        related_name="posts",
        verbose_name=_("section"),
    )
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(
        _("address (slug)"),
        max_length=120,
        allow_unicode=True,
        blank=True,
        help_text=_("The last part of the address. Left empty, it is made from the Arabic title."),
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences shown in lists, search results and shares.")
    )
    body = RichTextField(_("text"), blank=True)
    cover_image = PrivateImageField(
        _("cover image"),
        upload_to=RandomName("posts/covers/%Y/%m/"),
        blank=True,
        width_field="cover_width",
        height_field="cover_height",
        validators=[FileExtensionValidator(["jpg", "jpeg", "png", "webp", "gif"]), validate_image],
    )
    cover_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_renditions = models.JSONField(default=dict, blank=True, editable=False)
    cover_alt = models.CharField(
        _("cover image description"),
        max_length=250,
        blank=True,
        help_text=_("What the picture shows, for people who cannot see it."),
    )
    author = models.CharField(_("author"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("publication time"),
        default=timezone.now,
        db_index=True,
        help_text=_("A time in the future schedules the post: it appears by itself at that time."),
    )
    featured = models.BooleanField(
        _("featured"),
        default=False,
        help_text=_("Shown first in its section; the latest featured post also leads the home page."),
    )
    video_url = models.URLField(
        _("video link"),
        blank=True,
        validators=[validate_video_url],
        help_text=_("A YouTube or Vimeo address. Visitors' browsers contact that site only when they press play."),
    )
    video_file = models.FileField(
        _("video file (MP4)"),
        upload_to=RandomName("posts/videos/%Y/%m/"),
        blank=True,
        validators=[FileExtensionValidator(["mp4"]), validate_mp4],
    )
    video_poster = PrivateImageField(
        _("video poster image"),
        upload_to=RandomName("posts/posters/%Y/%m/"),
        blank=True,
        width_field="poster_width",
        height_field="poster_height",
        validators=[FileExtensionValidator(["jpg", "jpeg", "png", "webp", "gif"]), validate_image],
        help_text=_("Shown before the video plays. Without one, a plain placeholder is shown."),
    )
    poster_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    poster_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    poster_renditions = models.JSONField(default=dict, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("writer"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = PostQuerySet.as_manager()

    # Each image, where its renditions are kept, its width, and the presets its pages show.
    RENDITIONS = {
        "cover_image": ("cover_renditions", "cover_width", ("card", "cover", "share")),
        "video_poster": ("poster_renditions", "poster_width", ("poster", "card")),
    }

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["-published_at", "-id"]
        permissions = [("publish_post", _("Can publish, schedule and send back posts"))]
        indexes = [models.Index(fields=["section", "status", "-published_at"], name="post_section_listing")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            title = (self.title_ar or self.title or "").translate(DASHES)  # "2020–2024" stays 2020-2024
            self.slug = slugify(title, allow_unicode=True)[:120].strip("-") or "post"
        _save_with_renditions(self, super().save, args, kwargs)

    def get_absolute_url(self):
        # What reverse("content:post", …) gives, built on the section's address: section_id is the
        # section's key (to_field="key"), so it needs no query; the slug is quoted as reverse() does.
        return f"{section_path(self.section_id)}{self.pk}/{quote(self.slug, safe=RFC3986_SUBDELIMS + '/~:@')}/"

    @property
    def section_url(self):
        return section_path(self.section_id)

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED and self.published_at <= timezone.now()

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and self.published_at > timezone.now()

    @property
    def video(self):
        """('youtube'|'vimeo', id) for a linked video, or None."""
        return parse_video_url(self.video_url)

    @property
    def has_video(self):
        return bool(self.video_url or self.video_file)

    @property
    def reading_minutes(self):
        words = len(strip_tags(self.body or "").split())
        return max(1, round(words / 200))


class ReviewStep(models.Model):
    """One step of a post's review (content/workflow.py): who took it, when, and what they wrote."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted for review")
        SENT_BACK = "sent_back", _("Sent back to the writer")
        PUBLISHED = "published", _("Published")
        SCHEDULED = "scheduled", _("Scheduled")
        UNPUBLISHED = "unpublished", _("Returned to draft")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="review_steps", verbose_name=_("post"))
    action = models.CharField(_("step"), max_length=12, choices=Action.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True)
    publish_at = models.DateTimeField(_("publication time"), null=True, blank=True)

    objects = ContentQuerySet.as_manager()

    class Meta:
        verbose_name = _("review step")
        verbose_name_plural = _("review steps")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["post", "-at"], name="review_step_post")]

    def __str__(self):
        return f"{self.get_action_display()} ({self.post_id})"


class Photo(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="photos", verbose_name=_("post"))
    image = PrivateImageField(
        _("photo"),
        upload_to=RandomName("posts/photos/%Y/%m/"),
        width_field="width",
        height_field="height",
        validators=[FileExtensionValidator(["jpg", "jpeg", "png", "webp", "gif"]), validate_image],
    )
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    renditions = models.JSONField(default=dict, blank=True, editable=False)
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    alt = models.CharField(
        _("description"), max_length=250, blank=True, help_text=_("What the photo shows, if the caption does not say.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = ContentQuerySet.as_manager()

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photo gallery")
        ordering = ["order", "id"]

    RENDITIONS = {"image": ("renditions", "width", ("gallery", "full"))}

    def __str__(self):
        return self.caption or self.image.name.rsplit("/", 1)[-1]

    def save(self, *args, **kwargs):
        _save_with_renditions(self, super().save, args, kwargs)


class Attachment(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("post"))
    title = models.CharField(_("title"), max_length=250)
    file = models.FileField(
        _("PDF file"),
        upload_to=RandomName("posts/files/%Y/%m/"),
        validators=[FileExtensionValidator(["pdf"]), validate_pdf],
    )
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    pages = models.PositiveIntegerField(_("number of pages"), null=True, blank=True, editable=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = ContentQuerySet.as_manager()

    class Meta:
        verbose_name = _("attachment (PDF report)")
        verbose_name_plural = _("attachments (PDF reports)")
        ordering = ["order", "id"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file and (not self.file._committed or not self.size or self.pages is None):
            # stored, so that a page never opens the files: the size, and the page count if it can be read
            self.size = self.file.size
            self.pages = count_pdf_pages(self.file)
        super().save(*args, **kwargs)


class Chart(models.Model):
    """A chart drawn on the server as SVG from the numbers staff enter, with its data table."""

    class Kind(models.TextChoices):
        BAR = "bar", _("Bars")
        LINE = "line", _("Lines")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="charts", verbose_name=_("post"))
    title = models.CharField(_("title"), max_length=250)
    kind = models.CharField(_("kind of chart"), max_length=8, choices=Kind.choices, default=Kind.BAR)
    labels = models.TextField(
        _("labels"), help_text=_("One label per line: the categories or years along the axis, in order.")
    )
    series_names = models.TextField(
        _("series names"), help_text=_("One name per line: what each row of numbers measures.")
    )
    values = models.TextField(
        _("numbers"),
        help_text=_(
            "One line per series, in the order of the names; on each line one number per label, "
            "separated by commas. Eastern Arabic digits are accepted."
        ),
    )
    unit = models.CharField(_("unit"), max_length=60, blank=True, help_text=_("For example: %, thousand people."))
    source = models.CharField(_("source"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = ContentQuerySet.as_manager()

    class Meta:
        verbose_name = _("chart")
        verbose_name_plural = _("charts")
        ordering = ["order", "id"]

    def __str__(self):
        return self.title

    def clean(self):
        from .charts import chart_errors

        errors = chart_errors(self)
        if errors:
            raise ValidationError(errors)

    def get_csv_url(self):
        return reverse(
            "content:chart-csv", kwargs={"section": self.post.section_id, "pk": self.post_id, "chart": self.pk}
        )


class SearchDocumentQuerySet(models.QuerySet):
    def index(self, *items):
        """Write each item's search documents again (one per language) from its current text."""
        for item in items:
            source = {item._meta.model_name: item}  # the foreign key: post, page or principle
            documents = []
            for language in settings.MODELTRANSLATION_LANGUAGES:
                with translation.override(language):
                    title, body = item.searched_text()
                documents.append(SearchDocument(language=language, **document_values(title, body), **source))
            with transaction.atomic():
                self.filter(**source).delete()
                self.bulk_create(documents)
                if connection.vendor == "postgresql":
                    self.filter(**source).update(search_vector=document_vector())

    def rebuild(self):
        """Index every post, page and principle again; returns how many items were indexed."""
        count = 0
        for model in (Post, Page, Principle):
            for item in model.objects.all():
                self.index(item)
                count += 1
        return count

    def search(self, query, language=None):
        """The documents matching every word of the query, best first, in the given (or active) language.

        Only published posts are found (Post.objects.published(), the one definition).
        """
        groups = query_words(query)
        if not groups:
            return self.none()
        documents = (
            self.filter(language=search_language(language))
            .filter(models.Q(post__isnull=True) | models.Q(post__in=Post.objects.published().values("pk")))
            .select_related("post__section", "page", "principle")
            .defer("search_title", "search_body", "search_vector")
        )
        return matching(documents, groups)


class SearchDocument(models.Model):
    """What search looks through: one row per searchable item and language.

    `search_title` and `search_body` hold the normalised, clitic-stripped words padded with
    spaces (searched token by token on SQLite); on PostgreSQL `search_vector` holds the same
    words as a tsvector (`simple` configuration) with a GIN index (migration 0003).
    """

    language = models.CharField(max_length=8)
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    page = models.ForeignKey(Page, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    principle = models.ForeignKey(Principle, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    title = models.TextField()
    text = models.TextField()
    search_title = models.TextField()
    search_body = models.TextField()
    search_vector = SearchVectorField(null=True, editable=False)

    objects = SearchDocumentQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(post__isnull=False, page__isnull=True, principle__isnull=True)
                    | models.Q(post__isnull=True, page__isnull=False, principle__isnull=True)
                    | models.Q(post__isnull=True, page__isnull=True, principle__isnull=False)
                ),
                name="search_document_has_one_source",
            )
        ]
        indexes = [models.Index(fields=["language"], name="search_document_language")]

    def __str__(self):
        return self.title

    @property
    def source(self):
        return self.post or self.page or self.principle
