"""Delete rejected and withdrawn applications decided more than N days ago, with every row that
mentions them (history, e-mails, admin log entries). Run it daily from cron.

    manage.py purge_applications                 # N = MEMBERSHIP_RETENTION_DAYS (default 180)
    manage.py purge_applications --days 90 --dry-run
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from membership.models import Application
from party_site.erasure import erase_all


class Command(BaseCommand):
    help = "Delete rejected and withdrawn applications older than the retention period, leaving no copy."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep decisions younger than this many days (default: MEMBERSHIP_RETENTION_DAYS).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.MEMBERSHIP_RETENTION_DAYS if days is None else days
        if days < 0:
            raise CommandError("--days cannot be negative.")
        due = Application.objects.due_for_purge(days)
        if dry_run:
            self.stdout.write(f"{due.count()} application(s) decided more than {days} days ago would be deleted.")
            return
        deleted = erase_all(due)
        self.stdout.write(f"Deleted {deleted} application(s) decided more than {days} days ago.")
