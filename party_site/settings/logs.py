"""Logging: to the console only.

No request bodies, no e-mailed tracebacks (they carry POST data); applicant data never reaches a
log line. A database error's text (PostgreSQL's "Failing row contains (…)" is a whole applicant) is
replaced by its class and constraint name.
"""

from .env import env_str

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_database_errors": {"()": "party_site.logging.RedactDatabaseErrors"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["redact_database_errors"]}
    },
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
DEFAULT_EXCEPTION_REPORTER_FILTER = "party_site.errors.PrivateExceptionReporterFilter"
