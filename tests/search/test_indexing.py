"""Keeping the index right: page events, record saves and imports run the index tasks after
commit; the reindex switches aliases; an engine outage loses nothing."""

import datetime

import pytest
from django.core.management import call_command
from wagtail.models import Page

from search import engine, indexing
from search.models import SearchEntry
from search.sources import century_of, sortable_date
from tests.search.conftest import index_entries, result_titles, search

pytestmark = pytest.mark.django_db

# A port on 127.0.0.1 where nothing listens: the engine is down.
DOWN_URL = "http://127.0.0.1:9"


def page_entry_titles(language="fr"):
    return set(
        SearchEntry.objects.visible()
        .filter(source_model="wagtailcore.page", language=language)
        .values_list("title", flat=True)
    )


@pytest.fixture
def new_page(platform_sites, django_capture_on_commit_callbacks):
    from sites.demo.pages import french_home_page
    from sites.models import ContentPage

    def make(title, slug, parent=None):
        parent = parent or french_home_page("musees")
        page = ContentPage(title=title, slug=slug)
        with django_capture_on_commit_callbacks(execute=True):
            parent.add_child(instance=page)
            page.save_revision().publish()
        return page

    return make


def test_publish_indexes_page(client, hosts, search_backend, new_page):
    new_page("Atelier de restauration des tapisseries", "atelier-tapisseries")

    response = search(client, hosts["musees"], q="tapisseries")

    assert result_titles(response) == ["Atelier de restauration des tapisseries"]


def test_unpublish_removes_page(
    client, hosts, search_backend, new_page, django_capture_on_commit_callbacks
):
    page = new_page("Conférence sur les vitraux", "conference-vitraux")

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()

    assert result_titles(search(client, hosts["musees"], q="vitraux")) == []
    assert SearchEntry.objects.filter(source_pk=page.pk).count() == 0


def test_delete_removes_page_and_children(
    client, hosts, search_backend, new_page, django_capture_on_commit_callbacks
):
    parent = new_page("Cycle de conférences numismatiques", "cycle-numismatique")
    new_page("Séance numismatique du printemps", "seance-printemps", parent=parent)

    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=parent.pk).delete()

    assert result_titles(search(client, hosts["musees"], q="numismatique")) == []
    assert not SearchEntry.objects.filter(title__contains="numismatique").exists()


def test_move_updates_urls(
    client, hosts, search_backend, new_page, django_capture_on_commit_callbacks
):
    section = new_page("Espace pédagogique", "espace-pedagogique")
    page = new_page("Malle pédagogique des tambours", "malle-tambours")

    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=page.pk).move(section, pos="last-child")

    outcome = search(client, hosts["musees"], q="malle tambours").context["outcome"]
    assert [hit.path for hit in outcome.hits] == ["/espace-pedagogique/malle-tambours/"]


def test_record_save_runs_task_after_commit(
    client, hosts, search_backend, make_object, django_capture_on_commit_callbacks
):
    catalogue_object = make_object("Shako de voltigeur", index=False)
    assert result_titles(search(client, hosts["musees"], q="shako")) == []

    with django_capture_on_commit_callbacks(execute=True):
        catalogue_object.title = "Shako de grenadier"
        catalogue_object.save()

    assert result_titles(search(client, hosts["musees"], q="shako")) == ["Shako de grenadier"]


def test_import_command_updates_index(
    client, hosts, search_backend, data_dir, platform_sites, django_capture_on_commit_callbacks
):
    from memorial.models import ConvoyIndexPage
    from sites.demo.pages import ensure_child_page, french_home_page

    ensure_child_page(french_home_page("memorial"), ConvoyIndexPage, "convois", title="Convois")

    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "import_memorial", str(data_dir / "memorial" / "convois_royallieu_1942-1944.csv"), verbosity=0
        )

    from memorial.models import Convoy

    outcome = search(client, hosts["memorial"], q="Auschwitz", kind="convoy").context["outcome"]
    assert outcome.total >= 1
    assert all(hit.path.startswith("/convois/") for hit in outcome.hits)
    indexed = SearchEntry.objects.visible().filter(source_model="memorial.convoy", language="fr")
    assert indexed.count() == Convoy.objects.published().count() == 31


def test_reindex_switches_alias(search_backend, make_object):
    if search_backend != "opensearch":
        call_command("reindex_search", verbosity=0)
        assert SearchEntry.objects.visible().exists()
        return
    make_object("Tabatière en argent")
    before = set(engine.client().indices.get_alias(name=engine.alias_name("fr")))

    call_command("reindex_search", verbosity=0)

    after = set(engine.client().indices.get_alias(name=engine.alias_name("fr")))
    assert after and after.isdisjoint(before)
    assert not engine.client().indices.exists(index=",".join(before))
    assert engine.document_count("fr") == SearchEntry.objects.visible().filter(language="fr").count()


def test_engine_outage_loses_no_update(client, hosts, settings, platform_sites, new_page):
    import os

    settings.SEARCH_URL = DOWN_URL
    settings.SEARCH_REFRESH = True
    settings.SEARCH_INDEX_PREFIX = "test-outage"

    page = new_page("Exposition des aquarelles de Vivenel", "aquarelles")
    unavailable = search(client, hosts["musees"], q="aquarelles")

    assert unavailable.status_code == 503
    assert "momentanément indisponible" in unavailable.content.decode()
    assert client.get("/aquarelles/", HTTP_HOST=hosts["musees"]).status_code == 200
    assert SearchEntry.objects.filter(source_pk=page.pk, pending=True).exists()

    settings.SEARCH_URL = os.environ["SEARCH_TEST_URL"]
    try:
        call_command("search_sync", verbosity=0)
        response = search(client, hosts["musees"], q="aquarelles")
        assert result_titles(response) == ["Exposition des aquarelles de Vivenel"]
        assert not SearchEntry.objects.pending().exists()
    finally:
        engine.delete_indices()


def test_search_sync_reports_outage(settings, platform_sites):
    from django.core.management.base import CommandError

    settings.SEARCH_URL = DOWN_URL
    SearchEntry.objects.update(pending=True)

    with pytest.raises(CommandError, match="injoignable"):
        call_command("search_sync", verbosity=0)
    assert SearchEntry.objects.pending().count() == SearchEntry.objects.count()


def test_french_stemming_on_engine(client, hosts, search_backend, make_object):
    make_object("Cheval de bois et ses chevaux")
    make_object("Les journaux de guerre")

    for text, title in (("chevaux", "Cheval de bois et ses chevaux"), ("journal", "Les journaux de guerre")):
        titles = result_titles(search(client, hosts["musees"], q=text, kind="object"))
        if search_backend == "opensearch":
            assert titles == [title], text
        else:
            # The database backend matches the word as written; stemming is engine-only.
            assert title in titles or titles == [], text


def test_german_analysis_on_german_index(client, hosts, search_backend, platform_sites):
    SearchEntry.objects.create(
        source_model="memorial.convoy", source_pk=990001, language="de", site="memorial",
        kind="convoy", title="Transporte nach Auschwitz", body="Die Häftlinge wurden deportiert.",
        path="/de/convois/1/", pending=True,
    )
    index_entries(search_backend, SearchEntry.objects.filter(source_pk=990001))

    for text in ("haftlinge", "Häftlinge"):
        response = search(client, hosts["memorial"], language="de", q=text, kind="convoy")
        assert result_titles(response) == ["Transporte nach Auschwitz"], text
    if search_backend == "opensearch":
        # Light German stemming: the singular finds the plural.
        assert result_titles(search(client, hosts["memorial"], language="de", q="Transport", kind="convoy")) == [
            "Transporte nach Auschwitz"
        ]


@pytest.mark.parametrize(
    "text, century",
    [
        ("1851", 19),
        ("vers 1800", 18),
        ("XIXe siècle", 19),
        ("xviii s.", 18),
        ("um 1480 oder 1482/1485", 15),
        ("", None),
        ("sans date", None),
    ],
)
def test_century_of_free_text(text, century):
    assert century_of(text) == century


def test_sortable_date_takes_first_year():
    assert sortable_date("1836-1856") == datetime.date(1836, 1, 1)
    assert sortable_date("n.d.") is None


def test_unpublished_finding_aid_hides_components(
    client, hosts, search_backend, platform_sites, django_capture_on_commit_callbacks
):
    from archives.models import Component, FindingAid
    from archives.models.pages import ArchivesIndexPage
    from sites.demo.pages import ensure_child_page, french_home_page

    ensure_child_page(french_home_page("archives"), ArchivesIndexPage, "inventaires", title="Inventaires")
    with django_capture_on_commit_callbacks(execute=True):
        aid = FindingAid.objects.create(
            eadid="FR-TEST-2", title="Fonds de la sous-préfecture", source_file="t.xml", published=True
        )
        Component.objects.create(
            finding_aid=aid, key="c1", tree_path="0001", position=1, depth=1, published=True,
            title="Passeports pour l'intérieur",
        )
    assert result_titles(search(client, hosts["archives"], q="passeports")) == [
        "Passeports pour l'intérieur"
    ]

    with django_capture_on_commit_callbacks(execute=True):
        aid.published = False
        aid.save()

    assert result_titles(search(client, hosts["archives"], q="passeports")) == []
    assert result_titles(search(client, hosts["archives"], q="sous-préfecture")) == []
