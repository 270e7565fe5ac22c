"""Erase one person on their request: their application(s) and feedback messages, and every row
that mentions them (history, notes, e-mails, admin log entries). Nothing about them is printed.

    manage.py erase_applicant --reference 482-913-057
    manage.py erase_applicant --phone "0770 123 4567"     # every application and feedback message from that number
    manage.py erase_applicant --email name@example.org    # every application and feedback message from that address
    manage.py erase_applicant --reference 482913057 --dry-run
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from party_site.erasure import erase_all, submissions_of


class Command(BaseCommand):
    help = "Erase one person's applications and feedback by reference, phone number or e-mail, leaving no copy."

    def add_arguments(self, parser):
        parser.add_argument("--reference", help="The application's reference (dashes and spaces are ignored).")
        parser.add_argument("--phone", help="The person's mobile number, in any form the forms accept.")
        parser.add_argument("--email", help="The person's e-mail address (case is ignored).")
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be erased.")

    def handle(self, *args, reference=None, phone=None, email=None, dry_run=False, **options):
        if sum(bool(value) for value in (reference, phone, email)) != 1:
            raise CommandError("Give one of --reference, --phone or --email.")
        if email:
            email = email.strip()
            if "@" not in email:
                raise CommandError("That is not an e-mail address.")
        try:
            applications, messages = submissions_of(reference=reference, phone=phone, email=email)
        except ValidationError:
            raise CommandError("That is not an Iraqi mobile number.") from None
        found_applications, found_messages = applications.count(), messages.count()
        if not found_applications and not found_messages:
            raise CommandError("No application or feedback message matches.")
        if dry_run:
            self.stdout.write(
                f"{found_applications} application(s) and {found_messages} feedback message(s) would be erased."
            )
            return
        with transaction.atomic():
            erased_applications = erase_all(applications)
            erased_messages = erase_all(messages)
        self.stdout.write(
            f"Erased {erased_applications} application(s) and {erased_messages} feedback message(s), "
            "with their history, notes and e-mails."
        )
