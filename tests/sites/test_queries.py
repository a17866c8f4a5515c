"""Database queries per page stay bounded, whatever the number of menu items or subpages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sites.demo.pages import ensure_child_page
from sites.models import ContentPage

pytestmark = pytest.mark.django_db

PAGES = [
    ("musees.localhost", "/"),
    ("musees.localhost", "/en/"),
    ("musees.localhost", "/visiter/"),
    ("musees.localhost", "/visiter/musee-antoine-vivenel/"),
    ("memorial.localhost", "/de/histoire-du-camp/"),
    ("archives.localhost", "/accessibilite/"),
    ("tourisme.localhost", "/nl/"),
]

# Measured on the demo pages: 19 to 22 queries with a cold cache. The margin absorbs small
# changes in Wagtail's routing; a query per menu item or subpage would exceed it at once.
MAX_QUERIES_PER_PAGE = 25


def count_queries(client, host, path):
    with CaptureQueriesContext(connection) as context:
        response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, (host, path)
    return len(context.captured_queries)


@pytest.mark.parametrize(("host", "path"), PAGES)
def test_page_queries_bounded(client, built_sites, host, path):
    assert count_queries(client, host, path) <= MAX_QUERIES_PER_PAGE


def test_queries_independent_of_subpage_count(client, built_sites):
    section = ContentPage.objects.get(slug="visiter")
    before = count_queries(client, "musees.localhost", "/visiter/")
    for number in range(12):
        ensure_child_page(section, ContentPage, slug=f"salle-{number}", title=f"Salle {number}")
    after = count_queries(client, "musees.localhost", "/visiter/")
    assert after == before


def test_queries_independent_of_menu_size(client, built_sites):
    from sites.demo.build import refresh_navigation

    home = built_sites["tourisme"].site.root_page
    before = count_queries(client, "tourisme.localhost", "/")
    for number in range(8):
        ensure_child_page(
            home, ContentPage, slug=f"rubrique-{number}", title=f"Rubrique {number}", show_in_menus=True
        )
    refresh_navigation(built_sites["tourisme"])
    after = count_queries(client, "tourisme.localhost", "/")
    # The home page lists up to six highlighted children in one query whatever their number.
    assert after == before
