"""Delete versions of edited content older than CONTENT_VERSIONS_KEEP_DAYS, keeping the newest
CONTENT_VERSIONS_KEEP_MIN of every item (content/revisions.py). Run it daily.

    manage.py prune_versions
    manage.py prune_versions --dry-run
"""

from django.core.management.base import BaseCommand

from content.revisions import prune_versions


class Command(BaseCommand):
    help = "Delete old versions of posts, pages and the rest, as the retention settings say."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, dry_run=False, **options):
        count = prune_versions(dry_run=dry_run)
        self.stdout.write(f"{count} old version(s) {'would be' if dry_run else 'were'} deleted.")
