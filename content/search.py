"""Arabic-aware search over posts, pages and principles: how text is prepared and matched.

Stored text and queries go through the same normalisation (`party_site.text`): hamza forms,
alif maqsura, ta marbuta, tashkeel, tatweel, Kurdish letter forms and digits are folded. Each word
is kept with every form left when a clitic prefix (و، ال، وال، بال…) is cut off, and, for Arabic, a
sound plural or attached pronoun (light stemming), for English its Porter2 stem
(`party_site.text.word_forms`), in the index and in the query alike; a query word matches when one
of its forms is stored. So "الديمقراطية" finds "الدِّيمُقراطيّة" and "والديمقراطية", "برلمان" finds
"البرلمان" and the reverse, "مؤتمر" finds "المؤتمرات" and "election" finds "elections".

Each item has one SearchDocument per language (with the Arabic fallback the visitor would see).
On PostgreSQL the normalised words are also stored as a tsvector (`simple` configuration: the
`arabic` stemmer leaves "وال" attached and merges unrelated words) with a GIN index, matched
with full-text search and ranked with ts_rank; on SQLite each token is matched against the
space-padded normalised text. Snippets are cut and highlighted in Python on the original text,
so the visitor sees the words as written, tashkeel and all.

This module imports no models. The models own the rows: each searchable model declares its
SEARCHED_FIELDS (`content.models.Searchable`), and `SearchDocument.objects` writes the index
(`index`, `rebuild`) and answers queries (`search`) with the helpers here.
"""

import html
import re

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, models
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe

from party_site.text import normalized_words, search_text, word_forms

MAX_QUERY_TOKENS = 8
# A word as written, tashkeel included (combining marks are not \w in Python).
_WORD = re.compile("[\\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+")


_TAG = re.compile(r"<[^>]*>")


def plain_text(html_text):
    """Text of rich text, with a space where each tag was (so that paragraphs do not run together)."""
    return " ".join(html.unescape(_TAG.sub(" ", html_text or "")).split())


def document_values(title, body):
    """The fields of a SearchDocument for an item's title and body text, as written and normalised."""
    return {"title": title, "text": body, "search_title": search_text(title), "search_body": search_text(body)}


def document_vector():
    """The tsvector stored on PostgreSQL: title words weigh more than body words."""
    return SearchVector("search_title", weight="A", config="simple") + SearchVector(
        "search_body", weight="B", config="simple"
    )


def search_language(language=None):
    """The language whose documents are searched: the given or active one, Arabic if it has none."""
    language = language or translation.get_language()
    if language not in settings.MODELTRANSLATION_LANGUAGES:
        language = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    return language


def query_words(query):
    """For each distinct word of the query (single letters dropped), its forms; at most MAX_QUERY_TOKENS."""
    groups = []
    for word in normalized_words(query or ""):
        if len(word) < 2:
            continue  # a lone و or ب matches nearly everything and nothing useful
        forms = word_forms(word)
        if forms not in groups:
            groups.append(forms)
    return groups[:MAX_QUERY_TOKENS]


def _any_form(forms, make):
    """OR of `make(form)` over a word's forms."""
    condition = make(forms[0])
    for form in forms[1:]:
        condition = condition | make(form)
    return condition


def matching(documents, groups):
    """The SearchDocuments of `documents` that hold every query word (`query_words`), best first."""
    if connection.vendor == "postgresql":
        search_query = None
        for forms in groups:  # every word, in any of its forms
            word = _any_form(forms, lambda form: SearchQuery(form, search_type="plain", config="simple"))
            search_query = word if search_query is None else search_query & word
        return (
            documents.filter(search_vector=search_query)
            .annotate(rank=SearchRank(models.F("search_vector"), search_query))
            .order_by("-rank", "-id")
        )
    for forms in groups:
        documents = documents.filter(
            _any_form(forms, lambda form: Q(search_title__contains=f" {form} ") | Q(search_body__contains=f" {form} "))
        )
    title_hits = [
        Case(
            When(_any_form(forms, lambda form: Q(search_title__contains=f" {form} ")), then=Value(2)),
            default=Value(0),
            output_field=IntegerField(),
        )
        for forms in groups
    ]
    rank = title_hits[0]
    for hit in title_hits[1:]:
        rank = rank + hit
    return documents.annotate(rank=rank).order_by("-rank", "-id")


def _matches(word, query_forms):
    return any(not query_forms.isdisjoint(word_forms(w)) for w in normalized_words(word))


def highlight(text, query, words=40):
    """An HTML snippet of `text` around the first match, each matching word in <mark>."""
    tokens = {form for forms in query_words(query) for form in forms}
    found = list(_WORD.finditer(text or ""))
    if not found:
        return ""
    first = next((i for i, match in enumerate(found) if _matches(match.group(), tokens)), 0)
    start_index = max(0, first - 8)
    end_index = min(len(found), start_index + words)
    start = found[start_index].start() if start_index else 0
    pieces = ["…"] if start_index else []
    position = start
    for match in found[start_index:end_index]:
        pieces.append(escape(text[position : match.start()]))
        word = escape(match.group())
        pieces.append(f"<mark>{word}</mark>" if _matches(match.group(), tokens) else word)
        position = match.end()
    if end_index < len(found):
        pieces.append("…")
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above
