import pytest

from sites.demo.build import build_site, refresh_navigation


@pytest.fixture
def built_sites(platform_sites):
    """The four sites with their editorial pages, menus, legal pages and editor groups."""
    for profile in platform_sites.values():
        _home, _top_pages, legal_pages = build_site(profile)
        refresh_navigation(profile, legal_pages)
    return platform_sites
