"""Fragments of a page drawn once per exact input and kept in each process: `{% memo %}`.

Most of what a public page draws is the same from one request to the next: the card of every post
nobody edited, the menu. Drawing them is most of a page's cost (Django templates are slow on a small
machine), and the page cache (party_site/pagecache.py) cannot help the requests it must never serve
(staff, previews) or the first request after an edit, which redraws the page, every card included.

    {% load party %}
    {% memo post lazy heading_level %}…{% endmemo %}

keeps what its body drew under the *contents* of the values named in the tag (`contents()`: every
value a model instance carries, the items of a list) and the active language, and gives it back
whenever they are all the same again. This is "Russian doll" caching keyed on records' contents, not
on time or on a version: nothing ever has to be invalidated. Edit a post and its contents change, so
its card is drawn afresh on the very next request, on every app server; the other cards on the page
are not drawn again. Fragments nest: the home page's main part is kept by everything it shows, and
drawing it again after an edit finds every unchanged card kept.

It is exact as long as the body depends on nothing but the values named, the language and what a
process never changes (templates, translations, settings). So a body must not read the request, the
user, the time or a value it was not given. Reading a field of a model instance that was not loaded
would make a query (which tests/test_content_queries.py counts) for a value that is not in the key.

Kept in each process's memory, so a hit costs no cache round trip: per tag, at most MAX_ENTRIES
fragments and MAX_CHARACTERS characters of them (with their keys, some megabytes), all forgotten
when it is full. Off when DEBUG is on (templates change
under the development server); forgotten when a test changes a setting.
"""

import logging
import weakref

from django.conf import settings
from django.core.signals import setting_changed
from django.db.models import Model, QuerySet
from django.dispatch import receiver
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

MAX_ENTRIES = 2000
MAX_CHARACTERS = 2_000_000  # a home page's main part is ~40,000; a card ~1,500

logger = logging.getLogger(__name__)

_stores = weakref.WeakSet()


class Fragments:
    """What one `{% memo %}` tag drew, by its inputs and the language."""

    def __init__(self):
        self.drawn = {}
        self.size = 0  # characters drawn and kept
        _stores.add(self)

    def get_or_draw(self, inputs, draw):
        if settings.DEBUG:
            return draw()
        try:
            key = _key(get_language(), inputs)
        except TypeError:  # a value with no contents to compare (see contents()): drawn every time
            logger.warning("{%% memo %%} cannot keep a fragment drawn from %r", inputs, exc_info=True)
            return draw()
        fragment = self.drawn.get(key)
        if fragment is None:
            fragment = mark_safe(draw())  # noqa: S308 - what a template drew, escaped as it drew it
            if len(self.drawn) >= MAX_ENTRIES or self.size + len(fragment) > MAX_CHARACTERS:
                self.drawn.clear()  # one step, safe with threads; the next requests draw again
                self.size = 0
            self.drawn[key] = fragment
            self.size += len(fragment)
        return fragment


def _key(language, inputs):
    return (language, *(contents(value) for value in inputs))


def contents(value):
    """Everything `value` holds, as something hashable that is equal only for equal contents.

    A model instance gives its class and every value it carries: the fields read from the database,
    annotations (a post's photo count) and what a view attached (a section's latest posts), but not
    a field that was not read (a body reading one would make a query, which the tests count). A
    list, a QuerySet (read once, here) or a dict gives its items; a dict's own attributes too (the
    fixed texts say which of them are shown in Arabic)."""
    if isinstance(value, (str, int, float, bool, type(None))):
        return value
    if isinstance(value, Model):
        return (type(value), *((name, contents(item)) for name, item in vars(value).items() if name[0] != "_"))
    if isinstance(value, dict):
        return (
            type(value),
            *((name, contents(item)) for name, item in value.items()),
            contents(vars(value)) if hasattr(value, "__dict__") else None,
        )
    if isinstance(value, (list, tuple, QuerySet, set, frozenset)):
        items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
        return ("items", *(contents(item) for item in items))  # modeltranslation makes a QuerySet class per call
    hash(value)  # anything else must be hashable itself (a date, a stored file's name), or fail here
    return value


@receiver(setting_changed)
def forget_everything(**_kwargs):
    """A setting changed (in tests): what was drawn under the old one may differ."""
    for store in list(_stores):
        store.drawn.clear()
        store.size = 0
