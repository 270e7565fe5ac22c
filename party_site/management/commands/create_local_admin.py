"""Create or reset a superuser for local development, so a newcomer can open the admin.

Refuses to run with DJANGO_DEBUG off: production accounts are made with createsuperuser.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create or reset the local superuser 'admin' (development only)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--password", default="admin")

    def handle(self, *args, username, password, **options):
        if not settings.DEBUG:
            raise CommandError("Only for local development (DJANGO_DEBUG=1). Use createsuperuser in production.")
        user, created = get_user_model().objects.get_or_create(username=username)
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
        verb = "Created" if created else "Reset"
        self.stdout.write(
            f"{verb} superuser '{username}' with password '{password}'. Admin: http://127.0.0.1:8000/{settings.ADMIN_URL}"
        )
