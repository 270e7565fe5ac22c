"""The "needs review" marks: which translations of an item a native speaker should still read.

The English and the Kurdish the site ships with (content/seed/, loaded by `load_party_content`) are
our translations; each item they fill carries a mark per language until staff clear it in the admin
(content/admin_review.py). Arabic is the original and has no mark. Visitors never see the marks.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

# language code: what the admin calls it
REVIEWED_LANGUAGES = {"en": _("English"), "ckb": _("Kurdish")}


def review_field(language):
    return f"review_{language}"


class ReviewMarks(models.Model):
    """One mark per translated language; True while that language's text awaits a native speaker."""

    review_en = models.BooleanField(
        _("English needs review"),
        default=False,
        help_text=_("A native speaker should read the English text. Clear it once they have. Visitors never see it."),
    )
    review_ckb = models.BooleanField(
        _("Kurdish needs review"),
        default=False,
        help_text=_("A native speaker should read the Kurdish text. Clear it once they have. Visitors never see it."),
    )

    class Meta:
        abstract = True

    def languages_to_review(self):
        """The names of the languages marked, in the admin's language."""
        return [name for language, name in REVIEWED_LANGUAGES.items() if getattr(self, review_field(language))]
