"""Fixtures of the tourism tests: the shipped Tourinsoft samples, an import helper, the site."""

import io

import pytest

from sites.importing import ImportReport
from tourism.importers.mapping import load_mapping
from tourism.importers.tourinsoft import import_feed

EVENTS_V2 = "events-sample-wcf-v2-odata-verbose-cdt28.json"
HOTELS_V2 = "hotels-sample-wcf-v2-odata-verbose-cdt28.json"
HOTELS_V3 = "hotels-sample-v3-json-cdt28-geotrek-fixture.json"
ILLUSTRATIVE_RESTAURANT = "illustrative-restaurant-api-v3-typed-json.json"


@pytest.fixture
def tourinsoft_dir(data_dir):
    return data_dir / "tourinsoft"


@pytest.fixture
def cdt28_mapping():
    return load_mapping("cdt28-geotrek")


@pytest.fixture
def typed_mapping():
    return load_mapping("typed-reunion")


@pytest.fixture
def run_import(cdt28_mapping):
    """Import files as one feed; return (ImportReport, FeedImportResult)."""

    def run(paths, feed="cdt28-test", mapping=None, **options):
        paths = paths if isinstance(paths, list) else [paths]
        report = ImportReport(sources=[str(path) for path in paths])
        result = import_feed(paths, feed, mapping or cdt28_mapping, report, **options)
        return report, result

    return run


@pytest.fixture
def tourism_sites(platform_sites):
    """The four sites, ready for the demo to add pages under the translated home pages."""
    return platform_sites


@pytest.fixture
def offers_page(tourism_sites):
    """The demo's offer listing with its translations, and the shipped offers."""
    from tourism import demo

    return demo.populate(io.StringIO())
