"""Iraqi mobile numbers: the forms people write them in, stored as E.164 (+9647XXXXXXXXX)."""

import re

from party_site.text import to_western_digits

# Spaces (incl. no-break and thin), dashes of every kind, dots, brackets and the invisible
# direction marks that copying a number from an Arabic text brings along.
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—−.()\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_FORMS = (
    re.compile(r"^\+964(7\d{9})$"),  # +964 7XX XXX XXXX
    re.compile(r"^00964(7\d{9})$"),  # 00964 7XX XXX XXXX
    re.compile(r"^0(7\d{9})$"),  # 07XX XXX XXXX
)


def normalize_iraqi_mobile(value: str) -> str | None:
    """'٠٧٧٠ ١٢٣ ٤٥٦٧' → '+9647701234567'; None when it is not an Iraqi mobile number."""
    compact = _SEPARATORS.sub("", to_western_digits(value or ""))
    for form in _FORMS:
        match = form.match(compact)
        if match:
            return f"+964{match.group(1)}"
    return None


def search_digits(value: str) -> str:
    """The digits of a staff search, with a leading 0 / 00964 / +964 dropped, to match stored numbers."""
    digits = re.sub(r"\D", "", to_western_digits(value or ""))
    for prefix in ("00964", "964", "0"):
        if digits.startswith(prefix) and len(digits) > len(prefix):
            return digits[len(prefix) :]
    return digits
