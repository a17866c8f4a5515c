"""Haystack engine that runs Oscar's product searches on the database.

Oscar 4 browses and searches its catalogue through Haystack only. The ``SimpleEngine`` of
django-haystack 3.4 turns every filter value into a free-text term (Oscar's ``is_public="true"``
filter becomes the word "true"), so it lists no product at all. This engine translates Haystack's
filter tree into a Django ``Q`` over ``Product`` instead, so the shop needs no search server.
NOTE: free text runs ``icontains`` scans over title and description. That suits a museum shop's
catalogue; tens of thousands of products would call for a real search engine (an estimate).

Supported: the filters Oscar sets (``is_public``, ``structure``, ``category``, ``product_class``,
``upc``, ``title``), free text on title, UPC and description (quoted phrases and ``-excluded``
words), Oscar's sort keys, and slicing for pagination. Facet counts and spelling suggestions are
not computed, so Oscar shows no facet panel.
"""

import logging
import re

from django.db.models import F, Min, Q
from haystack.backends import BaseEngine, BaseSearchBackend, BaseSearchQuery, SearchNode, log_query
from haystack.exceptions import SearchBackendError
from haystack.models import SearchResult
from oscar.core.loading import get_model

logger = logging.getLogger(__name__)

# Free-text input comes from visitors: only this many words of at most this many characters
# become database conditions, so a pasted essay cannot build a huge query.
MAX_SEARCH_TERMS = 8
MAX_TERM_LENGTH = 100

TOKEN_PATTERN = re.compile(r'"(?P<phrase>[^"]*)"|(?P<word>\S+)')

# Oscar's sort keys (SearchForm.SORT_BY_MAP) mapped to Product fields or annotations.
SORT_FIELDS = {
    "title_exact": "title",
    "title_s": "title",
    "date_created": "date_created",
    "rating": "rating",
    "price": "lowest_price",
}
DEFAULT_ORDERING = ("-priority", "title", "pk")


def product_model():
    return get_model("catalogue", "Product")


def as_boolean(value):
    return value in (True, 1, "1", "true", "True")


def text_condition(value):
    """Build the condition for free text: every word or quoted phrase must match somewhere.

    ``value`` is a Haystack input (``AutoQuery``, ``Clean``...) or a plain string.
    """
    raw = getattr(value, "query_string", value)
    condition = Q()
    tokens = list(TOKEN_PATTERN.finditer(str(raw)))[:MAX_SEARCH_TERMS]
    for token in tokens:
        phrase = token.group("phrase")
        term = phrase if phrase is not None else token.group("word")
        excluded = token.group("word") is not None and term.startswith("-") and len(term) > 1
        if excluded:
            term = term[1:]
        term = term.strip()[:MAX_TERM_LENGTH]
        if not term:
            continue
        matches = Q(title__icontains=term) | Q(upc__iexact=term) | Q(description__icontains=term)
        condition &= ~matches if excluded else matches
    return condition


def category_condition(category_ids):
    ProductCategory = get_model("catalogue", "ProductCategory")
    linked = ProductCategory.objects.filter(category_id__in=category_ids).values("product_id")
    return Q(pk__in=linked)


def field_condition(field, filter_type, value):
    """Translate one Haystack filter (``field__filter_type=value``) into a Q.

    Raises SearchBackendError for a field or filter type this engine does not know, because such a
    filter comes from code (Oscar or ours), never from a visitor.
    """
    if field in ("content", "text"):
        return text_condition(value)
    values = list(value) if filter_type == "in" else [value]
    if filter_type not in ("content", "contains", "exact", "in"):
        raise SearchBackendError(f"Unsupported search filter type {filter_type!r} on {field!r}.")
    if field == "is_public":
        return Q(is_public__in=[as_boolean(item) for item in values])
    if field == "structure":
        return Q(structure__in=[str(item) for item in values])
    if field == "category":
        return category_condition([int(item) for item in values])
    if field == "product_class":
        return Q(product_class__name__in=[str(item) for item in values])
    if field == "upc":
        return Q(upc__in=[str(item) for item in values])
    if field == "title":
        condition = Q()
        for item in values:
            condition |= Q(title__icontains=str(item))
        return condition
    raise SearchBackendError(f"Unsupported search field {field!r}.")


def node_condition(node):
    """Translate a Haystack filter tree (SearchNode of AND/OR children) into one Q."""
    condition = Q()
    for child in node.children:
        if isinstance(child, SearchNode):
            child_condition = node_condition(child)
        else:
            expression, value = child
            field, filter_type = node.split_expression(expression)
            child_condition = field_condition(field, filter_type, value)
        if node.connector == SearchNode.AND:
            condition &= child_condition
        else:
            condition |= child_condition
    return ~condition if node.negated else condition


def ordering_expressions(sort_by):
    """Map Haystack sort keys (``"-price"``, ``"title_exact"``) to ORM order expressions."""
    expressions = []
    for key in sort_by or ():
        descending = key.startswith("-")
        name = key.lstrip("-")
        if name not in SORT_FIELDS:
            raise SearchBackendError(f"Unsupported sort key {key!r}.")
        field = F(SORT_FIELDS[name])
        expressions.append(
            field.desc(nulls_last=True) if descending else field.asc(nulls_last=True)
        )
    if not expressions:
        return list(DEFAULT_ORDERING)
    return expressions + ["pk"]


def product_read_queryset(alias):
    """Return the read queryset of Haystack's product index (stock records, images prefetched)."""
    from haystack import connections

    return connections[alias].get_unified_index().get_index(product_model()).read_queryset()


class ProductBatch:
    """Products of one result page, loaded together the first time any of them is needed.

    Haystack runs each query once only to count it, with a one-result slice. Loading lazily keeps
    that run from fetching products that are never displayed.
    """

    def __init__(self, primary_keys, alias):
        self.primary_keys = primary_keys
        self.alias = alias
        self.products = None

    def get(self, primary_key):
        if self.products is None:
            self.products = product_read_queryset(self.alias).in_bulk(self.primary_keys)
        return self.products.get(primary_key)


class ProductSearchResult(SearchResult):
    """Search result whose product comes from its page's ProductBatch, in one query per page.

    Oscar's catalogue browsing does not call ``load_all()`` (only its text search does), so
    Haystack's default result would load each product with its own queries.
    """

    batch = None

    def _get_object(self):
        if self._object is None and self.batch is not None:
            self._object = self.batch.get(self.pk)
        return super()._get_object()

    object = property(_get_object, SearchResult._set_object)


class ProductDatabaseBackend(BaseSearchBackend):
    """Search backend whose "index" is the catalogue tables themselves."""

    # Oscar escapes facet values with these; the ORM needs no escaping.
    RESERVED_WORDS = []
    RESERVED_CHARACTERS = []

    def update(self, index, iterable, commit=True):
        """Do nothing: the database is the index, so there is nothing to update."""

    def remove(self, obj_or_string, commit=True):
        """Do nothing: a deleted product leaves the results together with its row."""

    def clear(self, models=None, commit=True):
        """Do nothing: there is no separate index to clear."""

    def filtered_queryset(self, query_filter, narrow_queries=None):
        queryset = product_model().objects.all()
        if query_filter is not None:
            queryset = queryset.filter(node_condition(query_filter))
        if narrow_queries:
            # Narrow queries come from facet links (the visitor's ``selected_facets``). This
            # engine computes no facets, so any narrowing selects no product.
            logger.debug("Ignoring facet narrowing %s: facets are not supported", narrow_queries)
            queryset = queryset.none()
        return queryset

    @log_query
    def search(
        self,
        query_string,
        sort_by=None,
        start_offset=0,
        end_offset=None,
        narrow_queries=None,
        models=None,
        result_class=None,
        **kwargs,
    ):
        """Return ``{"results", "hits", "facets", "spelling_suggestion"}`` for one query.

        ``query_string`` is the filter tree (a SearchNode) built by ProductDatabaseSearchQuery.
        """
        if result_class in (None, SearchResult):
            result_class = ProductSearchResult
        Product = product_model()
        if models and Product not in models:
            return {"results": [], "hits": 0, "facets": {}, "spelling_suggestion": None}

        queryset = self.filtered_queryset(query_string, narrow_queries)
        hits = queryset.count()
        if "price" in {key.lstrip("-") for key in sort_by or ()}:
            queryset = queryset.annotate(lowest_price=Min("stockrecords__price"))
        queryset = queryset.order_by(*ordering_expressions(sort_by))

        end = end_offset if end_offset is not None else hits
        primary_keys = list(queryset.values_list("pk", flat=True)[start_offset:end])
        app_label = Product._meta.app_label
        model_name = Product._meta.model_name
        results = [result_class(app_label, model_name, pk, 0) for pk in primary_keys]
        if result_class is ProductSearchResult:
            batch = ProductBatch(primary_keys, self.connection_alias)
            for result in results:
                result.batch = batch
        return {"results": results, "hits": hits, "facets": {}, "spelling_suggestion": None}

    def more_like_this(self, model_instance, additional_query_string=None, **kwargs):
        return {"results": [], "hits": 0}


class ProductDatabaseSearchQuery(BaseSearchQuery):
    """Search query that hands Haystack's filter tree to the backend instead of a query string."""

    def build_query(self):
        return self.query_filter

    def __str__(self):
        return str(self.query_filter)

    def build_query_fragment(self, field, filter_type, value):
        # Only used by as_query_string, which this engine never calls.
        return f"{field}__{filter_type}={value}"

    def clean(self, query_fragment):
        return query_fragment


class ProductDatabaseEngine(BaseEngine):
    backend = ProductDatabaseBackend
    query = ProductDatabaseSearchQuery
