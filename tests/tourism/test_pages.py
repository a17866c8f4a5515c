"""The offer listing on tourisme.localhost: index, type lists, offer pages, sitemap."""

import re

import pytest

from tourism.models import Offer, OfferPeriod

pytestmark = pytest.mark.django_db

HOST = "tourisme.localhost"
EVENT_URL = "/offres/cdt28-manifestations/FMACEN0280060359/"
HOTEL_URL = "/offres/cdt28-hotels/HOTCEN0280010001/"


def get(client, url, status=200):
    response = client.get(url, HTTP_HOST=HOST)
    assert response.status_code == status, url
    return response.content.decode()


def add_offers(count, offer_type="accommodation"):
    """Create ``count`` more offers with a period each, to show queries do not grow with them."""
    offers = Offer.objects.bulk_create(
        Offer(
            feed="extra",
            source_id=f"EXTRA{offer_type.upper()}{number:05d}",
            name=f"Offre {number}",
            offer_type=offer_type,
            town="COMPIEGNE",
        )
        for number in range(count)
    )
    OfferPeriod.objects.bulk_create(
        OfferPeriod(offer=offer, start="2100-01-01", end="2100-01-02") for offer in offers
    )


def test_index_lists_types(client, offers_page):
    body = get(client, "/offres/")
    assert "<h1>Que faire à Compiègne ?</h1>" in body
    assert '<h2 id="offers-event">Fêtes et manifestations</h2>' in body
    assert '<h2 id="offers-accommodation">Hébergements</h2>' in body
    assert "Moto cross de Brou" in body
    assert "Chatel du Perche" in body
    assert f'href="{EVENT_URL}"' in body
    assert 'href="/offres/type/accommodation/"' in body


def test_index_filter_form_labelled(client, offers_page):
    body = get(client, "/offres/")
    assert '<label for="offer-type">' in body
    assert '<select id="offer-type" name="type">' in body
    assert '<option value="event">' in body


def test_filter_redirects_to_type(client, offers_page):
    response = client.get("/offres/?type=accommodation", HTTP_HOST=HOST)
    assert response.status_code == 302
    assert response["Location"] == "/offres/type/accommodation/"


def test_filter_keeps_language(client, offers_page):
    response = client.get("/de/offres/?type=event", HTTP_HOST=HOST)
    assert response["Location"] == "/de/offres/type/event/"


def test_type_list(client, offers_page):
    body = get(client, "/offres/type/accommodation/")
    assert "Hôtel du Perche" in body
    assert "Chatel du Perche" in body
    assert "Moto cross de Brou" not in body
    assert '<option value="accommodation" selected>' in body
    assert 'aria-current="page"' in body


def test_type_list_events_only_upcoming(client, offers_page):
    Offer.objects.create(
        feed="extra", source_id="FMAPAST000000001", name="Fête passée", offer_type="event"
    )
    body = get(client, "/offres/type/event/")
    assert "Moto cross de Brou" in body
    assert "Fête passée" not in body


def test_unknown_type_404(client, offers_page):
    get(client, "/offres/type/casino/", status=404)


def test_type_list_pagination(client, offers_page):
    add_offers(30)
    first = get(client, "/offres/type/accommodation/")
    assert 'rel="next"' in first
    second = get(client, "/offres/type/accommodation/?page=2")
    assert 'rel="prev"' in second
    get(client, "/offres/type/accommodation/?page=9", status=404)


def test_event_page(client, offers_page):
    body = get(client, EVENT_URL)
    assert '<h1 lang="fr">Moto cross de Brou</h1>' in body
    assert "Compétition sportive" in body
    assert "Du 1 juin 2100 au 2 juin 2100" in body
    assert "Circuit des Tonnes" in body
    assert "28160 DAMPIERRE-SOUS-BROU" in body
    assert 'href="tel:0600000000"' in body
    assert 'href="http://www.mxbrou.com"' in body
    assert "48.2111540" in body
    assert "1.1123749" in body
    assert 'href="https://www.openstreetmap.org/?mlat=48.2111540&amp;mlon=1.1123749' in body
    # Photos are links to the feed's server, never embedded images.
    assert 'href="http://cdt28.media.tourinsoft.eu/upload/1-21.jpg"' in body
    assert '>Photo 9: <span lang="fr">Moto cross de Brou</span></a>' in body
    assert "<img" not in body.split('<main id="main"')[1]
    assert "<iframe" not in body
    # The page is French: no notice about the language.
    assert "en français uniquement" not in body


def test_hotel_page(client, offers_page):
    body = get(client, HOTEL_URL)
    assert "Hôtel du Perche" in body
    assert "A deux pas du centre ville" in body
    assert "hotelduperche@brithotel.fr" in body
    # Its opening periods ended in 2019: none is shown.
    assert "Lundi" not in body


def test_offer_page_canonical_and_breadcrumbs(client, offers_page):
    body = get(client, EVENT_URL)
    assert f'<link rel="canonical" href="http://{HOST}{EVENT_URL}">' in body
    assert '<a href="/offres/type/event/">' in body
    assert '<li aria-current="page">Moto cross de Brou</li>' in body


def test_editor_note_shown(client, offers_page):
    Offer.objects.filter(source_id="FMACEN0280060359").update(
        editor_note="Navette gratuite depuis la gare."
    )
    assert "Navette gratuite depuis la gare." in get(client, EVENT_URL)


def test_hidden_and_unpublished_offers_404(client, offers_page):
    Offer.objects.filter(source_id="FMACEN0280060359").update(hidden=True)
    Offer.objects.filter(source_id="HOTCEN0280010001").update(published=False)
    get(client, EVENT_URL, status=404)
    get(client, HOTEL_URL, status=404)
    assert "Moto cross de Brou" not in get(client, "/offres/")


def test_unknown_offer_404(client, offers_page):
    get(client, "/offres/cdt28-hotels/HOTINCONNU000000/", status=404)


@pytest.mark.parametrize(
    "language, title, type_heading, notice",
    [
        ("en", "What to do in Compiègne?", "Events and festivals", "available in French only"),
        ("de", "Was unternehmen in Compiègne?", "Feste und Veranstaltungen", "auf Französisch"),
        ("nl", "Wat te doen in Compiègne?", "Evenementen en festivals", "alleen in het Frans"),
    ],
)
def test_translated_pages(client, offers_page, language, title, type_heading, notice):
    index = get(client, f"/{language}/offres/")
    assert f"<h1>{title}</h1>" in index
    assert f'<h2 id="offers-event">{type_heading}</h2>' in index
    assert f'href="/{language}{EVENT_URL}"' in index

    detail = get(client, f"/{language}{EVENT_URL}")
    assert '<h1 lang="fr">Moto cross de Brou</h1>' in detail
    assert notice in detail
    assert f'<html lang="{language}"' in detail

    type_list = get(client, f"/{language}/offres/type/event/")
    assert f"<h1>{type_heading}</h1>" in type_list


def test_language_switcher_keeps_offer(client, offers_page):
    body = get(client, EVENT_URL)
    for language in ("en", "de", "nl"):
        assert f'href="/{language}{EVENT_URL}"' in body


def test_german_dates(client, offers_page):
    assert "Vom 1. Juni 2100 bis 2. Juni 2100" in get(client, f"/de{EVENT_URL}")


def test_other_site_has_no_offers(client, offers_page):
    response = client.get(EVENT_URL, HTTP_HOST="musees.localhost")
    assert response.status_code == 404


def test_sitemap_lists_offers(client, offers_page):
    body = client.get("/sitemap.xml", HTTP_HOST=HOST).content.decode()
    assert f"<loc>http://{HOST}{EVENT_URL}</loc>" in body
    assert f"<loc>http://{HOST}/nl{HOTEL_URL}</loc>" in body
    assert f'hreflang="de" href="http://{HOST}/de{EVENT_URL}"' in body


def test_sitemap_entries(rf, offers_page, platform_sites):
    request = rf.get("/sitemap.xml", HTTP_HOST=HOST)
    request.platform_profile = platform_sites["tourisme"]
    entries = offers_page.get_extra_sitemap_urls(request)
    french = [entry for entry in entries if entry["location"].startswith(f"http://{HOST}/offres/")]
    assert len(entries) == 3 * 4  # three offers, four languages
    assert len(french) == 3
    assert all(len(entry["alternates"]) == 4 for entry in entries)
    assert all(entry["lastmod"] is not None for entry in entries)


# Bounded queries --------------------------------------------------------------------------------


# Measured once the site's menus and settings are cached: 10 to 13 per page, 6 for the sitemap.
MAX_QUERIES = 13
MAX_SITEMAP_QUERIES = 6


def count_queries(client, url, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit) as captured:
        get(client, url)
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        "/offres/",
        "/en/offres/",
        "/offres/type/accommodation/",
        "/nl/offres/type/event/",
        HOTEL_URL,
        f"/de{EVENT_URL}",
    ],
)
def test_queries_do_not_grow(client, offers_page, django_assert_max_num_queries, url):
    get(client, url)  # warm the caches of site and locale look-ups
    before = count_queries(client, url, django_assert_max_num_queries, MAX_QUERIES)
    add_offers(30, "accommodation")
    add_offers(30, "event")
    after = count_queries(client, url, django_assert_max_num_queries, MAX_QUERIES)
    assert after == before


def test_sitemap_queries_bounded(client, offers_page, django_assert_max_num_queries):
    client.get("/sitemap.xml", HTTP_HOST=HOST)
    with django_assert_max_num_queries(MAX_SITEMAP_QUERIES) as captured:
        client.get("/sitemap.xml", HTTP_HOST=HOST)
    before = len(captured.captured_queries)
    add_offers(50)
    with django_assert_max_num_queries(MAX_SITEMAP_QUERIES) as captured:
        body = client.get("/sitemap.xml", HTTP_HOST=HOST).content.decode()
    assert len(captured.captured_queries) == before
    assert len(re.findall(r"<loc>[^<]*/offres/extra/", body)) == 50 * 4
