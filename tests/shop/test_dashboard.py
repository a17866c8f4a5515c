"""Oscar's dashboard, where shop staff manage products: it works and loads only local assets."""

import lxml.html
import pytest
from django.contrib.auth import get_user_model
from oscar.core.loading import get_model

from shop.permissions import ensure_shop_staff_group
from tests.shop.conftest import MUSEES
from tests.shop.test_pages import EXTERNAL_URL

pytestmark = pytest.mark.django_db

DASHBOARD_PATHS = [
    "/boutique/dashboard/",
    "/boutique/dashboard/catalogue/",
    "/boutique/dashboard/catalogue/products/create/livre/",
    "/boutique/dashboard/catalogue/categories/",
]


@pytest.fixture
def staff_client(client, shop_catalogue):
    """A client logged in as a staff user of the shop staff group (not a superuser)."""
    user = get_user_model().objects.create_user(
        username="boutique", email="boutique@musees.localhost", password="x" * 16, is_staff=True
    )
    user.groups.add(ensure_shop_staff_group())
    client.force_login(user)
    return client


def form_data(document, form_id):
    """Return the values a browser would submit for a form left as rendered (no file, no box)."""
    form = document.get_element_by_id(form_id)
    data = {}
    for field in form.xpath(".//input[@name] | .//select[@name] | .//textarea[@name]"):
        if field.get("type") in ("checkbox", "file", "submit"):
            continue
        if field.tag == "select":
            selected = field.xpath("./option[@selected]/@value")
            data[field.get("name")] = selected[0] if selected else ""
        else:
            data[field.get("name")] = field.get("value") or field.text or ""
    return data


def test_dashboard_requires_staff(client, shop_catalogue):
    response = client.get("/boutique/dashboard/", HTTP_HOST=MUSEES)
    assert response.status_code == 302
    assert response["Location"].startswith("/boutique/dashboard/login/")


@pytest.mark.parametrize("path", DASHBOARD_PATHS)
def test_dashboard_page_loads_local_assets(staff_client, path):
    response = staff_client.get(path, HTTP_HOST=MUSEES)
    assert response.status_code == 200
    document = lxml.html.fromstring(response.content)
    urls = document.xpath("//link/@href | //script/@src | //img/@src")
    assert any(url.endswith("oscar/js/jquery/jquery.min.js") for url in urls)
    assert [url for url in urls if EXTERNAL_URL.match(url)] == []


def test_dashboard_product_list_shows_demo_products(staff_client):
    response = staff_client.get("/boutique/dashboard/catalogue/", HTTP_HOST=MUSEES)
    text = response.content.decode()
    assert "Musée Antoine Vivenel : guide des collections" in text
    assert "DEMO-FIG-002" in text


def test_staff_creates_product_in_dashboard(staff_client, shop_get):
    """The steps of docs/boutique.md: create a book with a category and a stock record."""
    Category = get_model("catalogue", "Category")
    Partner = get_model("partner", "Partner")
    create_url = "/boutique/dashboard/catalogue/products/create/livre/"
    document = lxml.html.fromstring(staff_client.get(create_url, HTTP_HOST=MUSEES).content)
    data = form_data(document, "create_update_product_form")
    data.update(
        {
            "title": "Carnet de croquis du musée",
            "upc": "TEST-CARNET-001",
            "description": "<p>Un carnet pour dessiner en visite.</p>",
            "is_public": "on",
            "productcategory_set-0-category": str(Category.objects.get(code="livres").pk),
            "stockrecords-0-partner": str(Partner.objects.get().pk),
            "stockrecords-0-partner_sku": "TEST-CARNET-001",
            "stockrecords-0-num_in_stock": "12",
            "stockrecords-0-price_currency": "EUR",
            "stockrecords-0-price": "9.50",
        }
    )

    response = staff_client.post(create_url, data, HTTP_HOST=MUSEES)
    assert response.status_code == 302

    _response, catalogue = shop_get("/boutique/catalogue/")
    titles = [title.text_content().strip() for title in catalogue.xpath("//h2/a")]
    assert "Carnet de croquis du musée" in titles
    assert "9,50\xa0€" in lxml.html.tostring(catalogue, encoding="unicode")
