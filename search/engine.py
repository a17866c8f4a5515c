"""OpenSearch: the indices, their analysis per language, and every query the visitor search sends.

All query and facet building beyond Wagtail's search API lives here, written with opensearch-py's
DSL (``Search``, ``Q``, ``A``). There is one index per language, reached through an alias
(``<prefix>-entries-fr`` and so on), so that ``rebuild`` can fill a new index while the old one
serves, then switch the alias in one atomic call.
"""

import functools
import logging

from django.conf import settings
from django.utils import timezone
from opensearchpy import A, MultiSearch, OpenSearch, Q, Search
from opensearchpy.exceptions import ConnectionError as EngineConnectionError
from opensearchpy.exceptions import NotFoundError, TransportError
from opensearchpy.helpers import bulk

from search.query import FACET_SIZE, FACETS, Hit, Sort

logger = logging.getLogger(__name__)

# Elisions of French (l'église, d'Artois, qu'il...), removed before stemming.
FRENCH_ELISIONS = ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"]

LANGUAGE_ANALYSIS = {
    "fr": {
        "filters": ["french_elision", "lowercase", "asciifolding", "french_stop", "french_stemmer"],
        "definitions": {
            "french_elision": {"type": "elision", "articles_case": True, "articles": FRENCH_ELISIONS},
            "french_stop": {"type": "stop", "stopwords": "_french_"},
            "french_stemmer": {"type": "stemmer", "language": "light_french"},
        },
    },
    "en": {
        "filters": ["english_possessive", "lowercase", "asciifolding", "english_stop", "english_stemmer"],
        "definitions": {
            "english_possessive": {"type": "stemmer", "language": "possessive_english"},
            "english_stop": {"type": "stop", "stopwords": "_english_"},
            "english_stemmer": {"type": "stemmer", "language": "english"},
        },
    },
    "de": {
        "filters": ["lowercase", "german_stop", "german_normalization", "asciifolding", "german_stemmer"],
        "definitions": {
            "german_stop": {"type": "stop", "stopwords": "_german_"},
            "german_stemmer": {"type": "stemmer", "language": "light_german"},
        },
    },
    "nl": {
        "filters": ["lowercase", "asciifolding", "dutch_stop", "dutch_stemmer"],
        "definitions": {
            "dutch_stop": {"type": "stop", "stopwords": "_dutch_"},
            "dutch_stemmer": {"type": "stemmer", "language": "dutch"},
        },
    },
}

TEXT_FIELDS = ["title^4", "title.exact^2", "summary^2", "body"]
HIGHLIGHT_TAGS = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"]}


class SearchUnavailable(Exception):
    """OpenSearch could not be reached or returned an error."""


def is_configured():
    return bool(getattr(settings, "SEARCH_URL", ""))


def node_urls():
    """Return the node URLs of ``SEARCH_URL``, which lists several nodes separated by commas."""
    return [url.strip() for url in settings.SEARCH_URL.split(",") if url.strip()]


@functools.cache
def _client(urls, timeout):
    # With several nodes, the client spreads requests over them and skips a node that fails.
    return OpenSearch(hosts=list(urls), timeout=timeout, max_retries=0, retry_on_timeout=False)


def client():
    return _client(tuple(node_urls()), settings.SEARCH_TIMEOUT)


def alias_name(language):
    return f"{settings.SEARCH_INDEX_PREFIX}-entries-{language}"


def languages():
    return [code for code, _name in settings.LANGUAGES]


def index_body(language):
    analysis = LANGUAGE_ANALYSIS.get(language, LANGUAGE_ANALYSIS["fr"])
    # Accents, case and stop words, with no stemming: exact words and autocomplete. Stop words
    # go too, or "l' église" (with a space) would require a lone "l" in the title.
    folding_filters = [name for name in analysis["filters"] if not name.endswith("_stemmer")]
    return {
        "settings": {
            "number_of_shards": settings.SEARCH_INDEX_SHARDS,
            "number_of_replicas": settings.SEARCH_INDEX_REPLICAS,
            "analysis": {
                "filter": analysis["definitions"],
                "analyzer": {
                    "language": {"tokenizer": "standard", "filter": analysis["filters"]},
                    "folding": {"tokenizer": "standard", "filter": folding_filters},
                },
            },
        },
        "mappings": {
            "dynamic": "strict",
            "properties": {
                "title": {
                    "type": "text",
                    "analyzer": "language",
                    "fields": {"exact": {"type": "text", "analyzer": "folding"}},
                },
                "suggest": {"type": "search_as_you_type", "analyzer": "folding"},
                "summary": {"type": "text", "analyzer": "language"},
                "body": {"type": "text", "analyzer": "language"},
                "path": {"type": "keyword", "index": False},
                "language": {"type": "keyword"},
                "site": {"type": "keyword"},
                "kind": {"type": "keyword"},
                "date": {"type": "date"},
                "museum": {"type": "keyword"},
                "century": {"type": "short"},
                "commune": {"type": "keyword"},
                "object_type": {"type": "keyword"},
                "has_images": {"type": "boolean"},
            },
        },
    }


def document(entry):
    return {
        "title": entry.title,
        "suggest": entry.title[:200],
        "summary": entry.summary,
        "body": entry.body,
        "path": entry.path,
        "language": entry.language,
        "site": entry.site,
        "kind": entry.kind,
        "date": entry.date.isoformat() if entry.date else None,
        "museum": entry.museum or None,
        "century": entry.century,
        "commune": entry.commune or None,
        "object_type": entry.object_type or None,
        "has_images": entry.has_images,
    }


def engine_call(function):
    """Turn the client's connection and transport errors into ``SearchUnavailable``."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except (EngineConnectionError, TransportError) as error:
            logger.warning("OpenSearch call %s failed: %s", function.__name__, error)
            raise SearchUnavailable(str(error)) from error

    return wrapper


# Index management --------------------------------------------------------------------------


def new_index_name(language):
    return f"{alias_name(language)}-{timezone.now():%Y%m%d%H%M%S%f}"


@engine_call
def ensure_indices():
    """Create the index and alias of each language that has none yet."""
    engine = client()
    for language in languages():
        alias = alias_name(language)
        if not engine.indices.exists_alias(name=alias):
            name = new_index_name(language)
            engine.indices.create(index=name, body=index_body(language))
            engine.indices.put_alias(index=name, name=alias)
            logger.info("Created search index %s for alias %s", name, alias)


def entry_actions(entries, index_for_language):
    for entry in entries:
        index = index_for_language(entry.language)
        if entry.visible:
            yield {"_op_type": "index", "_index": index, "_id": entry.document_id, "_source": document(entry)}
        else:
            yield {"_op_type": "delete", "_index": index, "_id": entry.document_id}


@engine_call
def write_entries(entries):
    """Index the visible entries and delete the hidden ones, through the aliases."""
    ensure_indices()
    _ok, errors = bulk(
        client(), entry_actions(entries, alias_name), raise_on_error=False, refresh=settings.SEARCH_REFRESH
    )
    # A delete of a document the engine never had is not an error.
    real_errors = [error for error in errors if error.get("delete", {}).get("status") != 404]
    if real_errors:
        raise SearchUnavailable(f"{len(real_errors)} documents failed, first: {real_errors[0]}")


@engine_call
def rebuild(entries_for_language, progress=None):
    """Fill a new index per language from ``entries_for_language(language)``, then switch aliases.

    Entries written by ``write_entries`` during the rebuild go to the old index, so the caller
    sends them again after the switch (see the ``reindex_search`` command).
    Returns a dict language -> number of documents.
    """
    engine = client()
    counts = {}
    for language in languages():
        alias = alias_name(language)
        name = new_index_name(language)
        body = index_body(language)
        # No refresh while filling, which makes bulk writes cheaper; it is back before the switch.
        body["settings"]["refresh_interval"] = "-1"
        engine.indices.create(index=name, body=body)
        started_at = timezone.now()
        count = 0
        for chunk in entries_for_language(language):
            bulk(engine, entry_actions(chunk, lambda _language: name), refresh=False)
            count += len(chunk)
            if progress:
                progress(language, len(chunk))
        engine.indices.put_settings(index=name, body={"index": {"refresh_interval": "1s"}})
        engine.indices.refresh(index=name)

        old_indices = list(engine.indices.get_alias(name=alias)) if engine.indices.exists_alias(name=alias) else []
        actions = [{"remove": {"index": old, "alias": alias}} for old in old_indices]
        actions.append({"add": {"index": name, "alias": alias}})
        engine.indices.update_aliases(body={"actions": actions})
        for old in old_indices:
            engine.indices.delete(index=old)
        counts[language] = count
        logger.info("Rebuilt %s: %d documents in %s (started %s)", alias, count, name, started_at)
    return counts


@engine_call
def health():
    """Return the cluster health, raising ``SearchUnavailable`` when unreachable."""
    return client().cluster.health()


@engine_call
def document_count(language):
    return client().count(index=alias_name(language))["count"]


# Queries ----------------------------------------------------------------------------------


def text_query(text):
    if not text:
        return Q("match_all")
    return Q(
        "simple_query_string",
        query=text,
        fields=TEXT_FIELDS,
        default_operator="and",
        flags="AND|OR|NOT|PHRASE|PRECEDENCE|PREFIX|WHITESPACE|ESCAPE",
        lenient=True,
    )


def filter_clauses(filters):
    return [Q("terms", **{field_name: list(values)}) for field_name, values in filters.items()]


def facet_aggregation(parameters, spec):
    other_filters = filter_clauses(parameters.filters_without(spec.field))
    aggregation = A("filter", filter=Q("bool", filter=other_filters) if other_filters else Q("match_all"))
    aggregation.bucket("values", A("terms", field=spec.field, size=FACET_SIZE))
    selected = parameters.filters.get(spec.field, [])
    if selected:
        # Counts of the selected values, even when they fall out of the top values.
        aggregation.bucket(
            "selected",
            A("filters", filters={str(value): Q("term", **{spec.field: value}) for value in selected}),
        )
    return aggregation


def bucket_key(spec, bucket):
    if spec.field == "has_images":
        return bool(bucket["key"])
    return bucket["key"]


@engine_call
def counts(parameters, site_key, language):
    """Return ({"current": n, "others": m}, {field: [(value, count)]}) for ``parameters``."""
    all_filters = filter_clauses(parameters.filters)
    search = Search(using=client(), index=alias_name(language)).query(text_query(parameters.text))
    search = search.extra(size=0, track_total_hits=True)
    groups = A("filter", filter=Q("bool", filter=all_filters) if all_filters else Q("match_all"))
    groups.bucket(
        "groups",
        A("filters", filters={"current": Q("term", site=site_key), "others": ~Q("term", site=site_key)}),
    )
    search.aggs.bucket("groups", groups)
    for spec in FACETS:
        search.aggs.bucket(spec.name, facet_aggregation(parameters, spec))
    response = search.execute()

    buckets = response.aggregations.groups.groups.buckets
    group_totals = {"current": buckets.current.doc_count, "others": buckets.others.doc_count}
    facet_counts = {}
    for spec in FACETS:
        aggregation = response.aggregations[spec.name]
        rows = [(bucket_key(spec, bucket), bucket.doc_count) for bucket in aggregation["values"].buckets]
        if "selected" in aggregation:
            shown = {value for value, _count in rows}
            for value, bucket in aggregation.selected.buckets.to_dict().items():
                typed = parameters_value(parameters, spec, value)
                if typed not in shown:
                    rows.append((typed, bucket["doc_count"]))
        facet_counts[spec.field] = rows
    return group_totals, facet_counts


def parameters_value(parameters, spec, key):
    """Return the selected value of ``spec`` whose string form is ``key``."""
    for value in parameters.filters.get(spec.field, []):
        if str(value) == key:
            return value
    return key


def sort_order(sort):
    if sort == Sort.NEWEST:
        return [{"date": {"order": "desc", "missing": "_last"}}, "_score"]
    if sort == Sort.OLDEST:
        return [{"date": {"order": "asc", "missing": "_last"}}, "_score"]
    return ["_score", {"date": {"order": "desc", "missing": "_last"}}]


@engine_call
def hits(parameters, site_keys, language, start, size):
    """Return the hits ``start`` to ``start + size`` among the entries of ``site_keys``."""
    filters = filter_clauses(parameters.filters) + [Q("terms", site=list(site_keys))]
    search = (
        Search(using=client(), index=alias_name(language))
        .query(text_query(parameters.text))
        .filter("bool", filter=filters)
        .sort(*sort_order(parameters.sort))
        .source(["title", "site", "kind", "path", "summary", "date", "language"])
        .extra(from_=start, size=size, track_total_hits=False)
    )
    if parameters.text:
        search = search.highlight_options(encoder="html", **HIGHLIGHT_TAGS).highlight(
            "title", number_of_fragments=0
        ).highlight("summary", "body", fragment_size=180, number_of_fragments=1)
    results = []
    for item in search.execute():
        highlight = getattr(item.meta, "highlight", None)
        highlighted_text = ""
        if highlight is not None:
            for name in ("summary", "body"):
                if name in highlight:
                    highlighted_text = " … ".join(highlight[name])
                    break
        results.append(
            Hit(
                title=item.title,
                site=item.site,
                language=item.language,
                kind=item.kind,
                path=item.path,
                summary=getattr(item, "summary", "") or "",
                highlighted_title=highlight.title[0] if highlight is not None and "title" in highlight else "",
                highlighted_text=highlighted_text,
                date=getattr(item, "date", None),
            )
        )
    return results


@engine_call
def suggestions(text, language, limit, site_keys):
    """Return (title, site, path) of the entries whose title starts like ``text`` (autocomplete)."""
    search = (
        Search(using=client(), index=alias_name(language))
        .filter("terms", site=list(site_keys))
        .query(
            "multi_match",
            query=text,
            type="bool_prefix",
            fields=["suggest", "suggest._2gram", "suggest._3gram"],
        )
        .source(["title", "site", "path"])
        .extra(size=limit)
    )
    return [(item.title, item.site, item.path) for item in search.execute()]


class EngineBackend:
    """The visitor search on OpenSearch."""

    highlights = True
    counts = staticmethod(counts)

    @staticmethod
    def supports_operators():
        return True
    hits = staticmethod(hits)
    suggestions = staticmethod(suggestions)


def delete_indices():
    """Delete every index of this platform's prefix (tests and ``reindex_search --drop``)."""
    engine = client()
    try:
        engine.indices.delete(index=f"{settings.SEARCH_INDEX_PREFIX}-entries-*")
    except NotFoundError:
        pass
