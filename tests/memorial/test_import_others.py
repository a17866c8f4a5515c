"""Import of the real key figures and public figures tables, and of broken variants."""

import pytest

from memorial.importers import import_convoys, import_key_figures, import_public_figures
from memorial.models import Convoy, KeyFigure, PublicFigure
from sites.importing import SourceError

pytestmark = pytest.mark.django_db

KEY_FIGURES_HEADER = "metric,value,scope_or_caveat,source_url"
PEOPLE_HEADER = (
    "person_name,life_dates,public_role,royallieu_context,convoy_id,destinations_or_outcome,"
    "source_url,source_url_2"
)


def write_csv(tmp_path, header, *rows, name="file.csv"):
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_key_figures_real_file(key_figures_file):
    report = import_key_figures(key_figures_file)
    assert report.created == 12
    assert report.rejected == []
    transit = KeyFigure.objects.filter(metric="personnes ayant transité par Royallieu")
    assert sorted(transit.values_list("value", flat=True)) == ["53 787", "environ 45 000"]
    convoys = KeyFigure.objects.get(metric="nombre de convois de déportation partis de Compiègne")
    assert convoys.value == "28"
    assert convoys.scope == "mars 1942 - août 1944: 3 en 1942, 10 en 1943, 15 en 1944"
    assert convoys.source_url == "https://www.resistance60.fr/newpagebefea930"


def test_key_figures_file_order_kept(key_figures_file):
    import_key_figures(key_figures_file)
    metrics = list(KeyFigure.objects.published().values_list("metric", flat=True))
    assert metrics[0] == "nombre de convois de déportation partis de Compiègne"
    assert metrics[-1] == "coordonnées du camp (infobox Wikipédia)"


def test_key_figures_reimport_unchanged(key_figures_file):
    import_key_figures(key_figures_file)
    report = import_key_figures(key_figures_file)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 12)
    assert KeyFigure.objects.count() == 12


def test_key_figure_corrected_value_updates(tmp_path):
    row = "personnes déportées,environ 50 000,,https://example.org/a"
    import_key_figures(write_csv(tmp_path, KEY_FIGURES_HEADER, row))
    report = import_key_figures(write_csv(tmp_path, KEY_FIGURES_HEADER, row.replace("50", "49")))
    assert report.updated == 1
    assert list(KeyFigure.objects.values_list("value", flat=True)) == ["environ 49 000"]


def test_key_figure_without_source_rejected(tmp_path):
    report = import_key_figures(write_csv(tmp_path, KEY_FIGURES_HEADER, "personnes déportées,50 000,,"))
    assert [(r.record_id, r.field_name) for r in report.rejected] == [("personnes déportées", "source_url")]
    assert KeyFigure.objects.count() == 0


def test_key_figures_missing_column(tmp_path):
    path = write_csv(tmp_path, "metric,value,source_url", "a,1,https://example.org/", name="chiffres.csv")
    with pytest.raises(SourceError) as error:
        import_key_figures(path)
    assert "scope_or_caveat" in str(error.value)
    assert "chiffres.csv" in str(error.value)


def test_public_figures_real_file(convoys_file, public_figures_file):
    import_convoys(convoys_file)
    report = import_public_figures(public_figures_file)
    assert report.created == 11
    assert report.rejected == []
    desnos = PublicFigure.objects.get(slug="robert-desnos")
    assert desnos.life_dates == "1900-1945"
    assert desnos.public_role == "poète, résistant"
    assert desnos.convoy.convoy_id == "1944-04-27"
    assert desnos.sources == [
        "https://asso-buchenwald-dora.com/robert-desnos-1900-1945/",
        "https://editions-fayard.typepad.com/blog_des_editions_fayard/2008/03/en-mmoire-de-de.html",
    ]
    assert PublicFigure.objects.filter(convoy__convoy_id="1943-01-24-F").count() == 3
    theas = PublicFigure.objects.get(slug="mgr-theas")
    assert theas.convoy is None
    assert theas.outcome == "non déporté"


def test_public_figures_before_convoys_linked_later(convoys_file, public_figures_file):
    import_public_figures(public_figures_file)
    assert PublicFigure.objects.filter(convoy__isnull=False).count() == 0
    assert PublicFigure.objects.get(slug="robert-desnos").convoy_key == "1944-04-27"
    import_convoys(convoys_file)
    assert PublicFigure.objects.filter(convoy__isnull=False).count() == 10
    report = import_public_figures(public_figures_file)
    assert report.unchanged == 11


def test_public_figures_reimport_unchanged(convoys_file, public_figures_file):
    import_convoys(convoys_file)
    import_public_figures(public_figures_file)
    report = import_public_figures(public_figures_file)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 11)
    assert PublicFigure.objects.count() == 11


def test_public_figure_invalid_convoy_rejected(tmp_path):
    row = "Robert Desnos,,poète,,27 avril 1944,,,"
    report = import_public_figures(write_csv(tmp_path, PEOPLE_HEADER, row))
    assert [(r.record_id, r.field_name) for r in report.rejected] == [("Robert Desnos", "convoy_id")]
    assert PublicFigure.objects.count() == 0


def test_public_figure_unknown_convoy_kept(tmp_path):
    row = "Robert Desnos,,poète,,1944-04-28,,,"
    report = import_public_figures(write_csv(tmp_path, PEOPLE_HEADER, row))
    assert report.created == 1
    person = PublicFigure.objects.get()
    assert person.convoy is None
    assert person.convoy_key == "1944-04-28"


def test_public_figure_duplicate_name_rejected(tmp_path):
    rows = ["Robert Desnos,,poète,,,,,", "Robert  DESNOS,,poète,,,,,"]
    report = import_public_figures(write_csv(tmp_path, PEOPLE_HEADER, *rows))
    assert report.created == 1
    assert [r.field_name for r in report.rejected] == ["person_name"]


def test_published_convoy_hidden_when_unpublished(convoys_file, public_figures_file):
    import_convoys(convoys_file)
    import_public_figures(public_figures_file)
    Convoy.objects.filter(convoy_id="1944-04-27").update(is_published=False)
    desnos = PublicFigure.objects.with_convoy().get(slug="robert-desnos")
    assert desnos.published_convoy is None
