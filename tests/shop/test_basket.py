"""Basket of an anonymous visitor, through Oscar's real basket views."""

import pytest

from tests.shop.conftest import MUSEES

pytestmark = pytest.mark.django_db


def add_to_basket(client, product, quantity):
    return client.post(
        f"/boutique/basket/add/{product.pk}/", {"quantity": quantity}, HTTP_HOST=MUSEES
    )


def basket_rows(document):
    """Return (product, unit price, quantity, line total) for each basket line."""
    rows = []
    for row in document.xpath("//table[@class='basket-table']/tbody/tr"):
        cells = row.xpath("./td")
        rows.append(
            (
                row.xpath("string(./th/a)").strip(),
                cells[0].text_content().strip(),
                row.xpath("string(.//input[@type='number']/@value)"),
                cells[2].text_content().strip(),
            )
        )
    return rows


def basket_total(document):
    return document.xpath("string(//tr[@class='basket-total']/td)").strip()


def update_line_form(document, **values):
    """Build the POST data of the basket formset from the rendered form, with overrides."""
    form = document.xpath("//form[@class='basket-form']")[0]
    data = {
        field.get("name"): field.get("value", "")
        for field in form.xpath(".//input[@name]")
        if field.get("type") != "checkbox"
    }
    data.update(values)
    return data


def test_empty_basket_page(shop_get, shop_catalogue):
    response, document = shop_get("/boutique/basket/")
    assert response.status_code == 200
    assert document.xpath("string(//h1)").strip() == "Panier"
    assert "Votre panier est vide." in document.xpath("string(//main)")


def test_add_product_shows_line_and_total(client, shop_get, shop_catalogue):
    guide = shop_catalogue["DEMO-LIVRE-001"]
    response = add_to_basket(client, guide, 2)
    assert response.status_code == 302

    response, document = shop_get("/boutique/basket/")
    assert basket_rows(document) == [(guide.title, "15,00\xa0€", "2", "30,00\xa0€")]
    assert basket_total(document) == "30,00\xa0€"


def test_add_two_products_sums_total(client, shop_get, shop_catalogue):
    add_to_basket(client, shop_catalogue["DEMO-LIVRE-002"], 1)
    add_to_basket(client, shop_catalogue["DEMO-FIG-001"], 1)
    add_to_basket(client, shop_catalogue["DEMO-LIVRE-002"], 1)

    _response, document = shop_get("/boutique/basket/")
    assert sorted(basket_rows(document)) == [
        ("Grenadier de la Garde impériale, figurine en étain", "35,00\xa0€", "1", "35,00\xa0€"),
        ("Le cloître Saint-Corneille, une abbaye royale", "12,00\xa0€", "2", "24,00\xa0€"),
    ]
    assert basket_total(document) == "59,00\xa0€"


def test_addition_message_in_french(client, shop_catalogue):
    dvd = shop_catalogue["DEMO-DVD-001"]
    response = client.post(
        f"/boutique/basket/add/{dvd.pk}/",
        {"quantity": 1},
        HTTP_HOST=MUSEES,
        HTTP_REFERER=f"http://{MUSEES}/boutique/catalogue/",
        follow=True,
    )
    assert response.redirect_chain == [("http://musees.localhost/boutique/catalogue/", 302)]
    text = response.content.decode()
    assert "a été ajouté à votre panier" in text
    assert "/boutique/checkout/" not in text


def test_change_quantity(client, shop_get, shop_catalogue):
    figurine = shop_catalogue["DEMO-FIG-002"]
    add_to_basket(client, figurine, 1)
    _response, document = shop_get("/boutique/basket/")

    response = client.post(
        "/boutique/basket/",
        update_line_form(document, **{"form-0-quantity": "3"}),
        HTTP_HOST=MUSEES,
    )
    assert response.status_code == 302

    _response, document = shop_get("/boutique/basket/")
    assert basket_rows(document) == [(figurine.title, "32,00\xa0€", "3", "96,00\xa0€")]
    assert basket_total(document) == "96,00\xa0€"


def test_remove_line_with_checkbox(client, shop_get, shop_catalogue):
    add_to_basket(client, shop_catalogue["DEMO-LIVRE-001"], 1)
    _response, document = shop_get("/boutique/basket/")

    data = update_line_form(document, **{"form-0-DELETE": "on"})
    response = client.post("/boutique/basket/", data, HTTP_HOST=MUSEES)
    assert response.status_code == 302

    _response, document = shop_get("/boutique/basket/")
    assert basket_rows(document) == []
    assert "Votre panier est vide." in document.xpath("string(//main)")


def test_quantity_above_stock_rejected(client, shop_get, shop_catalogue):
    figurine = shop_catalogue["DEMO-FIG-002"]  # 8 in stock
    add_to_basket(client, figurine, 1)
    _response, document = shop_get("/boutique/basket/")

    client.post(
        "/boutique/basket/",
        update_line_form(document, **{"form-0-quantity": "50"}),
        HTTP_HOST=MUSEES,
    )
    _response, document = shop_get("/boutique/basket/")
    assert basket_rows(document)[0][2] == "1"


def test_basket_hides_checkout(client, shop_get, shop_catalogue):
    add_to_basket(client, shop_catalogue["DEMO-LIVRE-001"], 1)
    response, document = shop_get("/boutique/basket/")
    assert document.xpath("//a[contains(@href, '/boutique/checkout/')]") == []
    assert "La commande et le paiement en ligne ne sont pas encore ouverts" in document.xpath(
        "string(//main)"
    )


def test_basket_count_in_navigation(client, shop_get, shop_catalogue):
    add_to_basket(client, shop_catalogue["DEMO-LIVRE-001"], 2)
    _response, document = shop_get("/boutique/catalogue/")
    assert document.xpath("string(//a[@class='shop-nav__basket'])").split() == [
        "Panier",
        "(2",
        "articles)",
    ]
