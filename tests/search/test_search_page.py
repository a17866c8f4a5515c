"""The visitor search page, on both engines."""

import pytest
from wagtail.models import PageViewRestriction

from search import query
from search.models import SearchEntry
from tests.search.conftest import index_entries, index_records, result_titles, search

pytestmark = pytest.mark.django_db

HOSTILE_QUERIES = [
    '"',
    "l'",
    "' '",
    "AND OR NOT",
    '(("unbalanced',
    "title:église^2~ AND -",
    "😀🏛️",
    "é" * 1000,
    "a" * 1000,
    "\\",
    "*?",
    "<script>alert(1)</script>",
    "%00",
    "   ",
]


def test_accents_and_case_are_ignored(client, hosts, search_backend, make_object):
    make_object("Église Saint-Jacques de Compiègne")

    for text in ("eglise", "ÉGLISE", "Eglise saint-jacques"):
        response = search(client, hosts["musees"], q=text)
        assert "Église Saint-Jacques de Compiègne" in result_titles(response), text


def test_elisions_are_handled(client, hosts, search_backend, make_object):
    make_object("Portrait du comte d'Artois devant l'église")

    for text in ("l'église", "l’église", "l' église", "d'Artois", "artois"):
        response = search(client, hosts["musees"], q=text)
        assert result_titles(response) == ["Portrait du comte d'Artois devant l'église"], text


def test_current_site_results_come_first(client, hosts, search_backend, make_object):
    make_object("Tambour de la garde impériale")
    SearchEntry.objects.create(
        source_model="tourism.offer", source_pk=900001, language="fr", site="tourisme",
        kind="offer", title="Tambour et fanfare au château", path="/offres/x/", pending=True,
    )
    index_entries(search_backend, SearchEntry.objects.filter(source_pk=900001))

    from_museums = search(client, hosts["musees"], q="tambour").context["outcome"]
    from_tourism = search(client, hosts["tourisme"], q="tambour").context["outcome"]

    assert [hit.site for hit in from_museums.hits] == ["musees", "tourisme"]
    assert [hit.site for hit in from_tourism.hits] == ["tourisme", "musees"]
    assert from_museums.current_site_total == 1
    assert from_museums.other_sites_total == 1
    assert from_tourism.hits[1].url.startswith("http://musees.localhost")
    assert from_museums.hits[1].url == "http://tourisme.localhost/offres/x/"


def test_results_link_the_visitors_language(client, hosts, search_backend, make_object):
    catalogue_object = make_object("Hallebarde de parade")

    english = search(client, hosts["musees"], language="en", q="hallebarde").context["outcome"]
    french = search(client, hosts["musees"], q="hallebarde").context["outcome"]

    assert [hit.url for hit in english.hits] == [
        f"http://musees.localhost/en/collections/objet/{catalogue_object.slug}/"
    ]
    assert [hit.url for hit in french.hits] == [
        f"http://musees.localhost/collections/objet/{catalogue_object.slug}/"
    ]


def test_facets_count_and_combine(client, hosts, search_backend, make_object):
    make_object("Sabre de cavalerie", object_type="arme", date_text="1805")
    make_object("Sabre d'officier", object_type="arme", date_text="XVIIIe siècle")
    make_object("Sabre japonais peint", object_type="peinture", date_text="1810")

    outcome = search(client, hosts["musees"], q="sabre").context["outcome"]
    facets = {facet.spec.name: {value.value: value.count for value in facet.values} for facet in outcome.facets}
    assert facets["type"] == {"arme": 2, "peinture": 1}
    assert facets["century"] == {19: 2, 18: 1}

    combined = search(client, hosts["musees"], q="sabre", type="arme", century="19").context["outcome"]
    assert [hit.title for hit in combined.hits] == ["Sabre de cavalerie"]
    combined_facets = {facet.spec.name: facet for facet in combined.facets}
    # Counts of one facet ignore its own selection, so the visitor sees the alternatives.
    assert {value.value: value.count for value in combined_facets["type"].values} == {
        "arme": 1,
        "peinture": 1,
    }
    assert [value.value for value in combined_facets["type"].values if value.selected] == ["arme"]


def test_selected_facet_stays_when_out_of_top_values(
    client, hosts, search_backend, make_object, monkeypatch
):
    monkeypatch.setattr(query, "FACET_SIZE", 2)
    from search import engine

    monkeypatch.setattr(engine, "FACET_SIZE", 2)
    for object_type, count in (("arme", 3), ("peinture", 2), ("médaille", 1)):
        for number in range(count):
            make_object(f"Souvenir {object_type} {number}", object_type=object_type)

    outcome = search(client, hosts["musees"], q="souvenir", type="médaille").context["outcome"]
    type_values = next(facet for facet in outcome.facets if facet.spec.name == "type").values

    assert [(value.value, value.count, value.selected) for value in type_values] == [
        ("arme", 3, False),
        ("peinture", 2, False),
        ("médaille", 1, True),
    ]
    assert [hit.title for hit in outcome.hits] == ["Souvenir médaille 0"]


def test_facet_links_toggle_values(client, hosts, search_backend, make_object):
    make_object("Cuirasse de carabinier", object_type="arme")

    response = search(client, hosts["musees"], q="cuirasse", type="arme")
    html = response.content.decode()

    assert 'href="?q=cuirasse"' in html
    assert "retirer ce filtre" in html


def test_sort_by_date(client, hosts, search_backend, make_object):
    make_object("Gravure ancienne", date_text="1650")
    make_object("Gravure moderne", date_text="1920")
    make_object("Gravure sans date")

    newest = result_titles(search(client, hosts["musees"], q="gravure", sort="date_desc"))
    oldest = result_titles(search(client, hosts["musees"], q="gravure", sort="date_asc"))

    assert newest == ["Gravure moderne", "Gravure ancienne", "Gravure sans date"]
    assert oldest == ["Gravure ancienne", "Gravure moderne", "Gravure sans date"]


def test_pagination_spans_site_groups(client, hosts, search_backend, make_object, settings):
    for number in range(3):
        make_object(f"Boussole {number}")
    SearchEntry.objects.bulk_create(
        SearchEntry(
            source_model="tourism.offer", source_pk=910000 + number, language="fr", site="tourisme",
            kind="offer", title=f"Boussole géante {number}", path=f"/offres/{number}/", pending=True,
        )
        for number in range(3)
    )
    index_entries(search_backend, SearchEntry.objects.filter(source_pk__gte=910000))
    pages = []
    for page in (1, 2, 3):
        response = client.get(
            "/recherche/", {"q": "boussole", "page": page}, HTTP_HOST=hosts["musees"]
        )
        outcome = response.context["outcome"]
        outcome.parameters.per_page = 2
        pages.append(outcome)

    # per_page is 20 in production; check the slicing through run_search directly.
    from search.database import DatabaseBackend
    from search.engine import EngineBackend

    backend = EngineBackend if search_backend == "opensearch" else DatabaseBackend
    sites = ["musees", "memorial", "archives", "tourisme"]
    seen = []
    for page in (1, 2, 3):
        parameters = query.SearchParameters(text="boussole", page=page, per_page=2)
        outcome = query.run_search(backend, parameters, "musees", "fr", sites)
        seen.append([hit.site for hit in outcome.hits])
    assert seen == [["musees", "musees"], ["musees", "tourisme"], ["tourisme", "tourisme"]]


@pytest.mark.parametrize("text", HOSTILE_QUERIES)
def test_hostile_queries_never_fail(client, hosts, search_backend, make_object, text):
    make_object("Éventail en ivoire")

    response = search(client, hosts["musees"], q=text)
    suggestions = client.get("/recherche/suggestions/", {"q": text}, HTTP_HOST=hosts["musees"])

    assert response.status_code == 200
    assert suggestions.status_code == 200


def test_long_query_is_shortened_with_a_message(client, hosts, search_backend):
    response = search(client, hosts["musees"], q="mot " * 300)

    assert response.status_code == 200
    assert "raccourcie" in response.content.decode()


def test_empty_query_asks_for_words(client, hosts, search_backend):
    response = search(client, hosts["musees"], q="")

    assert response.context["outcome"] is None
    assert "Saisissez" in response.content.decode()


def test_invalid_parameters_are_ignored(client, hosts, search_backend, make_object):
    make_object("Casque à pointe")

    response = search(client, hosts["musees"], q="casque", page="abc", sort="drop", century="x")

    assert response.status_code == 200
    assert result_titles(response) == ["Casque à pointe"]


def test_unpublished_object_never_shows(client, hosts, search_backend, make_object):
    hidden = make_object("Gourde de grognard")
    make_object("Gourde de voyage")
    hidden.published = False
    hidden.save()
    index_records("museums.catalogueobject", [hidden.pk])

    response = search(client, hosts["musees"], q="gourde")
    suggestions = client.get("/recherche/suggestions/", {"q": "gourde"}, HTTP_HOST=hosts["musees"])

    assert result_titles(response) == ["Gourde de voyage"]
    assert response.context["outcome"].total == 1
    assert [item["title"] for item in suggestions.json()["suggestions"]] == ["Gourde de voyage"]


def test_private_page_never_shows(client, hosts, search_backend, platform_sites):
    from sites.demo.pages import ensure_child_page, french_home_page
    from sites.models import ContentPage
    from search import indexing

    home = french_home_page("musees")
    private = ensure_child_page(home, ContentPage, "xylotheque-privee", title="Xylothèque des conservateurs")
    public = ensure_child_page(home, ContentPage, "xylotheque", title="Xylothèque ouverte au public")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    indexing.refresh_pages([private.pk, public.pk])
    indexing.push_pending()

    response = search(client, hosts["musees"], q="xylothèque")

    assert result_titles(response) == ["Xylothèque ouverte au public"]


def test_closed_archives_never_show(client, hosts, search_backend, platform_sites):
    from archives.models import Component, FindingAid
    from archives.models.pages import ArchivesIndexPage
    from sites.demo.pages import ensure_child_page, french_home_page

    ensure_child_page(french_home_page("archives"), ArchivesIndexPage, "inventaires", title="Inventaires")
    aid = FindingAid.objects.create(eadid="FR-TEST-1", title="Registres paroissiaux", source_file="t.xml", published=True)
    common = {"finding_aid": aid, "position": 1, "depth": 1, "published": True}
    Component.objects.create(key="c1", tree_path="0001", title="Registre des baptêmes 1790", **common)
    Component.objects.create(
        key="c2", tree_path="0002", title="Registre des baptêmes 2010", access_status="closed", **common
    )
    Component.objects.create(
        key="c3", tree_path="0003", title="Registre des baptêmes 2020", access_status="delayed",
        communicable_from_year=2095, **common,
    )
    index_records("archives.component", list(Component.objects.values_list("pk", flat=True)))

    response = search(client, hosts["archives"], q="baptêmes")

    assert result_titles(response) == ["Registre des baptêmes 1790"]
    assert response.context["outcome"].total == 1


def test_suggestions_complete_titles(client, hosts, search_backend, make_object):
    make_object("Mousqueton de dragon")
    make_object("Moustiquaire coloniale")

    response = client.get("/recherche/suggestions/", {"q": "mousq"}, HTTP_HOST=hosts["musees"])

    assert response.status_code == 200
    assert [item["title"] for item in response.json()["suggestions"]] == ["Mousqueton de dragon"]
    assert response.json()["suggestions"][0]["url"].startswith("http://musees.localhost/collections/")


def test_highlights_only_on_engine(client, hosts, search_backend, make_object):
    make_object("Pipe en écume", description="Une pipe sculptée <b>à la main</b> par un soldat.")

    html = search(client, hosts["musees"], q="sculptée").content.decode()

    if search_backend == "opensearch":
        assert "<mark>sculptée</mark>" in html
        assert "&lt;b&gt;" in html
    else:
        assert "<mark>" not in html
    assert "<b>à la main</b>" not in html


def test_search_page_queries_are_bounded(
    client, hosts, search_backend, make_object, django_assert_max_num_queries
):
    for number in range(25):
        make_object(f"Plaque de ceinturon {number}", object_type=f"type {number % 5}")

    # The first request fills the per-site cache of settings and menus, as in production.
    search(client, hosts["musees"], q="plaque")

    # SQLite runs one query per facet through Wagtail's backend; PostgreSQL and OpenSearch need
    # one for all of them. Site resolution, branding and menus take the others.
    with django_assert_max_num_queries(20 if search_backend == "database" else 10):
        response = search(client, hosts["musees"], q="plaque", type="type 1")

    assert response.status_code == 200


@pytest.mark.parametrize("century", ["9223372036854775807", "99999999999999999999999", "-99", "0", "1e3"])
def test_implausible_century_is_ignored(client, hosts, search_backend, make_object, century):
    make_object("Bouclier d'apparat", date_text="1850")

    response = search(client, hosts["musees"], q="bouclier", century=century)

    assert response.status_code == 200
    assert result_titles(response) == ["Bouclier d'apparat"]
    assert response.context["parameters"].filters == {}


@pytest.mark.parametrize(
    "language, label",
    [("fr", "XIXe siècle"), ("en", "19th century"), ("de", "19. Jahrhundert"), ("nl", "19e eeuw")],
)
def test_century_label_per_language(language, label):
    from django.utils import translation

    with translation.override(language):
        assert str(query.century_label(19)) == label
    with translation.override("en"):
        assert str(query.century_label(21)) == "21st century"
        assert str(query.century_label(-3)) == "3rd century BC"


def test_minus_sign_never_inverts_search(client, hosts, search_backend, make_object):
    make_object("Sabre de cavalerie")
    make_object("Sabre et tambour")

    titles = result_titles(search(client, hosts["musees"], q="sabre -tambour"))
    only_excluded = result_titles(search(client, hosts["musees"], q="-tambour"))

    assert "Sabre de cavalerie" in titles
    assert "Sabre et tambour" not in only_excluded
    from search.views import visitor_backend

    if visitor_backend().supports_operators():
        assert titles == ["Sabre de cavalerie"]


def test_many_words_are_capped_on_database(client, hosts, search_backend, make_object):
    from search.database import MAX_WORDS, plain_words

    make_object("Bannière de la garde")
    words = plain_words(" ".join(f"mot{number}" for number in range(100)))

    assert len(words.split()) == MAX_WORDS
    assert plain_words("église église Église") == "église"
    assert search(client, hosts["musees"], q="a " * 100).status_code == 200


def test_page_past_end_shows_last_page(client, hosts, search_backend, make_object):
    make_object("Drapeau du régiment")

    response = search(client, hosts["musees"], q="drapeau", page="40")

    assert result_titles(response) == ["Drapeau du régiment"]
    assert response.context["parameters"].page == 1


def test_other_sites_share_one_heading(client, hosts, search_backend, make_object):
    make_object("Lanterne de fiacre")
    SearchEntry.objects.bulk_create(
        SearchEntry(
            source_model="tourism.offer", source_pk=920000 + number, language="fr",
            site=["tourisme", "memorial", "tourisme"][number], kind="offer",
            title=f"Lanterne {number}", path=f"/x/{number}/", pending=True,
        )
        for number in range(3)
    )
    index_entries(search_backend, SearchEntry.objects.filter(source_pk__gte=920000))

    html = search(client, hosts["musees"], q="lanterne").content.decode()

    assert html.count('class="search-group"') == 2
    assert html.count("Sur les autres sites") == 1


def test_suggestions_put_current_site_first(client, hosts, search_backend, make_object):
    make_object("Zouave en faction")
    SearchEntry.objects.create(
        source_model="tourism.offer", source_pk=930001, language="fr", site="tourisme",
        kind="offer", title="Zouave café", path="/offres/z/", pending=True,
    )
    index_entries(search_backend, SearchEntry.objects.filter(source_pk=930001))

    for host, first in ((hosts["musees"], "Zouave en faction"), (hosts["tourisme"], "Zouave café")):
        response = client.get("/recherche/suggestions/", {"q": "zouav"}, HTTP_HOST=host)
        titles = [item["title"] for item in response.json()["suggestions"]]
        assert titles[0] == first, host
        assert len(titles) == 2, host


def test_search_page_offers_language_switcher(client, hosts, search_backend):
    response = search(client, hosts["tourisme"], q="château")
    html = response.content.decode()

    assert 'href="/en/recherche/?q=ch%C3%A2teau"' in html or 'href="/en/recherche/?q=château"' in html
    assert 'hreflang="nl"' in html
