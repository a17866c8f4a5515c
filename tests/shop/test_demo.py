"""Demo catalogue: contents, and a second run that changes nothing."""

import io
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from oscar.core.loading import get_model

from shop import demo

pytestmark = pytest.mark.django_db

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")


def table_counts():
    return {
        model.__name__: model.objects.count()
        for model in (Category, Partner, Product, ProductCategory, ProductClass, StockRecord)
    }


def test_populate_creates_catalogue(platform_sites):
    output = io.StringIO()
    demo.populate(output)

    assert output.getvalue() == (
        "Produits de démonstration de la boutique : 6 créés, 0 mis à jour, 0 inchangés, 0 rejetés"
    )
    assert table_counts() == {
        "Category": 3,
        "Partner": 1,
        "Product": 6,
        "ProductCategory": 6,
        "ProductClass": 3,
        "StockRecord": 6,
    }
    assert sorted(ProductClass.objects.values_list("name", flat=True)) == [
        "DVD",
        "Figurine",
        "Livre",
    ]
    assert Partner.objects.get().name == "Musées de Compiègne"


def test_populate_creates_staff_group(platform_sites):
    demo.populate(io.StringIO())
    demo.populate(io.StringIO())

    group = Group.objects.get(name="Équipe de la boutique")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"add_product", "change_product", "add_stockrecord", "change_stockrecord"} <= codenames
    assert "delete_category" not in codenames
    assert len(codenames) == 31


def test_populate_stock_records_in_euros(platform_sites):
    demo.populate_catalogue()
    record = StockRecord.objects.get(partner_sku="DEMO-FIG-001")
    assert record.product.title == "Grenadier de la Garde impériale, figurine en étain"
    assert record.product.product_class.name == "Figurine"
    assert record.product.categories.get().name == "Figurines"
    assert record.price == Decimal("35.00")
    assert record.price_currency == "EUR"
    assert record.num_in_stock == 10
    assert set(StockRecord.objects.values_list("price_currency", flat=True)) == {"EUR"}


def test_populate_second_run_unchanged(platform_sites):
    demo.populate_catalogue()
    counts = table_counts()
    updated = dict(Product.objects.values_list("upc", "date_updated"))

    report = demo.populate_catalogue()

    assert (report.created, report.updated, report.unchanged) == (0, 0, 6)
    assert table_counts() == counts
    assert dict(Product.objects.values_list("upc", "date_updated")) == updated


def test_populate_restores_edited_product(platform_sites):
    demo.populate_catalogue()
    Product.objects.filter(upc="DEMO-DVD-001").update(title="Titre modifié")
    StockRecord.objects.filter(partner_sku="DEMO-LIVRE-002").update(price=Decimal("99.00"))

    report = demo.populate_catalogue()

    assert (report.created, report.updated, report.unchanged) == (0, 2, 4)
    assert Product.objects.get(upc="DEMO-DVD-001").title == "Compiègne, une ville et ses musées"
    assert StockRecord.objects.get(partner_sku="DEMO-LIVRE-002").price == Decimal("12.00")
