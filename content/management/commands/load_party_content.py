"""Load the party's own text (content/seed/) into an empty or partly filled database.

Idempotent: each item is created only when no item with its key exists, so a second run
changes nothing and never overwrites what staff have edited since. Items staff deleted are
created again: delete is not the way to hide a fixed page (edit its text instead).

An item that already exists gets a translation the seed has (English, Kurdish) only where that
language is still wholly empty on it: a database loaded before the Kurdish text was written gets
it on the next run (deploys run this command), while a language staff have started is left alone.
Every English and Kurdish text the loader writes comes marked "needs review" (content/review.py).
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from content.models import Page, Principle, Section, TextBlock
from content.review import review_field
from content.seed import party_content as seed
from content.seed import party_content_ckb as seed_ckb

TRANSLATIONS = ("en", "ckb")


def seed_items():
    """(kind, model, key, fields) for every item of the party's text, in the seed's order."""
    for key, (text_ar, text_en) in seed.TEXT_BLOCKS.items():
        yield "texts", TextBlock, key, {"text_ar": text_ar, "text_en": text_en, "text_ckb": seed_ckb.TEXT_BLOCKS[key]}
    for key, title_ar, summary_ar, body_ar, title_en, summary_en, body_en in seed.PAGES:
        title_ckb, summary_ckb, body_ckb = seed_ckb.PAGES[key]
        yield (
            "pages",
            Page,
            key,
            {
                **{"title_ar": title_ar, "summary_ar": summary_ar, "body_ar": body_ar},
                **{"title_en": title_en, "summary_en": summary_en, "body_en": body_en},
                **{"title_ckb": title_ckb, "summary_ckb": summary_ckb, "body_ckb": body_ckb},
            },
        )
    for order, (key, title_ar, body_ar, title_en, body_en) in enumerate(seed.PRINCIPLES, start=1):
        title_ckb, body_ckb = seed_ckb.PRINCIPLES[key]
        yield (
            "principles",
            Principle,
            key,
            {
                **{"order": order, "title_ar": title_ar, "body_ar": body_ar},
                **{"title_en": title_en, "body_en": body_en},
                **{"title_ckb": title_ckb, "body_ckb": body_ckb},
            },
        )
    for order, (key, title_ar, description_ar, title_en, description_en) in enumerate(seed.SECTIONS, start=1):
        title_ckb, description_ckb = seed_ckb.SECTIONS[key]
        yield (
            "sections",
            Section,
            key,
            {
                **{"order": order, "title_ar": title_ar, "description_ar": description_ar},
                **{"title_en": title_en, "description_en": description_en},
                **{"title_ckb": title_ckb, "description_ckb": description_ckb},
            },
        )


def language_fields(fields, language):
    return {name: value for name, value in fields.items() if name.endswith(f"_{language}")}


def fill_missing_translations(item, fields):
    """Give `item` each seed translation whose language is empty on it; return the languages filled."""
    filled = []
    for language in TRANSLATIONS:
        wanted = language_fields(fields, language)
        if wanted and not any(getattr(item, name) for name in wanted):
            for name, value in wanted.items():
                setattr(item, name, value)
            setattr(item, review_field(language), True)  # our translation: a native speaker should read it
            filled.append(language)
    if filled:
        item.save()
    return filled


def load_party_content():
    """Create what is missing; return how many items of each kind were created or given a translation."""
    created = {"texts": 0, "pages": 0, "principles": 0, "sections": 0, "translations": 0}
    for kind, model, key, fields in seed_items():
        marks = {review_field(language): True for language in TRANSLATIONS}
        item, new = model.objects.get_or_create(key=key, defaults={**fields, **marks})
        created[kind] += new
        if not new:
            created["translations"] += len(fill_missing_translations(item, fields))
    return created


class Command(BaseCommand):
    help = "Load the party's own text; creates only what is missing and never overwrites edits."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Report what would be created, change nothing.")

    def handle(self, *args, dry_run=False, **options):
        with transaction.atomic():
            created = load_party_content()
            if dry_run:
                transaction.set_rollback(True)
        summary = ", ".join(f"{count} {kind}" for kind, count in created.items())
        prefix = "Would create" if dry_run else "Created"
        self.stdout.write(f"{prefix}: {summary}.")
