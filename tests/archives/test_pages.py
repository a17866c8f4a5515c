"""Pages of the finding aids on archives.localhost, and their bounded query counts."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from archives.models import Component, FindingAid

from .conftest import ARCHIVES_HOST

pytestmark = pytest.mark.django_db

BASE = "/inventaires/"
PARIS = "c-861l4e3ub--1t9cbs1voxcrv"  # FRAN_IR_028491, 56 children
DEEPEST = "c-8tf7y75qb--epgzth4al3wq"  # FRAN_IR_028491, depth 6
REGISTER = "c1nnlr73ngho--15vrqavrjuxma"  # FRAN_IR_051211, with 17 images
# Steady-state queries of one page, whatever the number of records listed: 10 to 12, measured on
# SQLite once the site's menus and settings are cached. Archives tables cost at most 5: the index
# page's own row, the record, its ancestors, and one page of children with its count.
MAX_QUERIES = 12
MAX_ARCHIVES_QUERIES = 5


def get(client, path):
    return client.get(path, HTTP_HOST=ARCHIVES_HOST)


def warm_up(client):
    """Send a first request so that one-time work (site settings, caches) is not counted."""
    assert get(client, "/").status_code == 200


def archives_queries(captured):
    return [query["sql"] for query in captured.captured_queries if '"archives_' in query["sql"]]


def count_queries(client, path):
    warm_up(client)
    with CaptureQueriesContext(connection) as queries:
        response = get(client, path)
    assert response.status_code == 200, path
    return len(queries.captured_queries)


def test_index_lists_finding_aids(client, archives_page, imported, django_assert_max_num_queries):
    warm_up(client)
    with django_assert_max_num_queries(MAX_QUERIES) as captured:
        response = get(client, BASE)
    assert len(archives_queries(captured)) <= MAX_ARCHIVES_QUERIES
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count('<li class="card">') == 6
    assert f'href="{BASE}FRAN_IR_028491/"' in body
    assert "1339 descriptions" in body


def test_index_queries_do_not_grow(client, archives_page, ead_dir, import_ead):
    import_ead(ead_dir / "FRAN_IR_054848.xml")
    with_one = count_queries(client, BASE)
    import_ead(ead_dir)
    assert count_queries(client, BASE) == with_one


def test_finding_aid_page(client, archives_page, imported, django_assert_max_num_queries):
    warm_up(client)
    with django_assert_max_num_queries(MAX_QUERIES) as captured:
        response = get(client, f"{BASE}FRAN_IR_028491/")
    assert len(archives_queries(captured)) <= MAX_ARCHIVES_QUERIES
    body = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Service national des travaux" in body
    assert body.count('<th scope="row">') == 14
    assert f'href="{BASE}FRAN_IR_028491/{PARIS}/">Paris/Seine (75)</a>' in body
    assert "<td>56</td>" in body
    assert "Archives nationales de France, CC BY 4.0" in body


def test_finding_aid_queries_do_not_grow(client, archives_page, imported):
    small = count_queries(client, f"{BASE}FRAN_IR_054848/")
    large = count_queries(client, f"{BASE}FRAN_IR_028491/")
    assert large == small


def test_component_page(client, archives_page, imported, django_assert_max_num_queries):
    warm_up(client)
    with django_assert_max_num_queries(MAX_QUERIES) as captured:
        response = get(client, f"{BASE}FRAN_IR_028491/{DEEPEST}/")
    assert len(archives_queries(captured)) <= MAX_ARCHIVES_QUERIES
    body = response.content.decode()
    assert response.status_code == 200
    assert "<dd>20080324/36</dd>" in body
    breadcrumb = body[body.index('<nav class="breadcrumbs"') : body.index("</nav>", body.index('<nav class="breadcrumbs"'))]
    assert breadcrumb.count("<li") == 3 + 6
    assert f'href="{BASE}FRAN_IR_028491/{PARIS}/"' in breadcrumb
    assert 'aria-current="page"' in breadcrumb


def test_component_queries_do_not_grow(client, archives_page, imported):
    # Both have ancestors and children: 20080324/36-20080324/37 has 2 (depth 5),
    # 20080324/865-20080324/886 has 20 (depth 3).
    few_children = count_queries(client, f"{BASE}FRAN_IR_028491/c-8t5htemlv-12lmiwbdcut9k/")
    many_children = count_queries(client, f"{BASE}FRAN_IR_028491/c-22zm16bfmk--lzcb10xdl6qg/")
    assert many_children == few_children


def test_children_paginated(client, archives_page, imported):
    first = get(client, f"{BASE}FRAN_IR_028491/{PARIS}/").content.decode()
    second = get(client, f"{BASE}FRAN_IR_028491/{PARIS}/?page=2").content.decode()
    assert first.count('<th scope="row">') == 50
    assert second.count('<th scope="row">') == 6
    assert 'rel="next"' in first
    assert get(client, f"{BASE}FRAN_IR_028491/{PARIS}/?page=3").status_code == 404
    assert get(client, f"{BASE}FRAN_IR_028491/{PARIS}/?page=x").status_code == 404


def test_component_access_conditions(client, archives_page, imported):
    component = Component.objects.get(finding_aid__eadid="FRAN_IR_054335", unit_id="20150578/44")
    body = get(client, f"{BASE}FRAN_IR_054335/{component.key}/").content.decode()
    assert "Communicable au terme d’un délai de 50 ans à compter de 1991" in body
    assert "2041" in body


def test_inherited_access_conditions(client, archives_page, imported):
    body = get(client, f"{BASE}FRAN_IR_051211/{REGISTER}/").content.decode()
    assert "la loi 2008-696 du 15 juillet 2008" in body


def test_register_images_as_text(client, archives_page, imported):
    body = get(client, f"{BASE}FRAN_IR_051211/{REGISTER}/").content.decode()
    assert "<code>DAFANCH96_021MIC06733_L.jpg</code>" in body
    assert "<code>DAFANCH96_021MIC06749_L.jpg</code>" in body
    assert "17 images" in body
    assert "<img" not in body.split("<main", 1)[1]


@override_settings(ARCHIVES_IMAGE_BASE_URL="https://images.example.org/an/")
def test_register_images_as_links(client, archives_page, imported):
    body = get(client, f"{BASE}FRAN_IR_051211/{REGISTER}/").content.decode()
    assert '<a href="https://images.example.org/an/DAFANCH96_021MIC06733_L.jpg">' in body
    assert '<a href="https://images.example.org/an/DAFANCH96_021MIC06749_L.jpg">' in body
    assert "<img" not in body.split("<main", 1)[1]


def test_images_hidden_when_not_communicable(client, archives_page, imported):
    Component.objects.filter(key=REGISTER).update(access_status="closed")
    body = get(client, f"{BASE}FRAN_IR_051211/{REGISTER}/").content.decode()
    assert "DAFANCH96_021MIC06733_L.jpg" not in body


def test_unpublished_records_not_found(client, archives_page, imported):
    Component.objects.filter(key=PARIS).update(published=False)
    assert get(client, f"{BASE}FRAN_IR_028491/{PARIS}/").status_code == 404
    FindingAid.objects.filter(eadid="FRAN_IR_054848").update(published=False)
    assert get(client, f"{BASE}FRAN_IR_054848/").status_code == 404
    assert get(client, f"{BASE}FRAN_IR_054848/c-6nsa41373-1sxgcc8xo1r8a/").status_code == 404
    assert get(client, f"{BASE}FRAN_IR_999999/").status_code == 404
    assert "FRAN_IR_054848" not in get(client, BASE).content.decode()


def test_other_site_has_no_finding_aids(client, archives_page, imported):
    response = client.get(f"{BASE}FRAN_IR_028491/", HTTP_HOST="musees.localhost")
    assert response.status_code == 404


def test_canonical_url_of_component(client, archives_page, imported):
    body = get(client, f"{BASE}FRAN_IR_028491/{PARIS}/").content.decode()
    assert f'<link rel="canonical" href="http://{ARCHIVES_HOST}{BASE}FRAN_IR_028491/{PARIS}/">' in body
    assert "<title>Paris/Seine (75) – Service national des travaux" in body


def test_sitemap_urls(rf, archives_page, imported):
    request = rf.get("/sitemap.xml", HTTP_HOST=ARCHIVES_HOST)
    entries = archives_page.get_extra_sitemap_urls(request)
    locations = [entry["location"] for entry in entries]
    assert len(locations) == 6 + 1850
    assert f"http://{ARCHIVES_HOST}{BASE}FRAN_IR_003500/" in locations
    assert f"http://{ARCHIVES_HOST}{BASE}FRAN_IR_028491/{PARIS}/" in locations
    assert all(entry["lastmod"] is not None for entry in entries)


def test_sitemap_view_includes_records(client, archives_page, imported):
    response = client.get("/sitemap.xml", HTTP_HOST=ARCHIVES_HOST)
    body = response.content.decode()
    assert response.status_code == 200
    assert f"{BASE}FRAN_IR_028491/{PARIS}/" in body
