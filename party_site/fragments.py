"""Fragments of a page drawn once per exact input and kept in each process: `{% memo %}`.

Most of what a public page draws is the same from one request to the next: the card of every post
nobody edited, the menu. Drawing them is most of a page's cost (Django templates are slow on a small
machine), and the page cache (party_site/pagecache.py) cannot help the requests it must never serve
(staff, previews) or the first request after an edit, which redraws the page, every card included.

    {% load party %}
    {% memo post.card_inputs lazy heading_level %}…{% endmemo %}

keeps what its body drew under the *values* named in the tag and the active language, and gives it
back whenever they are all the same again. This is "Russian doll" caching keyed on a record's
contents, not on time or on a version: nothing ever has to be invalidated. Edit a post and its card's
inputs change, so its card is drawn afresh on the very next request, on every app server; the other
cards on the page are not drawn again.

It is exact as long as the body depends on nothing but the values named, the language and what a
process never changes (templates, translations, settings). So a body must not read the request, the
user, the time or a value it was not given; a card names `post.card_inputs`, the values of the very
fields the listing query loads (content/models.py, CARD_FIELDS): a card that read any other field of
the post would read a deferred field, with a query that tests/test_content_queries.py counts.

Kept in each process's memory, so a hit costs no cache round trip: at most MAX_ENTRIES fragments per
tag, all forgotten when it is full (a few megabytes at most). Off when DEBUG is on (templates change
under the development server); forgotten when a test changes a setting.
"""

import weakref

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

MAX_ENTRIES = 2000

_stores = weakref.WeakSet()


class Fragments:
    """What one `{% memo %}` tag drew, by its inputs and the language."""

    def __init__(self):
        self.drawn = {}
        _stores.add(self)

    def __hash__(self):  # kept in a WeakSet: by identity
        return id(self)

    def get_or_draw(self, inputs, draw):
        if settings.DEBUG:
            return draw()
        key = _key(get_language(), inputs)
        fragment = self.drawn.get(key)
        if fragment is None:
            fragment = mark_safe(draw())  # noqa: S308 - what a template drew, escaped as it drew it
            if len(self.drawn) >= MAX_ENTRIES:
                self.drawn.clear()  # one step, safe with threads; the next requests draw again
            self.drawn[key] = fragment
        return fragment


def _key(language, inputs):
    key = (language, *inputs)
    try:
        hash(key)
    except TypeError:  # a dict or a list among the inputs (an image's renditions): its repr
        key = (language, *(value if _hashable(value) else repr(value) for value in inputs))
    return key


def _hashable(value):
    try:
        hash(value)
    except TypeError:
        return False
    return True


@receiver(setting_changed)
def forget_everything(**_kwargs):
    """A setting changed (in tests): what was drawn under the old one may differ."""
    for store in list(_stores):
        store.drawn.clear()
