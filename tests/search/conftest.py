"""Fixtures of the search tests: each test runs once per engine.

The ``opensearch`` run needs the node that ``scripts/test`` starts (``SEARCH_TEST_URL``); each
test gets its own index prefix, so tests never see each other's documents.
"""

import os
import uuid

import pytest

from search import engine, indexing
from search.models import SearchEntry


@pytest.fixture(params=["database", "opensearch"])
def search_backend(request, settings):
    if request.param == "database":
        settings.SEARCH_URL = ""
        yield "database"
        return

    url = os.environ.get("SEARCH_TEST_URL", "")
    if not url:
        pytest.fail(
            "SEARCH_TEST_URL is not set: run the tests with scripts/test, which starts OpenSearch, "
            "or start it with scripts/services/opensearch.sh start and export SEARCH_TEST_URL."
        )
    settings.SEARCH_URL = url
    settings.SEARCH_INDEX_PREFIX = f"test-{uuid.uuid4().hex[:12]}"
    settings.SEARCH_REFRESH = True
    # The pages built for the session were indexed for the database backend: send them too.
    SearchEntry.objects.update(pending=True)
    indexing.push_pending()
    yield "opensearch"
    engine.delete_indices()


@pytest.fixture
def catalogue_page(platform_sites):
    """The museums' catalogue listing, live in French and English."""
    from museums.models import CatalogueIndexPage
    from sites.demo.pages import ensure_child_page, ensure_translation, french_home_page

    page = ensure_child_page(
        french_home_page("musees"), CatalogueIndexPage, "collections", title="Collections"
    )
    ensure_translation(page, "en", {"title": "Collections"})
    return page


@pytest.fixture
def make_object(catalogue_page):
    """Create a published catalogue object of the Vivenel museum, and index it."""
    from museums.models import CatalogueObject, Museum

    museum = Museum.objects.get(slug="musee-antoine-vivenel")

    def make(title, index=True, **fields):
        slug = fields.pop("slug", None) or f"objet-{uuid.uuid4().hex[:10]}"
        values = {
            "source": CatalogueObject.Source.JOCONDE,
            "source_identifier": slug,
            "slug": slug,
            "title": title,
            "museum": museum,
            "published": True,
            **fields,
        }
        catalogue_object = CatalogueObject.objects.create(**values)
        if index:
            index_records("museums.catalogueobject", [catalogue_object.pk])
        return catalogue_object

    return make


def index_entries(search_backend, entries):
    """Index entries a test created directly, on the engine the test runs on."""
    if search_backend == "opensearch":
        indexing.push_pending()
    else:
        indexing.index_in_database(list(entries))


def index_records(model_label, pks):
    indexing.refresh_records(model_label, pks)
    indexing.push_pending()


def search(client, host, language="fr", **parameters):
    prefix = "" if language == "fr" else f"/{language}"
    return client.get(f"{prefix}/recherche/", parameters, HTTP_HOST=host)


def result_titles(response):
    outcome = response.context["outcome"]
    return [hit.title for hit in outcome.hits] if outcome else []
