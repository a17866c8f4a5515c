"""Import of the real convoy table, and of broken variants derived from it in each test."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from memorial.importers import import_convoys
from memorial.models import Convoy, ConvoyFigure
from sites.importing import ImportReport, SourceError

pytestmark = pytest.mark.django_db

Kind = ConvoyFigure.Kind
Origin = ConvoyFigure.Origin

HEADER = (
    "convoy_id,depart_date,depart_place,destination,arrival_date,deported_count,count_basis,"
    "prisoner_numbers,reference_name,fmd_transport_code,returned_count,notes,source_url,"
    "source_url_2"
)


def write_csv(tmp_path, *rows, header=HEADER, name="convois.csv"):
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def figures_of(convoy_id, kind):
    return list(
        ConvoyFigure.objects.filter(convoy__convoy_id=convoy_id, kind=kind).order_by("position")
    )


def test_real_file_counts(convoys_file):
    report = import_convoys(convoys_file)
    assert report.created == 31
    assert report.rejected == []
    assert Convoy.objects.count() == 31
    assert Convoy.objects.filter(convoy_id__endswith="-H").count() == 2
    assert Convoy.objects.filter(convoy_id__endswith="-F").count() == 2


def test_real_file_convoy_fields(convoys_file):
    import_convoys(convoys_file)
    convoy = Convoy.objects.get(convoy_id="1942-07-06")
    assert str(convoy.departure_date) == "1942-07-06"
    assert str(convoy.arrival_date) == "1942-07-08"
    assert convoy.destination == "Auschwitz"
    assert convoy.departure_place == "camp de Royallieu / gare de Compiègne"
    assert convoy.reference_name == "convoi des « 45000 »"
    assert convoy.fmd_transport_code == "I.42"
    assert convoy.prisoner_numbers == "45157-46326"
    assert convoy.prisoner_number_ranges == [(45157, 46326)]
    assert convoy.sources == [
        "http://memoiredeguerre.free.fr/ph-doc/convoi-6-juillet-42.htm",
        "https://www.resistance60.fr/newpagebefea930",
    ]


def test_real_file_deported_figures(convoys_file):
    import_convoys(convoys_file)
    deported = figures_of("1942-07-06", Kind.DEPORTED)
    assert [(f.value, f.basis, f.origin) for f in deported] == [
        (1175, "témoignages de rescapés", Origin.COLUMN),
        (1170, "immatriculés", Origin.COUNT_BASIS),
        (1155, "recensés par la FMD", Origin.COUNT_BASIS),
    ]
    main = deported[0]
    assert main.source_url == "http://memoiredeguerre.free.fr/ph-doc/convoi-6-juillet-42.htm"
    assert deported[2].note == "1155 recensés par la FMD"
    returned = figures_of("1942-07-06", Kind.RETURNED)
    assert [(f.value, f.origin) for f in returned] == [(119, Origin.COLUMN)]


def test_real_file_disagreeing_survivors(convoys_file):
    import_convoys(convoys_file)
    returned = figures_of("1942-03-27", Kind.RETURNED)
    assert [(f.value, f.attribution, f.source_url, f.origin) for f in returned] == [
        (19, "resistance60", "https://www.resistance60.fr/newpagebefea930", Origin.COLUMN),
        (23, "Klarsfeld cité par lestemoins.fr", "http://lestemoins.fr/convois/autres-convois", Origin.NOTES),
    ]
    convoy = Convoy.objects.with_figures().get(convoy_id="1942-03-27")
    assert [figure.value for figure in convoy.other_returned] == [23]
    groups = {group["kind"]: group for group in convoy.figure_groups()}
    assert groups[Kind.RETURNED]["disagreement"] is True
    assert groups[Kind.DEPORTED]["disagreement"] is False


def test_real_file_train_of_death(convoys_file):
    import_convoys(convoys_file)
    died = figures_of("1944-07-02", Kind.DIED)
    assert [(f.value, f.precision, f.attribution) for f in died] == [
        (530, ConvoyFigure.Precision.AT_LEAST, "la FMD"),
        (536, ConvoyFigure.Precision.EXACT, "Christian Bernadac"),
        (519, ConvoyFigure.Precision.EXACT, "l'article Wikipédia « Train de la mort »"),
    ]
    deported = figures_of("1944-07-02", Kind.DEPORTED)
    assert [(f.value, f.attribution, f.source_url) for f in deported] == [
        (2162, "", "http://wagon-deportation.over-blog.fr/pages/Convoi-du-02-juillet-1944-compiegne-dachau-2737281.html"),
        (2166, "etat-francais.fr", ""),
    ]


def test_real_file_figure_totals(convoys_file):
    import_convoys(convoys_file)
    assert ConvoyFigure.objects.filter(origin=Origin.COLUMN, kind=Kind.DEPORTED).count() == 31
    assert ConvoyFigure.objects.filter(origin=Origin.COLUMN, kind=Kind.RETURNED).count() == 29
    assert ConvoyFigure.objects.filter(origin=Origin.COUNT_BASIS).count() == 11
    assert ConvoyFigure.objects.filter(origin=Origin.NOTES).count() == 9
    assert ConvoyFigure.objects.filter(kind=Kind.ESCAPED).get().value == 363


def test_reimport_unchanged(convoys_file):
    import_convoys(convoys_file)
    figure_ids = set(ConvoyFigure.objects.values_list("pk", flat=True))
    report = import_convoys(convoys_file)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 31)
    assert Convoy.objects.count() == 31
    assert set(ConvoyFigure.objects.values_list("pk", flat=True)) == figure_ids


def test_reimport_unchanged_writes_nothing(convoys_file):
    import_convoys(convoys_file)
    with CaptureQueriesContext(connection) as context:
        import_convoys(convoys_file)
    writes = [
        query["sql"]
        for query in context.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []


def test_reimport_updates_changed_row(tmp_path):
    row = "1943-04-16,1943-04-16,gare de Compiègne,Mauthausen,1943-04-18,994,recensé FMD,26173-27163,,,482,,http://example.org/a,"
    import_convoys(write_csv(tmp_path, row))
    changed = row.replace(",482,", ",481,")
    report = import_convoys(write_csv(tmp_path, changed))
    assert (report.created, report.updated, report.unchanged) == (0, 1, 0)
    assert [f.value for f in figures_of("1943-04-16", Kind.RETURNED)] == [481]
    assert ConvoyFigure.objects.count() == 2


def test_unpublished_flag_survives_reimport(convoys_file):
    import_convoys(convoys_file)
    Convoy.objects.filter(convoy_id="1943-04-16").update(is_published=False)
    import_convoys(convoys_file)
    assert Convoy.objects.get(convoy_id="1943-04-16").is_published is False


def test_missing_column_names_file_and_column(tmp_path):
    # The real header without its "destination" column.
    header = HEADER.replace(",destination,", ",")
    path = write_csv(tmp_path, header=header)
    with pytest.raises(SourceError) as error:
        import_convoys(path)
    assert "destination" in str(error.value)
    assert "convois.csv" in str(error.value)
    assert Convoy.objects.count() == 0


def test_optional_second_source_column(tmp_path):
    header = HEADER.removesuffix(",source_url_2")
    row = "1943-04-16,1943-04-16,gare,Mauthausen,,994,recensé FMD,,,,,,http://example.org/a"
    report = import_convoys(write_csv(tmp_path, row, header=header))
    assert report.created == 1
    assert Convoy.objects.get().sources == ["http://example.org/a"]


def test_invalid_date_rejects_record(tmp_path):
    rows = [
        "1943-04-16,1943-04-31,gare,Mauthausen,,994,recensé FMD,,,,,,,",
        "1943-04-20,1943-04-20,gare,Mauthausen,,997,recensé FMD,,,,,,,",
    ]
    report = import_convoys(write_csv(tmp_path, *rows))
    assert report.created == 1
    assert len(report.rejected) == 1
    rejection = report.rejected[0]
    assert rejection.record_id == "1943-04-16"
    assert rejection.field_name == "depart_date"
    assert "1943-04-31" in rejection.reason
    assert list(Convoy.objects.values_list("convoy_id", flat=True)) == ["1943-04-20"]


@pytest.mark.parametrize(
    ("row", "field_name"),
    [
        ("1943-04-16,16/04/1943,gare,Mauthausen,,994,,,,,,,,", "depart_date"),
        ("1943-04-16,1943-04-16,gare,Mauthausen,1943-04-10,994,,,,,,,,", "arrival_date"),
        ("1943-04-16,1943-04-16,gare,Mauthausen,,neuf cents,,,,,,,,", "deported_count"),
        ("1943-04-16,1943-04-16,gare,Mauthausen,,994,,,,,-3,,,", "returned_count"),
        ("1943-04-16,1943-04-16,gare,Mauthausen,,994,,27163-26173,,,,,,", "prisoner_numbers"),
        ("1943-04-16,1943-04-16,gare,,,994,,,,,,,,", "destination"),
        ("1943-04-16,1943-04-16,gare,Mauthausen,,994,,,,,,,javascript:alert(1),", "source_url"),
        ("1943-13-16,1943-04-16,gare,Mauthausen,,994,,,,,,,,", "convoy_id"),
        ("16-04-1943,1943-04-16,gare,Mauthausen,,994,,,,,,,,", "convoy_id"),
    ],
)
def test_invalid_cell_rejects_record(tmp_path, row, field_name):
    report = import_convoys(write_csv(tmp_path, row))
    assert [rejection.field_name for rejection in report.rejected] == [field_name]
    assert Convoy.objects.count() == 0
    assert ConvoyFigure.objects.count() == 0


def test_too_long_cell_rejects_record(tmp_path):
    row = f"1943-04-16,1943-04-16,gare,{'M' * 300},,994,,,,,,,,"
    report = import_convoys(write_csv(tmp_path, row))
    assert [(r.record_id, r.field_name) for r in report.rejected] == [("1943-04-16", "destination")]


def test_duplicate_convoy_rejected(tmp_path):
    row = "1943-04-16,1943-04-16,gare,Mauthausen,,994,,,,,,,,"
    report = import_convoys(write_csv(tmp_path, row, row.replace(",994,", ",995,")))
    assert report.created == 1
    assert [(r.record_id, r.field_name) for r in report.rejected] == [("1943-04-16", "convoy_id")]
    # "duplicate of the row at line 2", in the active language.
    assert report.rejected[0].reason.endswith(" 2")
    assert figures_of("1943-04-16", Kind.DEPORTED)[0].value == 994


def test_invalid_utf8_names_offset(tmp_path, convoys_file):
    # The real file with one byte replaced by 0xff, which never occurs in UTF-8.
    raw = bytearray(convoys_file.read_bytes())
    raw[500] = 0xFF
    path = tmp_path / "latin.csv"
    path.write_bytes(bytes(raw))
    with pytest.raises(SourceError) as error:
        import_convoys(path)
    assert "500" in str(error.value)
    assert Convoy.objects.count() == 0


def test_latin1_file_rejected(tmp_path, convoys_file):
    # The real file re-encoded in ISO-8859-1, as a spreadsheet might save it.
    path = tmp_path / "latin1.csv"
    path.write_bytes(convoys_file.read_text(encoding="utf-8").encode("latin-1", errors="replace"))
    with pytest.raises(SourceError):
        import_convoys(path)
    assert Convoy.objects.count() == 0


def test_bom_accepted(tmp_path, convoys_file):
    # The real file with a UTF-8 byte order mark in front, as Excel writes it.
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + convoys_file.read_bytes())
    assert import_convoys(path).created == 31


def test_empty_file_rejected(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with pytest.raises(SourceError) as error:
        import_convoys(path)
    assert "empty.csv" in str(error.value)


def test_blank_file_rejected(tmp_path):
    path = tmp_path / "blank.csv"
    path.write_bytes(b"\n\n")
    with pytest.raises(SourceError):
        import_convoys(path)


def test_oversize_file_rejected(convoys_file, settings):
    settings.IMPORT_MAX_FILE_BYTES = 1000
    with pytest.raises(SourceError) as error:
        import_convoys(convoys_file)
    assert "1000" in str(error.value)
    assert Convoy.objects.count() == 0


def test_truncated_file_rejected(tmp_path, convoys_file):
    # The real file cut inside a quoted cell: the closing quote never comes.
    text = convoys_file.read_text(encoding="utf-8")
    cut = text.index('"Otages juifs') + 20
    path = tmp_path / "truncated.csv"
    path.write_text(text[:cut], encoding="utf-8")
    with pytest.raises(SourceError):
        import_convoys(path)
    assert Convoy.objects.count() == 0


def test_row_with_extra_cell_rejects_file(tmp_path):
    row = "1943-04-16,1943-04-16,gare,Mauthausen,,994,,,,,,,,,surplus"
    with pytest.raises(SourceError) as error:
        import_convoys(write_csv(tmp_path, row))
    assert "2" in str(error.value)
    assert Convoy.objects.count() == 0


def test_nul_byte_rejects_file(tmp_path):
    path = tmp_path / "nul.csv"
    path.write_bytes((HEADER + "\n1943-04-16,1943-04-16,ga\x00re,Mauthausen,,994,,,,,,,,\n").encode())
    with pytest.raises(SourceError):
        import_convoys(path)


def test_record_applied_completely_or_not(tmp_path, monkeypatch):
    rows = [
        "1943-04-16,1943-04-16,gare,Mauthausen,,994,recensé FMD (990 estimés),,,,482,,,",
        "1943-04-20,1943-04-20,gare,Mauthausen,,997,recensé FMD,,,,517,,,",
    ]
    path = write_csv(tmp_path, *rows)
    original = ConvoyFigure.objects.bulk_create

    def failing_bulk_create(figures, *args, **kwargs):
        # Fail after the convoy row was saved, while its figures are written.
        if figures and figures[0].convoy.convoy_id == "1943-04-16":
            raise RuntimeError("disk full")
        return original(figures, *args, **kwargs)

    monkeypatch.setattr(ConvoyFigure.objects, "bulk_create", failing_bulk_create)
    with pytest.raises(RuntimeError):
        import_convoys(path)
    assert Convoy.objects.filter(convoy_id="1943-04-16").exists() is False
    assert ConvoyFigure.objects.count() == 0


def test_update_applied_completely_or_not(tmp_path, monkeypatch):
    row = "1943-04-16,1943-04-16,gare,Mauthausen,,994,recensé FMD,,,,482,,,"
    path = write_csv(tmp_path, row)
    import_convoys(path)
    changed = write_csv(tmp_path, row.replace("Mauthausen", "Gusen").replace(",482,", ",480,"), name="v2.csv")

    def failing_bulk_create(figures, *args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(ConvoyFigure.objects, "bulk_create", failing_bulk_create)
    with pytest.raises(RuntimeError):
        import_convoys(changed)
    convoy = Convoy.objects.get(convoy_id="1943-04-16")
    assert convoy.destination == "Mauthausen"
    assert [f.value for f in figures_of("1943-04-16", Kind.RETURNED)] == [482]


def test_shared_report_counts_both_files(tmp_path, convoys_file):
    report = ImportReport()
    import_convoys(convoys_file, report=report)
    import_convoys(convoys_file, report=report)
    assert (report.created, report.unchanged) == (31, 31)


def test_semicolon_separated_file_rejected(tmp_path, convoys_file):
    # The real header and first row with semicolons, as a spreadsheet set to French saves them.
    lines = convoys_file.read_text(encoding="utf-8").splitlines()[:2]
    path = tmp_path / "point-virgule.csv"
    path.write_text("\n".join(line.replace(",", ";") for line in lines) + "\n", encoding="utf-8")
    with pytest.raises(SourceError) as error:
        import_convoys(path)
    assert "point-virgule.csv" in str(error.value)
    assert ";" in str(error.value)


def test_huge_cell_rejects_file(tmp_path):
    # One notes cell of 200,000 characters, above the csv module's field size limit.
    row = f'1943-04-16,1943-04-16,gare,Mauthausen,,994,,,,,,"{"x" * 200_000}",,'
    with pytest.raises(SourceError):
        import_convoys(write_csv(tmp_path, row))
    assert Convoy.objects.count() == 0
