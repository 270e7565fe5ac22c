"""Outgoing e-mail. Console in development; SMTP settings from the environment in production."""

from .base import DEBUG
from .env import env_bool, env_float, env_int, env_str

EMAIL_BACKEND = env_str(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "noreply@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Send a submission's e-mail from the request itself, after its commit (development: `make run`
# shows it on the console with no worker). Off in production, where `manage.py mail_worker` sends
# it within MAIL_WORKER_POLL_SECONDS and no visitor's request waits on SMTP.
EMAIL_SEND_IMMEDIATELY = env_bool("EMAIL_SEND_IMMEDIATELY", default=DEBUG)
MAIL_WORKER_POLL_SECONDS = env_float("MAIL_WORKER_POLL_SECONDS", 1.0)
