"""Shop pages through the real URLs, middleware and views: hosts, language, branding, assets."""

import re

import lxml.html
import pytest

from tests.shop.conftest import MUSEES

pytestmark = pytest.mark.django_db

DEMO_TITLES = [
    "Musée Antoine Vivenel : guide des collections",
    "Le cloître Saint-Corneille, une abbaye royale",
    "Soldats d'étain : la collection du musée de la Figurine historique",
    "Compiègne, une ville et ses musées",
    "Grenadier de la Garde impériale, figurine en étain",
    "Cantinière du Premier Empire, figurine en étain",
]
EXTERNAL_URL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


def shop_paths(products):
    guide = products["DEMO-LIVRE-001"]
    category = guide.get_categories().first()
    return [
        "/boutique/catalogue/",
        category.get_absolute_url(),
        guide.get_absolute_url(),
        "/boutique/basket/",
        "/boutique/search/?q=Vivenel",
        "/boutique/checkout/",
    ]


def test_shop_root_redirects_to_catalogue(client, shop_catalogue):
    response = client.get("/boutique/", HTTP_HOST=MUSEES, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [("/boutique/catalogue/", 302)]


@pytest.mark.parametrize("site_key", ["memorial", "archives", "tourisme"])
@pytest.mark.parametrize("path", ["/boutique/", "/boutique/catalogue/", "/boutique/basket/"])
def test_shop_not_found_on_other_sites(client, shop_catalogue, hosts, site_key, path):
    response = client.get(path, HTTP_HOST=hosts[site_key])
    assert response.status_code == 404


def test_product_list_in_french(shop_get, shop_catalogue):
    response, document = shop_get("/boutique/catalogue/")
    assert response.status_code == 200
    assert document.get("lang") == "fr"
    assert document.xpath("string(//h1)").strip() == "Tous les produits"
    titles = [title.text_content().strip() for title in document.xpath("//h2/a")]
    assert sorted(titles) == sorted(DEMO_TITLES)
    buttons = document.xpath("//form[contains(@class, 'add-to-basket')]//button")
    assert [button.text_content().strip() for button in buttons] == ["Ajouter au panier"] * 6
    assert "15,00\xa0€" in response.content.decode()
    assert "6 produits" in document.xpath("string(//p[@class='shop-results__count'])")


def test_shop_stays_french_for_english_browser(shop_get, shop_catalogue):
    response, document = shop_get("/boutique/catalogue/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert document.get("lang") == "fr"
    assert "Ajouter au panier" in response.content.decode()
    assert "Add to basket" not in response.content.decode()


def test_category_lists_its_products(shop_get, shop_catalogue):
    figurine = shop_catalogue["DEMO-FIG-001"]
    response, document = shop_get(figurine.get_categories().first().get_absolute_url())
    assert response.status_code == 200
    assert document.xpath("string(//h1)").strip() == "Figurines"
    titles = sorted(title.text_content().strip() for title in document.xpath("//h2/a"))
    assert titles == [
        "Cantinière du Premier Empire, figurine en étain",
        "Grenadier de la Garde impériale, figurine en étain",
    ]


def test_product_detail_in_french(shop_get, shop_catalogue):
    guide = shop_catalogue["DEMO-LIVRE-001"]
    response, document = shop_get(guide.get_absolute_url())
    assert response.status_code == 200
    assert document.xpath("string(//h1)").strip() == guide.title
    assert "Article de démonstration" in document.xpath("string(//section)")
    assert document.xpath("string(//label[@for='id_quantity'])").strip() == "Quantité"
    assert document.xpath("string(//form[contains(@class, 'add-to-basket')]//button)").strip() == (
        "Ajouter au panier"
    )
    assert "15,00\xa0€" in response.content.decode()


def test_search_finds_by_title_word(shop_get, shop_catalogue):
    response, document = shop_get("/boutique/search/?q=Vivenel")
    assert response.status_code == 200
    titles = [title.text_content().strip() for title in document.xpath("//h2/a")]
    assert titles == ["Musée Antoine Vivenel : guide des collections"]


def test_search_sorts_by_price(shop_get, shop_catalogue):
    response, document = shop_get("/boutique/catalogue/?sort_by=price-desc")
    assert response.status_code == 200
    prices = [
        price.text_content().strip() for price in document.xpath("//p[@class='product-price']")
    ]
    assert prices == [
        "35,00\xa0€",
        "32,00\xa0€",
        "24,00\xa0€",
        "18,00\xa0€",
        "15,00\xa0€",
        "12,00\xa0€",
    ]


def test_shop_pages_show_museum_branding(client, shop_catalogue):
    for path in shop_paths(shop_catalogue):
        response = client.get(path, HTTP_HOST=MUSEES)
        assert response.status_code == 200, path
        document = lxml.html.fromstring(response.content)
        assert document.xpath("string(//*[@class='site-header__name'])") == "Musées de Compiègne", (
            path
        )
        assert document.xpath("string(//footer//h2)") == "Musées de Compiègne", path
        assert "--colour-primary" in document.xpath("string(//head/style)"), path
        assert document.xpath("string(//title)").endswith(" – Musées de Compiègne"), path


def test_shop_shell_loads_site_assets(client, shop_catalogue):
    """The shop layout repeats base.html's shell; every asset of a site page must be in it."""
    home = lxml.html.fromstring(client.get("/", HTTP_HOST=MUSEES).content)
    shop = lxml.html.fromstring(client.get("/boutique/catalogue/", HTTP_HOST=MUSEES).content)
    for query in ("//link[@rel='stylesheet']/@href", "//script/@src"):
        home_assets = set(home.xpath(query))
        assert home_assets, query
        assert home_assets <= set(shop.xpath(query)), query
    assert home.xpath("string(//head/style)") == shop.xpath("string(//head/style)")
    for query in (
        "//header//a[@class='site-header__brand']/@href",
        "//nav[@class='main-menu']//a/@href",
    ):
        assert home.xpath(query) == shop.xpath(query), query


def test_shop_pages_load_nothing_from_other_hosts(client, shop_catalogue):
    for path in shop_paths(shop_catalogue):
        document = lxml.html.fromstring(client.get(path, HTTP_HOST=MUSEES).content)
        urls = document.xpath("//link/@href | //script/@src | //img/@src | //img/@srcset")
        assert urls, path
        external = [url for url in urls if EXTERNAL_URL.match(url)]
        assert external == [], path


def test_shop_pages_have_one_heading_and_labelled_fields(client, shop_catalogue):
    client.post(
        f"/boutique/basket/add/{shop_catalogue['DEMO-DVD-001'].pk}/",
        {"quantity": 1},
        HTTP_HOST=MUSEES,
    )
    for path in shop_paths(shop_catalogue):
        document = lxml.html.fromstring(client.get(path, HTTP_HOST=MUSEES).content)
        assert len(document.xpath("//h1")) == 1, path
        label_targets = set(document.xpath("//label/@for"))
        fields = document.xpath(
            "//input[not(@type='hidden') and not(@type='submit')] | //select | //textarea"
        )
        for field in fields:
            labelled = field.get("id") in label_targets or field.xpath("ancestor::label")
            assert labelled, (path, lxml.html.tostring(field))


def test_checkout_is_closed(client, shop_catalogue):
    response = client.get("/boutique/checkout/", HTTP_HOST=MUSEES)
    assert response.status_code == 200
    document = lxml.html.fromstring(response.content)
    assert document.xpath("string(//h1)").strip() == "La commande en ligne n'est pas encore ouverte"


def test_checkout_post_places_no_order(client, shop_catalogue):
    from oscar.core.loading import get_model

    Order = get_model("order", "Order")
    product = shop_catalogue["DEMO-LIVRE-002"]
    client.post(f"/boutique/basket/add/{product.pk}/", {"quantity": 1}, HTTP_HOST=MUSEES)
    for path in ("/boutique/checkout/preview/", "/boutique/checkout/payment-details/"):
        response = client.post(path, {"action": "place_order"}, HTTP_HOST=MUSEES)
        assert response.status_code == 200, path
    assert Order.objects.count() == 0


def test_out_of_stock_product_cannot_be_added(shop_get, shop_catalogue):
    from oscar.core.loading import get_model

    StockRecord = get_model("partner", "StockRecord")
    grenadier = shop_catalogue["DEMO-FIG-001"]
    StockRecord.objects.filter(product=grenadier).update(num_in_stock=0)

    _response, document = shop_get("/boutique/catalogue/")
    card = document.xpath(f"//article[.//h2[@id='product-{grenadier.pk}-title']]")[0]
    assert card.xpath(".//form") == []
    _response, document = shop_get(grenadier.get_absolute_url())
    assert document.xpath("//form[contains(@class, 'add-to-basket')]") == []
    assert "Ce produit ne peut pas être commandé pour le moment." in document.xpath(
        "string(//main)"
    )


@pytest.mark.parametrize(
    "path", ["/boutique/accounts/login/", "/boutique/accounts/register/", "/boutique/offers/"]
)
def test_unlinked_oscar_pages_use_museum_shell(client, shop_catalogue, path):
    # These pages keep Oscar's own templates (see the note in oscar/layout.html): they only need
    # to render in the museums' shell.
    response = client.get(path, HTTP_HOST=MUSEES)
    assert response.status_code == 200
    document = lxml.html.fromstring(response.content)
    assert document.xpath("string(//*[@class='site-header__name'])") == "Musées de Compiègne"
    assert document.xpath("string(//html/@lang)") == "fr"
