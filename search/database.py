"""The visitor search when no ``SEARCH_URL`` is set: Wagtail's database backend on SQLite.

It offers the same facets and sorting as OpenSearch, without stemming, quotes, the minus sign or
highlighting, and autocomplete as a prefix search on titles. On PostgreSQL, ``search.postgres``
serves instead, through an indexed full-text column.
"""

import re
import sys

from django.db import connection
from django.db.models import Count
from modelsearch.backends import get_search_backend
from modelsearch.query import MATCH_ALL

from search.models import SearchEntry
from search.query import FACETS, Hit, Sort

# The database backends parse words, not operators: keep letters, digits and inner
# apostrophes and hyphens, so that quotes, brackets or emoji cannot upset their query syntax.
WORD_PATTERN = re.compile(r"[\w]+(?:['’-][\w]+)*")


# French elided articles and pronouns (l'église, d'Artois, qu'il): the word after them counts.
ELISION_PATTERN = re.compile(r"\b(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)


# Each word costs Wagtail's SQLite backend one more full-text clause per field: a query of a
# hundred words took 44 s on the demo (2-core machine). The first words are kept, each once.
MAX_WORDS = 12


def plain_words(text):
    """Return the words of ``text`` that a database search looks for.

    A word after a minus sign is dropped: the database backend cannot exclude it, and looking
    for it would return the opposite of what the visitor asked.
    """
    text = ELISION_PATTERN.sub(" ", text)
    text = re.sub(r"(?:^|\s)-\S*", " ", text)
    words = []
    for word in WORD_PATTERN.findall(text):
        if word.lower() not in (known.lower() for known in words):
            words.append(word)
    return " ".join(words[:MAX_WORDS])


def scoped(filters, language, site_keys=None):
    queryset = SearchEntry.objects.filter(language=language, visible=True)
    if site_keys is not None:
        queryset = queryset.filter(site__in=list(site_keys))
    for field_name, values in filters.items():
        queryset = queryset.filter(**{f"{field_name}__in": list(values)})
    return queryset


def matching(parameters, queryset, order_by_relevance=True):
    """Return the entries of ``queryset`` that match the words, or None if it needs no search."""
    words = plain_words(parameters.text)
    if not parameters.text:
        return None
    backend = get_search_backend()
    return backend.search(
        words or MATCH_ALL, queryset, operator="and", order_by_relevance=order_by_relevance
    )


def counts(parameters, site_key, language):
    words_given = bool(parameters.text)
    if words_given and not plain_words(parameters.text):
        # Only punctuation or symbols: nothing to look for.
        return {"current": 0, "others": 0}, {}

    def count(queryset):
        results = matching(parameters, queryset)
        return queryset.count() if results is None else results.count()

    all_filters = scoped(parameters.filters, language)
    group_totals = {
        "current": count(all_filters.filter(site=site_key)),
        "others": count(all_filters.exclude(site=site_key)),
    }
    facet_counts = {}
    for spec in FACETS:
        queryset = scoped(parameters.filters_without(spec.field), language)
        results = matching(parameters, queryset)
        if results is None:
            rows = queryset.values(spec.field).annotate(count=Count("pk")).order_by("-count", spec.field)
            facet_counts[spec.field] = [(row[spec.field], row["count"]) for row in rows]
        else:
            facet_counts[spec.field] = list(results.facet(spec.field).items())
    return group_totals, facet_counts


def hits(parameters, site_keys, language, start, size):
    queryset = scoped(parameters.filters, language, site_keys)
    if parameters.sort == Sort.OLDEST:
        queryset = queryset.order_by("undated", "date", "id")
    else:
        # With relevance first when sorting by relevance: the date then breaks ties.
        queryset = queryset.order_by("undated", "-date", "id")
    by_relevance = parameters.sort == Sort.RELEVANCE
    results = matching(parameters, queryset, order_by_relevance=by_relevance)
    rows = queryset if results is None else results
    return [
        Hit(
            title=entry.title,
            site=entry.site,
            language=entry.language,
            kind=entry.kind,
            path=entry.path,
            summary=entry.summary,
            date=entry.date,
        )
        for entry in rows[start : start + size]
    ]


def suggestions(text, language, limit, site_keys):
    words = plain_words(text)
    if not words:
        return []
    queryset = SearchEntry.objects.filter(language=language, visible=True, site__in=site_keys)
    results = get_search_backend().autocomplete(words, queryset)
    return [(entry.title, entry.site, entry.path) for entry in results[:limit]]


def uses_wagtail_index():
    """Tell whether entries go through Wagtail's database index (SQLite) or not (PostgreSQL)."""
    return connection.vendor != "postgresql"


def implementation():
    if uses_wagtail_index():
        return sys.modules[__name__]
    from search import postgres

    return postgres


class DatabaseBackend:
    """The visitor search on the database, dispatched to the implementation for its vendor."""

    highlights = False

    @staticmethod
    def supports_operators():
        """Tell whether quotes and the minus sign work: on PostgreSQL, not on SQLite."""
        return not uses_wagtail_index()

    @staticmethod
    def counts(parameters, site_key, language):
        return implementation().counts(parameters, site_key, language)

    @staticmethod
    def hits(parameters, site_keys, language, start, size):
        return implementation().hits(parameters, site_keys, language, start, size)

    @staticmethod
    def suggestions(text, language, limit, site_keys):
        return implementation().suggestions(text, language, limit, site_keys)
