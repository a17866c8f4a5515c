"""Database queries per page stay bounded, whatever the number of menu items or subpages."""

import pytest
from django.core.cache import cache
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

# A page served while the site's shared parts (site resolution, settings, menus, footer) are
# cached, which is the usual case: they stay cached until the next publish on the site. The page
# cache is off in tests, so the page itself is rendered. Measured: 7 to 10.
MAX_QUERIES_PER_PAGE = 10
# The first page after a purge also reads the settings and the menus, and Wagtail reads its site
# root paths. Measured: 24 to 32 with every cache empty.
MAX_QUERIES_PER_PAGE_COLD = 34


def count_queries(client, host, path):
    with CaptureQueriesContext(connection) as context:
        response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, (host, path)
    return len(context.captured_queries)


def count_queries_cold(client, host, path):
    cache.clear()
    return count_queries(client, host, path)


def count_queries_warm(client, host, path):
    """Count the queries of a page once the site's shared parts are cached again."""
    count_queries(client, host, path)
    return count_queries(client, host, path)


@pytest.mark.parametrize(("host", "path"), PAGES)
def test_page_queries_bounded(client, built_sites, host, path):
    count_queries(client, host, path)
    assert count_queries(client, host, path) <= MAX_QUERIES_PER_PAGE


@pytest.mark.parametrize(("host", "path"), PAGES)
def test_cold_page_queries_bounded(client, built_sites, host, path):
    assert count_queries_cold(client, host, path) <= MAX_QUERIES_PER_PAGE_COLD


def test_queries_independent_of_subpage_count(client, built_sites):
    section = ContentPage.objects.get(slug="visiter")
    before = count_queries_warm(client, "musees.localhost", "/visiter/")
    for number in range(12):
        ensure_child_page(section, ContentPage, slug=f"salle-{number}", title=f"Salle {number}")
    after = count_queries_warm(client, "musees.localhost", "/visiter/")
    assert after == before


def test_queries_independent_of_menu_size(client, built_sites):
    from sites.demo.build import refresh_navigation

    home = built_sites["tourisme"].site.root_page
    before = count_queries_warm(client, "tourisme.localhost", "/")
    for number in range(8):
        ensure_child_page(
            home, ContentPage, slug=f"rubrique-{number}", title=f"Rubrique {number}", show_in_menus=True
        )
    refresh_navigation(built_sites["tourisme"])
    after = count_queries_warm(client, "tourisme.localhost", "/")
    # The home page lists up to six highlighted children in one query whatever their number.
    assert after == before
