"""Fixtures of the collections catalogue tests: the shipped files and the catalogue page."""

import pytest
from django.utils import translation

from sites.importing import ImportReport


@pytest.fixture
def english_messages():
    """Produce importer messages in English, the language of their msgids, for exact checks."""
    with translation.override("en"):
        yield


@pytest.fixture
def collections_dir(data_dir):
    return data_dir / "collections"


@pytest.fixture
def joconde_file(collections_dir):
    def path(name):
        return collections_dir / "joconde" / name

    return path


@pytest.fixture
def lido_file(collections_dir):
    def path(name):
        return collections_dir / "lido" / name

    return path


@pytest.fixture
def run_joconde(db):
    """Import Joconde files and return the report."""
    from museums.importers.joconde import import_joconde_files

    def run(*paths, format_name="auto", museum_code=""):
        report = ImportReport(sources=[str(path) for path in paths])
        return import_joconde_files(
            list(paths), report, format_name=format_name, museum_code=museum_code
        )

    return run


@pytest.fixture
def run_lido(db):
    from museums.importers.lido import import_lido_files

    def run(*paths):
        report = ImportReport(sources=[str(path) for path in paths])
        return import_lido_files(list(paths), report)

    return run


@pytest.fixture
def catalogue_page(platform_sites):
    """The catalogue page under the museums' home and its English translation, as in the demo."""
    from museums.demo import ensure_catalogue_page

    return ensure_catalogue_page()
