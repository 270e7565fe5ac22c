"""Versions of what staff edit, kept by django-reversion: who saved, when, with an optional comment.

- `register_models()` (from ContentConfig.ready) puts posts (with their photos, reports and
  charts), pages, principles, fixed texts, sections and secretariat members under version control.
  The admin saves inside a revision (content/admin.py `VersionedAdmin`), so does every workflow
  step (content/workflow.py).
- `compare(old, new)` is what the admin's diff shows: per language, field by field, rich text
  compared as text, word by word.
- `restore(version, by)` brings an earlier version back as a new version, through the model's own
  save(), so the search index and the renditions follow, and the page cache forgets older pages.
- `prune_versions()` deletes versions older than CONTENT_VERSIONS_KEEP_DAYS, keeping the newest
  CONTENT_VERSIONS_KEEP_MIN of every item (`manage.py prune_versions`, daily).
"""

import difflib
import re
from dataclasses import dataclass, field
from datetime import timedelta

import reversion
from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from modeltranslation.translator import NotRegistered, translator
from reversion.models import Revision, Version

from party_site.pagecache import content_changed

from .fields import RichTextField
from .search import plain_text

# Each versioned model and the related items saved (and restored) with it.
FOLLOW = {
    "Post": ("photos", "attachments", "charts"),
    "Photo": (),
    "Attachment": (),
    "Chart": (),
    "Page": (),
    "Principle": (),
    "TextBlock": (),
    "Section": (),
    "SecretariatMember": (),
}
# What a version need not show: bookkeeping that changes on every save or is worked out from an upload.
HIDDEN_FIELDS = {"id", "created_at", "updated_at", "created_by"}
# What a restore leaves as it is now: whether and when a post is published is the review's to
# decide (content/workflow.py), and the writer stays the writer.
KEPT_ON_RESTORE = ("status", "published_at", "created_by")


def register_models():
    from django.apps import apps

    for name, follow in FOLLOW.items():
        model = apps.get_model("content", name)
        if not reversion.is_registered(model):
            reversion.register(model, follow=follow)


def ensure_first_version(obj, comment=""):
    """Items that existed before versions were kept (the party's seed text) get their current
    state recorded as a first version before they are first changed, so it can be restored."""
    if not reversion.is_registered(type(obj)):
        return
    if obj.pk and not Version.objects.get_for_object(obj).exists():
        with reversion.create_revision(manage_manually=True):
            reversion.add_to_revision(obj)
            reversion.set_comment(comment or _("State before the first recorded change"))


def versions_of(obj):
    newest_first = ("-revision__date_created", "-pk")
    return Version.objects.get_for_object(obj).select_related("revision__user").order_by(*newest_first)


# --- The diff


@dataclass
class FieldChange:
    label: str
    old: str
    new: str
    html: str


@dataclass
class LanguageChanges:
    code: str
    name: str
    changes: list = field(default_factory=list)


def _as_text(model_field, value):
    if value in (None, ""):
        return ""
    if isinstance(model_field, RichTextField):
        return plain_text(value)
    if isinstance(model_field, models.FileField):
        return str(value).rsplit("/", 1)[-1]
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.DateTimeField):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(model_field, models.BooleanField):
        return _("Yes") if value else _("No")
    return str(value)


def word_diff(old: str, new: str) -> str:
    """The two texts compared word by word: removed words in <del>, added words in <ins>."""
    old_words, new_words = re.findall(r"\S+|\s+", old), re.findall(r"\S+|\s+", new)
    parts = []
    for tag, a1, a2, b1, b2 in difflib.SequenceMatcher(None, old_words, new_words, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append(escape("".join(old_words[a1:a2])))
            continue
        if a2 > a1:
            parts.append(format_html("<del>{}</del>", "".join(old_words[a1:a2])))
        if b2 > b1:
            parts.append(format_html("<ins>{}</ins>", "".join(new_words[b1:b2])))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above


def compare(model, old: dict, new: dict) -> list[LanguageChanges]:
    """What changed between two versions' field values (`Version.field_dict`), grouped by language:
    the translated fields under each language, the others under "every language"."""
    try:
        translated = translator.get_options_for_model(model).all_fields
    except NotRegistered:
        translated = {}
    languages = dict(settings.LANGUAGES)
    groups = {code: LanguageChanges(code, languages.get(code, code)) for code in settings.MODELTRANSLATION_LANGUAGES}
    shared = LanguageChanges("", _("Every language"))
    by_language = {f.name: f.language for fields in translated.values() for f in fields}
    for model_field in model._meta.concrete_fields:
        name = model_field.name
        if name in HIDDEN_FIELDS or name in translated or not model_field.editable:
            continue
        old_text = _as_text(model_field, old.get(model_field.attname))
        new_text = _as_text(model_field, new.get(model_field.attname))
        if old_text == new_text:
            continue
        label = str(getattr(model_field, "translated_field", model_field).verbose_name)  # no "[ar]": grouped
        change = FieldChange(label, old_text, new_text, word_diff(old_text, new_text))
        language = by_language.get(name)
        groups.get(language, shared).changes.append(change)
    return [group for group in (*groups.values(), shared) if group.changes]


def compare_versions(older: Version, newer: Version) -> list[LanguageChanges]:
    """compare() of two versions of one item, plus, for a post, the photos, reports and charts saved
    with each (their number, and what each is called), under "every language"."""
    model = older._model
    groups = compare(model, older.field_dict, newer.field_dict)
    shared = [LanguageChanges("", _("Every language"))]
    if groups and groups[-1].code == "":
        shared = groups[-1:]
        groups = groups[:-1]
    for relation in FOLLOW.get(model.__name__, ()):
        descriptor = getattr(model, relation)
        related, fk_name = descriptor.rel.related_model, descriptor.rel.field.attname
        old_text, new_text = (_related_summary(version, related, fk_name) for version in (older, newer))
        if old_text != new_text:
            label = str(related._meta.verbose_name_plural)
            shared[0].changes.append(FieldChange(label, old_text, new_text, word_diff(old_text, new_text)))
    return [*groups, *(group for group in shared if group.changes)]


def _related_summary(version, related, fk_name):
    items = [
        other
        for other in version.revision.version_set.get_for_model(related)
        if str(other.field_dict.get(fk_name)) == str(version.object_id)
    ]
    names = sorted(other.object_repr for other in items)
    return f"{len(items)}: " + "، ".join(names) if items else "0"


# --- Restore


def restore(version: Version, by, comment: str = "") -> Revision | None:
    """Bring back the item as it was in `version` (for a post, with its photos, reports and charts
    as they were), as a new version by `by`. Returns the new revision."""
    model = version._model
    with transaction.atomic(), reversion.create_revision():
        current = model._default_manager.filter(pk=version.object_id).first()
        version.revert()
        obj = model._default_manager.get(pk=version.object_id)
        for name in KEPT_ON_RESTORE:
            if current is not None and hasattr(current, name):
                setattr(obj, name, getattr(current, name))
        kept = _revert_followed(obj, version)
        for relation in FOLLOW.get(model.__name__, ()):
            getattr(obj, relation).exclude(pk__in=kept.get(relation, ())).delete()
        obj.save()  # the model's own save: slug, renditions, the search index (Searchable)
        reversion.set_user(by)
        when = timezone.localtime(version.revision.date_created).strftime("%Y-%m-%d %H:%M")
        reversion.set_comment(
            _("Restored the version of %(when)s") % {"when": when} + (f": {comment}" if comment else "")
        )
    content_changed()
    return Version.objects.get_for_object(obj).first().revision


def _revert_followed(obj, version):
    """Revert the related items saved with the version; return their ids by relation."""
    kept = {}
    for relation in FOLLOW.get(type(obj).__name__, ()):
        related = getattr(type(obj), relation).rel.related_model
        fk_name = getattr(type(obj), relation).rel.field.attname
        for other in version.revision.version_set.get_for_model(related):
            if str(other.field_dict.get(fk_name)) == str(obj.pk):
                other.revert()
                kept.setdefault(relation, []).append(other.object_id)
    return kept


# --- Retention


def prune_versions(now=None, dry_run=False) -> int:
    """Delete versions older than CONTENT_VERSIONS_KEEP_DAYS, except the newest
    CONTENT_VERSIONS_KEEP_MIN of each item; then revisions left with no version. Returns how
    many versions were (or, with dry_run, would be) deleted."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.CONTENT_VERSIONS_KEEP_DAYS)
    ranked = Version.objects.annotate(
        newest=Window(
            RowNumber(),
            partition_by=[F("content_type_id"), F("object_id")],
            order_by=[F("revision__date_created").desc(), F("pk").desc()],
        )
    ).values("pk", "newest", "revision__date_created")
    doomed = [
        row["pk"]
        for row in ranked
        if row["newest"] > settings.CONTENT_VERSIONS_KEEP_MIN and row["revision__date_created"] < cutoff
    ]
    if not dry_run and doomed:
        with transaction.atomic():
            for start in range(0, len(doomed), 500):
                Version.objects.filter(pk__in=doomed[start : start + 500]).delete()
            Revision.objects.filter(version__isnull=True).delete()
    return len(doomed)
