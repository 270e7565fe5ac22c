"""Erase one applicant on their request: their application(s) and every row that mentions them
(history, e-mails, admin log entries). Nothing about them is printed.

    manage.py erase_applicant --reference 482-913-057
    manage.py erase_applicant --phone "0770 123 4567"     # every application from that number
    manage.py erase_applicant --reference 482913057 --dry-run
"""

import re

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from membership.models import Application
from membership.workflow import erase_application
from party_site.phone import normalize_iraqi_mobile
from party_site.text import to_western_digits


class Command(BaseCommand):
    help = "Erase one applicant's application(s) by reference or phone number, leaving no copy."

    def add_arguments(self, parser):
        parser.add_argument("--reference", help="The application's reference (dashes and spaces are ignored).")
        parser.add_argument("--phone", help="The applicant's mobile number, in any form the join form accepts.")
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be erased.")

    def handle(self, *args, reference=None, phone=None, dry_run=False, **options):
        if bool(reference) == bool(phone):
            raise CommandError("Give either --reference or --phone.")
        if reference:
            applications = Application.objects.filter(reference=re.sub(r"\D", "", to_western_digits(reference)))
        else:
            try:
                number = normalize_iraqi_mobile(phone)
            except ValidationError:
                raise CommandError("That is not an Iraqi mobile number.") from None
            applications = Application.objects.filter(phone=number)
        found = applications.count()
        if not found:
            raise CommandError("No application matches.")
        if dry_run:
            self.stdout.write(f"{found} application(s) would be erased.")
            return
        with transaction.atomic():
            for application in applications.select_for_update():
                erase_application(application)
        self.stdout.write(f"Erased {found} application(s) and their history and e-mails.")
