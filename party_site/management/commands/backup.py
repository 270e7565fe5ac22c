"""Write an encrypted archive of the database and the uploads into BACKUP_DIR (`make backup`)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from party_site.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the database and the uploads into one archive encrypted with BACKUP_KEY."

    def add_arguments(self, parser):
        parser.add_argument("--dir", help="where to write it (default BACKUP_DIR)")

    def handle(self, *args, dir=None, **options):
        try:
            path = create_backup(dir or settings.BACKUP_DIR, settings.BACKUP_KEY)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(str(path))
