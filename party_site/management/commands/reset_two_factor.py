"""Reset a staff member's lost second factor: `manage.py reset_two_factor <username>`.

Deletes the user's authenticator app, recovery codes and passkeys. At their next sign-in (with their
password) they are led to set up a new factor. Check who is asking before running it: this is what
stands between a stolen password and applicants' data.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp import devices_for_user

from party_site.two_factor import remove_second_factors


class Command(BaseCommand):
    help = "Remove every second factor (authenticator app, recovery codes, passkeys) of one staff member."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--dry-run", action="store_true", help="only say how many factors would be removed")

    def handle(self, username, dry_run=False, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user is called {username!r}.")
        if dry_run:
            count = len(list(devices_for_user(user, confirmed=None)))
            self.stdout.write(f"{username}: {count} second factor(s) would be removed.")
            return
        with transaction.atomic():
            removed = remove_second_factors(user)
        self.stdout.write(f"{username}: {removed} second factor(s) removed; a new one is set up at the next sign-in.")
