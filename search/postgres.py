"""The visitor search on PostgreSQL without OpenSearch: full-text search on the entries' table.

Each entry has a stored ``search_vector`` (migration 0003) analysed with ``platform_french``
(French stemming, accents ignored) and a GIN index. All facet counts and both group totals come
from one query with ``GROUPING SETS``, so a search costs three queries whatever the number of
facets.
"""

from django.db import connection
from django.db.models import BooleanField, F, FloatField
from django.db.models.expressions import RawSQL

from search.database import plain_words, scoped
from search.models import SearchEntry
from search.query import FACETS, Hit, Sort

TABLE = SearchEntry._meta.db_table
# websearch_to_tsquery accepts any text (quotes, "or", a leading minus): the PostgreSQL
# documentation states that it never raises syntax errors, unlike to_tsquery.
TSQUERY = "websearch_to_tsquery('platform_french'::regconfig, %s)"


def search_text(parameters):
    # NUL characters are the only ones PostgreSQL rejects in a text parameter.
    return parameters.text.replace("\x00", " ")


def filter_sql(filters):
    """Return (SQL condition, params) for ``filters``; field names come from FACETS, not input."""
    parts, params = [], []
    for field_name, values in filters.items():
        parts.append(f'"{field_name}" = ANY(%s)')
        params.append(list(values))
    return (" AND ".join(parts) or "TRUE"), params


def counts(parameters, site_key, language):
    text = search_text(parameters)
    if parameters.text and not plain_words(text):
        return {"current": 0, "others": 0}, {}

    select, select_params = [], []
    for spec in FACETS:
        condition, params = filter_sql(parameters.filters_without(spec.field))
        select.append(f'GROUPING("{spec.field}") AS "grouped_{spec.field}"')
        select.append(f'count(*) FILTER (WHERE {condition}) AS "count_{spec.field}"')
        select_params += params
    all_condition, all_params = filter_sql(parameters.filters)
    select.append(f'count(*) FILTER (WHERE {all_condition} AND "site" = %s) AS "count_current"')
    select.append(f'count(*) FILTER (WHERE {all_condition} AND "site" <> %s) AS "count_others"')
    select_params += all_params + [site_key] + all_params + [site_key]

    where = ['"language" = %s', '"visible"']
    where_params = [language]
    if text:
        where.append(f'"search_vector" @@ {TSQUERY}')
        where_params.append(text)

    fields = ", ".join(f'"{spec.field}"' for spec in FACETS)
    grouping_sets = ", ".join(f'("{spec.field}")' for spec in FACETS)
    sql = (
        f"SELECT {fields}, {', '.join(select)} FROM {TABLE} "
        f"WHERE {' AND '.join(where)} GROUP BY GROUPING SETS ({grouping_sets}, ())"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, select_params + where_params)
        columns = [column.name for column in cursor.description]
        rows = [dict(zip(columns, row)) for row in cursor.fetchall()]

    group_totals = {"current": 0, "others": 0}
    facet_counts = {spec.field: [] for spec in FACETS}
    for row in rows:
        grouped = [spec for spec in FACETS if row[f"grouped_{spec.field}"] == 0]
        if not grouped:
            group_totals = {"current": row["count_current"], "others": row["count_others"]}
            continue
        field_name = grouped[0].field
        if row[f"count_{field_name}"]:
            facet_counts[field_name].append((row[field_name], row[f"count_{field_name}"]))
    for rows_of_field in facet_counts.values():
        rows_of_field.sort(key=lambda item: (-item[1], str(item[0])))
    return group_totals, facet_counts


def hits(parameters, site_keys, language, start, size):
    queryset = scoped(parameters.filters, language, site_keys)
    text = search_text(parameters)
    order = [F("date").desc(nulls_last=True), "id"]
    if parameters.sort == Sort.OLDEST:
        order = [F("date").asc(nulls_last=True), "id"]
    if text:
        queryset = queryset.filter(
            RawSQL(f'"{TABLE}"."search_vector" @@ {TSQUERY}', [text], output_field=BooleanField())
        )
        if parameters.sort == Sort.RELEVANCE:
            queryset = queryset.annotate(
                rank=RawSQL(f'ts_rank("{TABLE}"."search_vector", {TSQUERY})', [text], output_field=FloatField())
            )
            order = ["-rank"] + order
    rows = queryset.order_by(*order).only("title", "site", "language", "kind", "path", "summary", "date")
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
    """Return titles whose words start like ``text``: every word, the last one as a prefix."""
    words = plain_words(text.replace("'", " ").replace("’", " ").replace("-", " ")).split()
    if not words:
        return []
    prefix_query = " & ".join(words[:-1] + [words[-1] + ":*"])
    condition = f"\"{TABLE}\".\"search_vector\" @@ to_tsquery('platform_french'::regconfig, %s)"
    queryset = (
        SearchEntry.objects.filter(language=language, visible=True, site__in=site_keys)
        .filter(RawSQL(condition, [prefix_query], output_field=BooleanField()))
        .order_by("title")
        .values_list("title", "site", "path")
    )
    return list(queryset[:limit])
