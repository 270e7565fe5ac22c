"""Compile every .po file of the project to .mo with polib.

Django's own compilemessages needs GNU gettext's msgfmt, which a fresh machine may lack;
`make run` must work with Python alone, so setup uses this instead.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile the project's .po translation files to .mo (no gettext needed)."

    def handle(self, *args, **options):
        base = Path(settings.BASE_DIR)
        count = 0
        for po_path in sorted(base.glob("*/locale/*/LC_MESSAGES/*.po")) + sorted(
            base.glob("locale/*/LC_MESSAGES/*.po")
        ):
            if ".venv" in po_path.parts:
                continue
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            count += 1
        self.stdout.write(f"Compiled {count} translation file(s).")
