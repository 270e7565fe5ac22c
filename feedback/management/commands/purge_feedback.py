"""Delete archived and spam feedback messages, with their notes, e-mails and admin log entries.
Run it daily from cron.

    manage.py purge_feedback                     # FEEDBACK_RETENTION_DAYS / FEEDBACK_SPAM_RETENTION_DAYS
    manage.py purge_feedback --days 180 --spam-days 7 --dry-run

A message's age is counted from its last change (when it was archived or marked as spam, or
later); new, in-progress and answered messages are never purged.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from feedback.models import FeedbackMessage
from party_site.erasure import erase_all


class Command(BaseCommand):
    help = "Delete archived and spam feedback messages older than the retention period, leaving no copy."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep archived messages changed within this many days (default: FEEDBACK_RETENTION_DAYS).",
        )
        parser.add_argument(
            "--spam-days",
            type=int,
            default=None,
            help="Keep spam changed within this many days (default: FEEDBACK_SPAM_RETENTION_DAYS).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, days=None, spam_days=None, dry_run=False, **options):
        days = settings.FEEDBACK_RETENTION_DAYS if days is None else days
        spam_days = settings.FEEDBACK_SPAM_RETENTION_DAYS if spam_days is None else spam_days
        if days < 0 or spam_days < 0:
            raise CommandError("--days and --spam-days cannot be negative.")
        due = FeedbackMessage.objects.due_for_purge(days, spam_days)
        archived = due.filter(status=FeedbackMessage.Status.ARCHIVED)
        spam = due.filter(status=FeedbackMessage.Status.SPAM)
        if dry_run:
            self.stdout.write(
                f"{archived.count()} archived message(s) older than {days} days and {spam.count()} spam "
                f"message(s) older than {spam_days} days would be deleted."
            )
            return
        deleted_archived = erase_all(archived)
        deleted_spam = erase_all(spam)
        self.stdout.write(
            f"Deleted {deleted_archived} archived message(s) older than {days} days "
            f"and {deleted_spam} spam message(s) older than {spam_days} days."
        )
