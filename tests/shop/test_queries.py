"""Query counts of the shop's product pages: bounded, and independent of the number of products."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from tests.shop.conftest import MUSEES

pytestmark = pytest.mark.django_db

# Measured with count_queries on SQLite and the demo catalogue: 11 for the list and 11 for a
# product page, once the site's menus and settings are cached (the shop itself is never served
# from the page cache).
MAX_LIST_QUERIES = 11
MAX_DETAIL_QUERIES = 11
MAX_ONE_LINE_BASKET_QUERIES = 25


def add_extra_products(count):
    """Create ``count`` more stocked books in the first demo category."""
    Category = get_model("catalogue", "Category")
    Partner = get_model("partner", "Partner")
    Product = get_model("catalogue", "Product")
    ProductClass = get_model("catalogue", "ProductClass")
    StockRecord = get_model("partner", "StockRecord")

    category = Category.objects.get(code="livres")
    partner = Partner.objects.get(code="musees-de-compiegne")
    book = ProductClass.objects.get(slug="livre")
    for number in range(count):
        product = Product.objects.create(
            upc=f"TEST-EXTRA-{number}", title=f"Livre supplémentaire {number}", product_class=book
        )
        product.categories.add(category)
        StockRecord.objects.create(
            product=product,
            partner=partner,
            partner_sku=product.upc,
            price=Decimal("10.00"),
            price_currency="EUR",
            num_in_stock=5,
        )


def count_queries(client, path):
    client.get(path, HTTP_HOST=MUSEES)  # Warm per-process caches (content types, settings).
    with CaptureQueriesContext(connection) as context:
        response = client.get(path, HTTP_HOST=MUSEES)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_product_list_queries_bounded(client, shop_catalogue, django_assert_max_num_queries):
    client.get("/boutique/catalogue/", HTTP_HOST=MUSEES)
    with django_assert_max_num_queries(MAX_LIST_QUERIES):
        response = client.get("/boutique/catalogue/", HTTP_HOST=MUSEES)
    assert response.status_code == 200


def test_product_list_queries_independent_of_size(client, shop_catalogue):
    before = count_queries(client, "/boutique/catalogue/")
    add_extra_products(10)
    after = count_queries(client, "/boutique/catalogue/")
    assert after == before


def test_category_queries_independent_of_size(client, shop_catalogue):
    category_url = shop_catalogue["DEMO-LIVRE-001"].get_categories().first().get_absolute_url()
    before = count_queries(client, category_url)
    add_extra_products(10)
    after = count_queries(client, category_url)
    assert after == before


def test_product_detail_queries_bounded(client, shop_catalogue, django_assert_max_num_queries):
    url = shop_catalogue["DEMO-FIG-001"].get_absolute_url()
    client.get(url, HTTP_HOST=MUSEES)
    with django_assert_max_num_queries(MAX_DETAIL_QUERIES):
        response = client.get(url, HTTP_HOST=MUSEES)
    assert response.status_code == 200


def test_basket_queries_bounded_per_line(client, shop_catalogue):
    # NOTE: Oscar's default pricing strategy selects each basket line's stock record and product
    # class on its own (Structured.fetch_for_line), both when offers are applied and when the line
    # form is built. Batching those needs a forked partner app; until then a line costs at most
    # this many queries, and a visitor's basket contains few lines.
    queries_per_line = 3
    products = list(shop_catalogue.values())
    client.post(f"/boutique/basket/add/{products[0].pk}/", {"quantity": 1}, HTTP_HOST=MUSEES)
    one_line = count_queries(client, "/boutique/basket/")
    for product in products[1:]:
        client.post(f"/boutique/basket/add/{product.pk}/", {"quantity": 1}, HTTP_HOST=MUSEES)
    six_lines = count_queries(client, "/boutique/basket/")
    assert one_line <= MAX_ONE_LINE_BASKET_QUERIES
    assert six_lines - one_line <= queries_per_line * 5
