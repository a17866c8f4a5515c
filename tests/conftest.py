"""Fixtures shared by the whole suite.

The test database contains the four sites with their editorial pages, built the way the demo command
builds them, so that requests can be sent to each site's host.
"""

from pathlib import Path

import pytest

REPOSITORY_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPOSITORY_ROOT / "data"

HOSTS = {
    "musees": "musees.localhost",
    "memorial": "memorial.localhost",
    "archives": "archives.localhost",
    "tourisme": "tourisme.localhost",
}


@pytest.fixture
def data_dir():
    """Folder of the real sample files shipped with the repository."""
    return DATA_DIR


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the four sites with their editorial pages once, in the test database.

    Each test runs in a transaction rolled back at its end, so every test starts from these
    sites. Building them per test would cost seconds each.
    """
    from sites.demo.build import build_site, refresh_navigation
    from sites.demo.sites import configure_sites

    with django_db_blocker.unblock():
        for profile in configure_sites(port=80).values():
            build_site(profile)
            refresh_navigation(profile)


@pytest.fixture
def platform_sites(db):
    """The four sites' profiles keyed by platform site key, with their pages and menus."""
    from sites.models import SiteProfile

    return {profile.key: profile for profile in SiteProfile.objects.select_related("site")}


@pytest.fixture
def hosts():
    return HOSTS


@pytest.fixture(autouse=True)
def default_language():
    """Start every test in French and leave no active language behind.

    A request to /en/ leaves English active in the thread. Without this reset, a later test
    that calls gettext outside a request would depend on the order the tests ran in.
    """
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_cache():
    """Start every test with an empty cache.

    Cached fragments (menus, site settings, site resolution) and page cache versions outlive the
    test's rolled-back transaction, so they could describe rows a previous test created.
    """
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
