import pytest


@pytest.fixture
def built_sites(platform_sites):
    """The four sites with their editorial pages, menus, legal pages and editor groups."""
    return platform_sites
