"""The import_memorial command: kind detection, ordering, mapping and recorded runs."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from memorial.models import Convoy, KeyFigure, PublicFigure
from sites.models import ImportRun

pytestmark = pytest.mark.django_db


def run(*args):
    output = StringIO()
    call_command("import_memorial", *[str(arg) for arg in args], stdout=output, stderr=StringIO())
    return output.getvalue()


def test_detects_kinds_and_imports_convoys_first(public_figures_file, key_figures_file, convoys_file):
    # The public figures come first on the command line but are linked to their convoys.
    run(public_figures_file, key_figures_file, convoys_file)
    assert Convoy.objects.count() == 31
    assert KeyFigure.objects.count() == 12
    assert PublicFigure.objects.filter(convoy__isnull=False).count() == 10
    kinds = list(ImportRun.objects.order_by("started_at").values_list("kind", flat=True))
    assert kinds == ["memorial-convoys", "memorial-public-figures", "memorial-key-figures"]


def test_summary_and_recorded_run(convoys_file):
    output = run("--kind", "convoys", convoys_file)
    assert "31" in output
    import_run = ImportRun.objects.get()
    assert (import_run.created, import_run.unchanged, import_run.error) == (31, 0, "")
    run("--kind", "convoys", convoys_file)
    assert ImportRun.objects.order_by("-started_at").first().unchanged == 31


def test_missing_column_fails_and_is_recorded(tmp_path, convoys_file):
    # The real file with its "destination" column renamed.
    text = convoys_file.read_text(encoding="utf-8").replace(",destination,", ",camp,", 1)
    path = tmp_path / "convois.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError) as error:
        run("--kind", "convoys", path)
    assert "destination" in str(error.value)
    assert Convoy.objects.count() == 0
    assert "destination" in ImportRun.objects.get().error


def test_unknown_header_fails(tmp_path):
    path = tmp_path / "autre.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(CommandError) as error:
        run(path)
    assert "--kind" in str(error.value)
    assert ImportRun.objects.get().error


def test_mapping_renamed_columns(tmp_path, convoys_file):
    # The real file with two columns renamed, read through a mapping file.
    text = convoys_file.read_text(encoding="utf-8")
    header, rest = text.split("\n", 1)
    header = header.replace("depart_date", "date_depart").replace(",destination,", ",camp,")
    path = tmp_path / "renamed.csv"
    path.write_text(header + "\n" + rest, encoding="utf-8")
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"departure_date": "date_depart", "destination": "camp"}))
    run("--kind", "convoys", "--mapping", mapping, path)
    assert Convoy.objects.count() == 31


def test_mapping_needs_kind(tmp_path, convoys_file):
    mapping = tmp_path / "mapping.json"
    mapping.write_text("{}")
    with pytest.raises(CommandError):
        run("--mapping", mapping, convoys_file)


def test_mapping_unknown_field(tmp_path, convoys_file):
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"date": "date_depart"}))
    with pytest.raises(CommandError) as error:
        run("--kind", "convoys", "--mapping", mapping, convoys_file)
    assert "date" in str(error.value)
