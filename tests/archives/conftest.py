"""Fixtures of the archives tests: the shipped EAD files, imported, and the finding aids page."""

import pytest

from archives.importers.ead import import_files
from sites.importing import ImportReport

ARCHIVES_HOST = "archives.localhost"


@pytest.fixture
def ead_dir(data_dir):
    return data_dir / "archives" / "ead"


@pytest.fixture
def import_ead():
    """Import the given files or folders; return (report, results)."""

    def run(*paths, **options):
        report = ImportReport()
        results = import_files(paths, report, **options)
        return report, results

    return run


@pytest.fixture
def imported(db, ead_dir, import_ead):
    """The six shipped finding aids, imported with their licence."""
    report, _results = import_ead(
        ead_dir, licence="CC BY 4.0", attribution="Archives nationales de France, CC BY 4.0"
    )
    assert report.created == 6
    return report


@pytest.fixture
def archives_page(platform_sites):
    from archives.models import ArchivesIndexPage
    from sites.demo.pages import ensure_child_page, french_home_page

    return ensure_child_page(
        french_home_page("archives"),
        ArchivesIndexPage,
        slug="inventaires",
        title="Inventaires et instruments de recherche",
    )
