"""Retry the e-mails that could not be sent (run it from cron, e.g. every 10 minutes)."""

from django.core.management.base import BaseCommand

from party_site.notifications import MAX_ATTEMPTS, claimable, deliver_pending


class Command(BaseCommand):
    help = f"Send the e-mails waiting, failed before (at most {MAX_ATTEMPTS} attempts) or abandoned mid-send."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what is waiting.")

    def handle(self, *args, dry_run=False, **options):
        if dry_run:
            waiting = claimable().count()
            self.stdout.write(f"{waiting} e-mail(s) waiting.")
            return
        sent, failed = deliver_pending()
        self.stdout.write(f"Sent {sent}, still failing {failed}.")
