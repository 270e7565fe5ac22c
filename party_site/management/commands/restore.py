"""Restore an archive made by `manage.py backup` into an empty database and upload storage
(`make restore ARCHIVE=…`). Runs `migrate` first, so a new, empty database is enough."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from party_site.backup import BackupError, read_manifest, restore_backup


class Command(BaseCommand):
    help = "Restore a backup archive (needs BACKUP_KEY) into an empty database and storage."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--force", action="store_true", help="empty a database that has data, and replace files of the same names"
        )
        parser.add_argument(
            "--check", action="store_true", help="only check that the archive opens; print what it holds"
        )

    def handle(self, *args, archive, force=False, check=False, **options):
        try:
            if check:
                manifest = read_manifest(archive, settings.BACKUP_KEY)
            else:
                call_command("migrate", interactive=False, verbosity=0)
                manifest = restore_backup(archive, settings.BACKUP_KEY, force=force, log=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from None
        except FileNotFoundError:
            raise CommandError(f"No archive at {archive}.") from None
        rows = sum(manifest["counts"].values())
        verb = "holds" if check else "restored:"
        self.stdout.write(
            f"{archive} {verb} {rows} rows and {manifest['files']} files "
            f"({manifest['database']} backup of {manifest['created']})."
        )
