"""Unit cases of the database Haystack engine behind Oscar's catalogue."""

import pytest
from haystack.exceptions import SearchBackendError
from haystack.inputs import AutoQuery
from haystack.query import SearchQuerySet
from oscar.apps.search.facets import base_sqs
from oscar.core.loading import get_model

from shop.search_backend import MAX_SEARCH_TERMS, text_condition

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")


def titles(queryset):
    return sorted(result.object.title for result in queryset)


def test_browse_lists_public_products(shop_catalogue):
    Product.objects.filter(upc="DEMO-DVD-001").update(is_public=False)
    found = titles(base_sqs())
    assert len(found) == 5
    assert "Compiègne, une ville et ses musées" not in found


def test_count_matches_results(shop_catalogue):
    assert base_sqs().count() == 6
    assert len(list(base_sqs()[2:4])) == 2


def test_free_text_words_all_required(shop_catalogue):
    found = titles(base_sqs().auto_query("figurine Grenadier"))
    assert found == ["Grenadier de la Garde impériale, figurine en étain"]


def test_free_text_excluded_word(shop_catalogue):
    found = titles(base_sqs().auto_query("figurine -Grenadier"))
    assert "Grenadier de la Garde impériale, figurine en étain" not in found
    assert "Cantinière du Premier Empire, figurine en étain" in found


def test_free_text_quoted_phrase(shop_catalogue):
    found = titles(base_sqs().auto_query('"une abbaye royale"'))
    assert found == ["Le cloître Saint-Corneille, une abbaye royale"]


def test_free_text_matches_upc(shop_catalogue):
    assert titles(base_sqs().auto_query("DEMO-DVD-001")) == ["Compiègne, une ville et ses musées"]


def test_category_filter(shop_catalogue):
    category = shop_catalogue["DEMO-DVD-001"].categories.get()
    found = titles(base_sqs().filter(category__in=[category.pk]))
    assert found == ["Compiègne, une ville et ses musées"]


def test_facet_narrowing_selects_nothing(shop_catalogue):
    assert base_sqs().narrow('product_class_exact:("Livre")').count() == 0


def test_unknown_field_raises(shop_catalogue):
    with pytest.raises(SearchBackendError):
        SearchQuerySet().filter(colour="rouge").count()


def test_unknown_sort_raises(shop_catalogue):
    with pytest.raises(SearchBackendError):
        SearchQuerySet().order_by("colour").count()


def test_search_terms_capped():
    condition = text_condition(AutoQuery(" ".join(f"mot{number}" for number in range(50))))
    assert len(condition.children) == MAX_SEARCH_TERMS
