"""The convoy and public figure pages on memorial.localhost, in French, English and German."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from memorial.models import Convoy, ConvoyFigure, ConvoyIndexPage

pytestmark = pytest.mark.django_db

HOST = "memorial.localhost"
# French, English and German thousands separators of Django's formats: no-break space, comma
# and full stop.
NUMBER_1175 = {"fr": "1\u00a0175", "en": "1,175", "de": "1.175"}


def get(client, path):
    response = client.get(path, HTTP_HOST=HOST)
    return response, response.content.decode()


def h1(body):
    return re.search(r"<h1>(.*?)</h1>", body, re.S).group(1).strip()


def count_queries(client, path):
    """Return the number of queries of a request, after one request that fills the caches."""
    client.get(path, HTTP_HOST=HOST)
    with CaptureQueriesContext(connection) as context:
        response = client.get(path, HTTP_HOST=HOST)
    assert response.status_code == 200, path
    return len(context.captured_queries)


def test_convoy_index_french(client, memorial_site):
    response, body = get(client, "/convois/")
    assert response.status_code == 200
    assert h1(body) == "Les convois de déportation partis de Compiègne"
    assert "31 convois" in body
    assert '<a href="/convois/1942-07-06/">6 juillet 1942</a>' in body
    assert NUMBER_1175["fr"] in body
    assert "témoignages de rescapés" in body
    assert "Autres chiffres" in body
    assert "Les données de cette page" not in body


def test_convoy_index_key_figures(client, memorial_site):
    _response, body = get(client, "/convois/")
    assert "Chiffres clés" in body
    assert "53 787" in body
    assert "environ 45 000" in body
    assert "source faible, à vérifier" in body
    assert 'href="https://27avril44.org/lhistoire-du-convoi/transport"' in body


@pytest.mark.parametrize(
    ("language", "title", "note"),
    [
        ("en", "Deportation convoys from Compiègne", "come from French sources"),
        ("de", "Die Deportationstransporte aus Compiègne", "stammen aus französischen Quellen"),
    ],
)
def test_convoy_index_translated(client, memorial_site, language, title, note):
    response, body = get(client, f"/{language}/convois/")
    assert response.status_code == 200
    assert f'<html lang="{language}"' in body
    assert h1(body) == title
    assert note in body
    assert NUMBER_1175[language] in body
    assert f'href="/{language}/convois/1942-07-06/"' in body
    # The records stay in French, marked as such.
    assert '<span class="meta" lang="fr">témoignages de rescapés</span>' in body


def test_convoy_page_french(client, memorial_site):
    response, body = get(client, "/convois/1942-07-06/")
    assert response.status_code == 200
    assert h1(body) == "Convoi du 6 juillet 1942"
    assert "convoi des « 45000 »" in body
    assert "45157–46326" in body
    assert "I.42" in body
    for value in (NUMBER_1175["fr"], "1\u00a0170", "1\u00a0155"):
        assert value in body
    assert "recensés par la FMD" in body
    assert "Personnes déportées : les sources donnent des nombres différents." in body
    assert '<link rel="canonical" href="http://memorial.localhost/convois/1942-07-06/">' in body


def test_convoy_page_disagreement_attributed(client, memorial_site):
    _response, body = get(client, "/convois/1942-03-27/")
    assert "Rentrés de déportation : les sources donnent des nombres différents." in body
    assert "Klarsfeld cité par lestemoins.fr" in body
    assert '<span lang="fr">resistance60</span>' in body
    assert "Survivants: 19 selon resistance60, 23 selon Klarsfeld" in body


def test_convoy_page_groups_and_part_label(client, memorial_site):
    _response, body = get(client, "/convois/1944-07-15/")
    assert "Groupe compté à part, en plus" in body
    _response, body = get(client, "/convois/1943-01-24-F/")
    assert h1(body) == "Convoi du 24 janvier 1943, femmes"


@pytest.mark.parametrize(
    ("language", "title", "people_link"),
    [
        ("en", "Convoy of April 27, 1944", 'href="/en/personnalites/#robert-desnos"'),
        ("de", "Transport vom 27. April 1944", 'href="/de/personnalites/#robert-desnos"'),
    ],
)
def test_convoy_page_translated(client, memorial_site, language, title, people_link):
    response, body = get(client, f"/{language}/convois/1944-04-27/")
    assert response.status_code == 200
    assert h1(body) == title
    assert people_link in body
    assert f'<a href="/{language}/convois/">' in body
    assert f'hreflang="fr" href="http://memorial.localhost/convois/1944-04-27/"' in body


def test_convoy_page_people_french(client, memorial_site):
    _response, body = get(client, "/convois/1944-04-27/")
    assert '<a href="/personnalites/#robert-desnos">Robert Desnos</a>' in body
    assert '<a href="/personnalites/#remy-roure">Rémy Roure</a>' in body


def test_unknown_convoy_not_found(client, memorial_site):
    response, _body = get(client, "/convois/1940-01-01/")
    assert response.status_code == 404
    response, _body = get(client, "/convois/pas-un-convoi/")
    assert response.status_code == 404


def test_unpublished_convoy_hidden(client, memorial_site):
    Convoy.objects.filter(convoy_id="1943-04-16").update(is_published=False)
    response, _body = get(client, "/convois/1943-04-16/")
    assert response.status_code == 404
    _response, body = get(client, "/convois/")
    assert "/convois/1943-04-16/" not in body
    assert "30 convois" in body


def test_public_figures_french(client, memorial_site):
    response, body = get(client, "/personnalites/")
    assert response.status_code == 200
    assert h1(body) == "Personnalités internées à Royallieu"
    assert len(re.findall(r'<section id="[a-z-]+"', body)) == 11
    assert '<a href="/convois/1944-04-27/">Convoi du 27 avril 1944</a>' in body
    assert "libéré le 25 août 1944" in body


@pytest.mark.parametrize(
    ("language", "title"),
    [("en", "Well-known people interned at Royallieu"), ("de", "Bekannte Persönlichkeiten im Lager Royallieu")],
)
def test_public_figures_translated(client, memorial_site, language, title):
    response, body = get(client, f"/{language}/personnalites/")
    assert response.status_code == 200
    assert h1(body) == title
    assert f'<a href="/{language}/convois/1944-04-27/">' in body
    assert '<dd lang="fr">poète, résistant</dd>' in body


def test_public_figure_unpublished_convoy_not_linked(client, memorial_site):
    Convoy.objects.filter(convoy_id="1944-04-27").update(is_published=False)
    _response, body = get(client, "/personnalites/")
    assert "/convois/1944-04-27/" not in body
    assert "Robert Desnos" in body


def test_sitemap_lists_convoys_in_each_language(client, memorial_site):
    _response, body = get(client, "/sitemap.xml")
    locations = re.findall(r"<loc>(.*?)</loc>", body)
    for prefix in ("", "/en", "/de"):
        assert f"http://memorial.localhost{prefix}/convois/1942-07-06/" in locations
    assert len([location for location in locations if "/convois/19" in location]) == 31 * 3


def test_extra_sitemap_urls_alternates(rf, memorial_site):
    page = ConvoyIndexPage.objects.get(locale__language_code="fr")
    request = rf.get("/sitemap.xml", HTTP_HOST=HOST)
    from sites.models import SiteProfile

    request.platform_profile = SiteProfile.objects.get(key="memorial")
    entries = page.get_extra_sitemap_urls(request)
    assert len(entries) == 93
    first = entries[0]
    assert first["location"] == "http://memorial.localhost/convois/1942-03-27/"
    assert first["lastmod"] is not None
    assert {alternate["code"] for alternate in first["alternates"]} == {"fr", "en", "de"}


@pytest.mark.parametrize(
    "path",
    ["/convois/", "/de/convois/", "/convois/1944-07-02/", "/en/convois/1944-04-27/", "/personnalites/", "/de/personnalites/"],
)
def test_page_queries_bounded(client, memorial_site, django_assert_max_num_queries, path):
    # The first request also stores the logo's image renditions, so it is not counted.
    client.get(path, HTTP_HOST=HOST)
    # Measured at 10 to 14 queries once the site's menus and settings are cached; the convoy
    # pages cost the most.
    with django_assert_max_num_queries(14):
        response = client.get(path, HTTP_HOST=HOST)
    assert response.status_code == 200


def test_index_queries_independent_of_convoys(client, memorial_site):
    before = count_queries(client, "/convois/")
    for day in range(1, 21):
        convoy = Convoy.objects.create(
            convoy_id=f"1945-01-{day:02d}", departure_date=f"1945-01-{day:02d}", destination="Test"
        )
        ConvoyFigure.objects.create(
            convoy=convoy, kind=ConvoyFigure.Kind.DEPORTED, value=100, origin=ConvoyFigure.Origin.COLUMN
        )
        ConvoyFigure.objects.create(
            convoy=convoy, position=1, kind=ConvoyFigure.Kind.RETURNED, value=10, origin=ConvoyFigure.Origin.NOTES
        )
    assert count_queries(client, "/convois/") == before


def test_people_queries_independent_of_entries(client, memorial_site):
    from memorial.models import PublicFigure

    before = count_queries(client, "/personnalites/")
    convoy = Convoy.objects.get(convoy_id="1944-05-12")
    for number in range(15):
        PublicFigure.objects.create(name=f"Personne {number}", slug=f"personne-{number}", convoy=convoy)
    assert count_queries(client, "/personnalites/") == before


def test_convoy_page_queries_independent_of_figures(client, memorial_site):
    before = count_queries(client, "/convois/1944-05-12/")
    convoy = Convoy.objects.get(convoy_id="1944-05-12")
    for position in range(10, 30):
        ConvoyFigure.objects.create(
            convoy=convoy, position=position, kind=ConvoyFigure.Kind.DIED, value=position, origin=ConvoyFigure.Origin.NOTES
        )
    assert count_queries(client, "/convois/1944-05-12/") == before


def row_counts():
    from wagtail.models import Page, Revision

    from memorial.models import KeyFigure, PublicFigure

    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "convoys": Convoy.objects.count(),
        "figures": ConvoyFigure.objects.count(),
        "key figures": KeyFigure.objects.count(),
        "people": PublicFigure.objects.count(),
    }


def test_demo_first_run_output(memorial_site):
    assert "Mémorial, convois_royallieu_1942-1944.csv : 31 créés" in memorial_site
    assert "Mémorial, personnalites_royallieu.csv : 11 créés" in memorial_site
    assert "Mémorial, chiffres_cles_royallieu.csv : 12 créés" in memorial_site
    assert "rejet" not in memorial_site.replace("0 rejetés", "")


def test_demo_second_run_changes_nothing(memorial_site):
    from tests.memorial.conftest import build_memorial_site

    before = row_counts()
    output = build_memorial_site()
    assert row_counts() == before
    assert "31 inchangés" in output
    assert "11 inchangés" in output
    assert "12 inchangés" in output
