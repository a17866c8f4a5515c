"""The catalogue page: object list, filters, object pages, languages, sitemap and query counts."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from museums.models import CatalogueObject

pytestmark = pytest.mark.django_db

MUSEES = "musees.localhost"
LIST_URL = "/collections/"

# Measured on SQLite with the demo's editorial pages and menus, once the site's menus and settings
# are cached: 13 queries for the list and 10 for an object page. Of these, five and two are the
# catalogue's own; the rest route the page and build the language switcher.
LIST_MAX_QUERIES = 13
DETAIL_MAX_QUERIES = 10


@pytest.fixture
def imported(run_joconde, joconde_file):
    run_joconde(
        joconde_file("pop_import_joconde_utf8.txt"),
        joconde_file("pop_notice_joconde_000PE001028.json"),
        joconde_file("joconde_wikidata_mashup_compiegne_M5009.csv"),
    )


def object_url(reference, prefix=""):
    catalogue_object = CatalogueObject.objects.get(source_identifier=reference)
    return f"{prefix}{LIST_URL}objet/{catalogue_object.slug}/"


def get_html(client, url, host=MUSEES):
    response = client.get(url, HTTP_HOST=host)
    return response, response.content.decode()


def test_list_served(client, catalogue_page, imported):
    response, html = get_html(client, LIST_URL)

    assert response.status_code == 200
    assert "<h1>Collections</h1>" in html
    assert "26 objets" in html
    assert "Le Maléfice" in html
    assert 'href="/collections/objet/nentrez-pas-000pe001028/"' in html
    assert '<label for="id_museum">Musée</label>' in html


def test_list_filter_museum(client, catalogue_page, imported):
    response, html = get_html(client, f"{LIST_URL}?museum=musee-du-louvre")

    assert response.status_code == 200
    assert "1 objet" in html
    assert "N&#x27;entrez pas" in html
    assert "Le Maléfice" not in html


def test_list_filter_type(client, catalogue_page, imported):
    _response, html = get_html(client, f"{LIST_URL}?type=anneau")

    assert "1 objet" in html
    assert "anneau" in html
    assert "Le Maléfice" not in html


def test_list_filter_choices(client, catalogue_page, imported):
    _response, html = get_html(client, LIST_URL)

    assert (
        '<option value="chateau-de-compiegne">Musée national du château de Compiègne</option>'
        in html
    )
    assert '<option value="tableau">tableau</option>' in html
    # Museums without published objects are not offered.
    assert 'value="musee-de-la-figurine-historique"' not in html


def test_list_invalid_filter(client, catalogue_page, imported):
    response, html = get_html(client, f"{LIST_URL}?museum=nulle-part")

    assert response.status_code == 200
    assert "26 objets" in html
    assert "Sélectionnez un choix valide" in html


def test_list_pagination_keeps_filters(client, catalogue_page, imported):
    catalogue_page.objects_per_page = 6
    catalogue_page.save_revision().publish()

    _response, html = get_html(client, f"{LIST_URL}?museum=chateau-de-compiegne&page=2")

    assert "22 objets" in html
    assert "Page 2 sur 4" in html
    assert 'href="?museum=chateau-de-compiegne&amp;page=3"' in html
    assert 'href="?museum=chateau-de-compiegne&amp;page=1"' in html


def test_list_excludes_unpublished(client, catalogue_page, imported):
    CatalogueObject.objects.filter(source_identifier="M5009000135").update(published=False)

    _response, html = get_html(client, LIST_URL)

    assert "25 objets" in html
    assert "Le Maléfice" not in html


def test_detail_fields(client, catalogue_page, imported):
    response, html = get_html(client, object_url("000PE001028"))

    assert response.status_code == 200
    assert '<h1 lang="fr">N&#x27;entrez pas</h1>' in html
    assert "DIAZ DE LA PENA Narcisse" in html
    assert "2e quart 19e siècle ; 1839" in html
    assert "peinture à l&#x27;huile, toile" in html
    assert "H. 61, l. 50" in html
    assert '<dd lang="fr">RF 542</dd>' in html
    assert "Musée du Louvre, Paris" in html
    assert "Licence Ouverte / Etalab" in html
    assert "© Gérard Blot — Réunion des musées nationaux" in html
    assert 'href="https://pop.culture.gouv.fr/notice/joconde/000PE001028"' in html
    assert "Notice 000PE001028 de Joconde" in html


def test_detail_html_escaped(client, catalogue_page, imported):
    CatalogueObject.objects.filter(source_identifier="M5009000135").update(
        title="<script>alert(1)</script>"
    )

    _response, html = get_html(client, object_url("M5009000135"))

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_detail_message_link_not_rendered(client, catalogue_page, imported):
    # POP's MSGCOM contains raw HTML, so it stays in the source data only.
    _response, html = get_html(client, object_url("000PE001028"))

    assert "mailto:photo@rmn.fr" not in html


def test_detail_missing_notice(client, catalogue_page, imported):
    CatalogueObject.objects.filter(source_identifier="M5009000135").update(
        missing=True, missing_note="manquant"
    )

    _response, detail = get_html(client, object_url("M5009000135"))
    _response, listing = get_html(client, LIST_URL)

    assert '<div class="notice" role="note">' in detail
    assert "Objet signalé manquant" in detail
    assert "Signalé manquant" in listing


def test_detail_unpublished_404(client, catalogue_page, imported):
    url = object_url("M5009000135")
    CatalogueObject.objects.filter(source_identifier="M5009000135").update(published=False)

    response = client.get(url, HTTP_HOST=MUSEES)

    assert response.status_code == 404


def test_detail_unknown_slug_404(client, catalogue_page, imported):
    response = client.get(f"{LIST_URL}objet/inconnu/", HTTP_HOST=MUSEES)

    assert response.status_code == 404


@pytest.mark.parametrize("host", ["memorial.localhost", "archives.localhost", "tourisme.localhost"])
def test_other_hosts_404(client, catalogue_page, imported, host):
    url = object_url("000PE001028")

    assert client.get(LIST_URL, HTTP_HOST=host).status_code == 404
    assert client.get(url, HTTP_HOST=host).status_code == 404


def test_english_detail(client, catalogue_page, imported):
    response, html = get_html(client, object_url("000PE001028", prefix="/en"))

    assert response.status_code == 200
    assert "<dt>Inventory number</dt>" in html
    assert '<h1 lang="fr">N&#x27;entrez pas</h1>' in html
    assert "Back to the collections" in html


def test_detail_language_links(client, catalogue_page, imported):
    url = object_url("000PE001028")

    _response, html = get_html(client, url)

    assert f'hreflang="en" href="http://{MUSEES}/en{url}"' in html


def test_english_list(client, catalogue_page, imported):
    response, html = get_html(client, "/en/collections/")

    assert response.status_code == 200
    assert "26 objects" in html
    assert '<label for="id_type">Object type</label>' in html


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, HTTP_HOST=MUSEES).status_code == 200
    return len(queries.captured_queries)


def test_list_queries_bounded(
    client, catalogue_page, run_joconde, joconde_file, django_assert_max_num_queries
):
    run_joconde(joconde_file("pop_import_joconde_utf8.txt"))
    client.get(LIST_URL, HTTP_HOST=MUSEES)  # Warm the caches of site resolution and settings.
    with django_assert_max_num_queries(LIST_MAX_QUERIES):
        few = count_queries(client, LIST_URL)

    # Eight times as many objects on the page: not one query more.
    run_joconde(joconde_file("joconde_wikidata_mashup_compiegne_M5009.csv"))
    with django_assert_max_num_queries(LIST_MAX_QUERIES):
        many = count_queries(client, LIST_URL)

    assert many == few


def test_detail_queries_bounded(client, catalogue_page, imported, django_assert_max_num_queries):
    url = object_url("000PE001028")
    client.get(url, HTTP_HOST=MUSEES)

    with django_assert_max_num_queries(DETAIL_MAX_QUERIES):
        assert client.get(url, HTTP_HOST=MUSEES).status_code == 200


def test_sitemap_lists_objects(client, catalogue_page, imported):
    url = object_url("000PE001028")

    response, xml = get_html(client, "/sitemap.xml")

    assert response.status_code == 200
    assert f"<loc>http://{MUSEES}{url}</loc>" in xml
    assert f'hreflang="en" href="http://{MUSEES}/en{url}"' in xml


def test_extra_sitemap_urls(catalogue_page, imported):
    request = RequestFactory().get("/sitemap.xml", HTTP_HOST=MUSEES)
    request.platform_profile = None

    entries = catalogue_page.get_extra_sitemap_urls(request)

    assert len(entries) == 26
    assert all(
        entry["location"].startswith(f"http://{MUSEES}/collections/objet/") for entry in entries
    )
    assert all(entry["lastmod"] is not None for entry in entries)


def test_admin_lists_objects(client, catalogue_page, imported, django_user_model):
    admin = django_user_model.objects.create_superuser("curator", "curator@example.org", "x" * 12)
    client.force_login(admin)

    response = client.get("/admin/collections/objects/?q=Mal%C3%A9fice", HTTP_HOST=MUSEES)

    assert response.status_code == 200
    assert "Le Maléfice" in response.content.decode()
    assert client.get("/admin/collections/objects/new/", HTTP_HOST=MUSEES).status_code == 302
