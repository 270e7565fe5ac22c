"""Reading the environment: every setting's variable goes through one of these.

An empty variable counts as unset. A value that cannot be read stops the start with the
variable's name (ImproperlyConfigured), rather than a bare ValueError from deep inside Django.
"""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}


def env_str(name, default=""):
    value = os.environ.get(name)
    return default if value is None or value == "" else value


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in TRUE


def _number(name, default, kind, what):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return kind(value.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be {what}, not {value!r}.") from None


def env_int(name, default):
    return _number(name, default, int, "a whole number")


def env_float(name, default):
    return _number(name, default, float, "a number")


def env_list(name, default=""):
    """A comma-separated list; blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_rate(name, default):
    """A "count/seconds" value (e.g. "60/3600") as a pair of ints."""
    value = env_str(name, default)
    try:
        count, seconds = (int(part) for part in value.split("/"))
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be count/seconds, e.g. 60/3600, not {value!r}.") from None
    return count, seconds
