"""Fixtures of the shop tests: the four sites plus the demo catalogue, and HTML helpers."""

import lxml.html
import pytest

MUSEES = "musees.localhost"


@pytest.fixture
def shop_catalogue(platform_sites):
    """Load the demo catalogue; return its products keyed by UPC."""
    from oscar.core.loading import get_model

    from shop.demo import populate_catalogue

    populate_catalogue()
    Product = get_model("catalogue", "Product")
    return {product.upc: product for product in Product.objects.all()}


@pytest.fixture
def shop_get(client):
    """GET a path on the museums' host and return (response, parsed lxml document)."""

    def get(path, **extra):
        response = client.get(path, HTTP_HOST=MUSEES, **extra)
        document = lxml.html.fromstring(response.content) if response.content else None
        return response, document

    return get
