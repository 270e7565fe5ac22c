"""Send the outbox's e-mails as they arrive: a long-running worker (systemd keeps it up).

It looks for work every MAIL_WORKER_POLL_SECONDS (1 s): one indexed query, cheaper and simpler
than LISTEN/NOTIFY, which would need its own connection handling and still a poll for retries.
Rows are taken with SKIP LOCKED on PostgreSQL, so two workers (or two servers) share the queue and
never send one e-mail twice. A failed e-mail is retried after a growing delay (1, 2, 4 … 60 minutes).
SIGTERM or SIGINT stops it after the e-mail in hand; while it is down, e-mail waits in the outbox.
"""

import logging
import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections, connection

from party_site.notifications import claim_next, send_claimed

logger = logging.getLogger("party_site.mail_worker")


class Command(BaseCommand):
    help = "Send queued e-mails as they arrive (long-running; stop with SIGTERM)."

    def add_arguments(self, parser):
        parser.add_argument("--poll", type=float, help="seconds between looks at an empty queue")
        parser.add_argument("--once", action="store_true", help="send what is due now, then exit")

    def handle(self, *args, poll=None, once=False, **options):
        poll = settings.MAIL_WORKER_POLL_SECONDS if poll is None else poll
        stop = threading.Event()
        previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGTERM, signal.SIGINT)}
        logger.info("Mail worker started (polling every %ss)", poll)
        sent = failed = 0
        try:
            while not stop.is_set():
                if not connection.in_atomic_block:  # (tests run it inside one)
                    close_old_connections()  # a connection past CONN_MAX_AGE or broken by an error is replaced
                try:
                    email = claim_next()
                    outcome = None if email is None else send_claimed(email)
                except DatabaseError as error:
                    if once:
                        raise
                    # A claimed row left "sending" by this is retried after CLAIM_TIMEOUT.
                    logger.warning("Mail worker: database unavailable (%s); retrying", type(error).__name__)
                    connection.close()
                    stop.wait(max(poll, 5))
                    continue
                if email is not None:
                    sent, failed = (sent + 1, failed) if outcome else (sent, failed + 1)
                    continue  # more may be waiting: look again at once
                if once:
                    break
                stop.wait(poll)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            logger.info("Mail worker stopped: %s sent, %s failed", sent, failed)
        if once:
            self.stdout.write(f"Sent {sent}, failed {failed}.")
