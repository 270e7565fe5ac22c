"""The public forms (join, feedback): who is told, anti-spam, and how long submissions are kept."""

from .base import PROXY_COUNT
from .env import env_float, env_int, env_list, env_rate

# Who is told of new membership applications and feedback (comma-separated addresses).
MEMBERSHIP_NOTIFY_EMAILS = env_list("MEMBERSHIP_NOTIFY_EMAILS")
FEEDBACK_NOTIFY_EMAILS = env_list("FEEDBACK_NOTIFY_EMAILS")

# Rejected and withdrawn applications are deleted this many days after the decision
# (`manage.py purge_applications`, daily from cron).
MEMBERSHIP_RETENTION_DAYS = env_int("MEMBERSHIP_RETENTION_DAYS", 180)
# Archived feedback, and feedback marked as spam, are deleted this many days after their last
# change (`manage.py purge_feedback`, daily from cron). New, in-progress and answered messages stay.
FEEDBACK_RETENTION_DAYS = env_int("FEEDBACK_RETENTION_DAYS", 365)
FEEDBACK_SPAM_RETENTION_DAYS = env_int("FEEDBACK_SPAM_RETENTION_DAYS", 30)

# --- Anti-spam (party_site/antispam.py).
ANTISPAM_MIN_SECONDS = env_float("ANTISPAM_MIN_SECONDS", 3.0)
ANTISPAM_MAX_AGE = 24 * 3600
# "accepted submissions/seconds" per client (IPv4 address or IPv6 /64) and form. Iraqi mobile
# networks put hundreds of people behind one address (carrier-grade NAT), and people apply together
# on one venue's Wi-Fi after a meeting, so the default is generous; lower it under attack.
ANTISPAM_RATE_LIMIT = env_rate("ANTISPAM_RATE_LIMIT", "60/3600")
ANTISPAM_PROXY_COUNT = PROXY_COUNT
# How long the thanks page of a submission (its reference) can be opened again from its URL, in seconds.
SUBMISSION_THANKS_SECONDS = env_int("SUBMISSION_THANKS_SECONDS", 30 * 60)
# The largest body a request outside the admin may carry. The longest form (feedback: 3,000 characters)
# is about 20 KB when every character is Arabic and percent-encoded; nginx has the same limit (64k).
PUBLIC_REQUEST_MAX_BYTES = env_int("PUBLIC_REQUEST_MAX_BYTES", 64 * 1024)
