"""Fixtures shared by the whole suite.

``platform_sites`` builds the four sites with their home pages and translations, the way the demo
command does, so that requests can be sent to each site's host.
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


@pytest.fixture
def platform_sites(db):
    """Create the four sites; return their profiles keyed by platform site key."""
    from sites.demo.sites import configure_sites

    return configure_sites(port=80)


@pytest.fixture
def hosts():
    return HOSTS
