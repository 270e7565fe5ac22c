"""Write the search index again for every post, page and principle.

Saving an item in the admin keeps its entry current; run this after importing content with
raw SQL or QuerySet.update() outside the Post manager, or after changing how text is normalised.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from content.models import Page, Post, Principle, SearchDocument


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be indexed.")

    def handle(self, *args, dry_run=False, **options):
        if dry_run:
            total = Post.objects.count() + Page.objects.count() + Principle.objects.count()
            self.stdout.write(f"Would index {total} items.")
            return
        with transaction.atomic():
            count = SearchDocument.objects.rebuild()
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} items."))
