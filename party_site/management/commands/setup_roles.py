"""Create the staff groups (content editors, membership officers, feedback team…) with exactly
the permissions each app's roles.py declares. Safe to run again: it resets those permissions."""

from django.core.management.base import BaseCommand
from django.db import transaction

from party_site.roles import setup_roles


class Command(BaseCommand):
    help = "Create or update the staff groups and their permissions."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, dry_run=False, **options):
        with transaction.atomic():
            result = setup_roles()
            if dry_run:
                transaction.set_rollback(True)
        for name, count in result.items():
            self.stdout.write(f"{name}: {count} permission(s)")
