"""The import_joconde and import_lido management commands."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from museums.models import CatalogueObject
from sites.models import ImportRun

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_messages")]


def run_command(name, *args):
    stdout = StringIO()
    call_command(name, *args, stdout=stdout, stderr=StringIO())
    return stdout.getvalue()


def test_import_joconde_summary(joconde_file):
    output = run_command("import_joconde", str(joconde_file("pop_import_joconde_utf8.txt")))

    assert "3 created, 0 updated, 0 unchanged, 0 rejected" in output
    run = ImportRun.objects.get()
    assert run.kind == "joconde"
    assert (run.created, run.updated, run.unchanged) == (3, 0, 0)


def test_import_joconde_second_run(joconde_file):
    path = str(joconde_file("pop_import_joconde_utf8.txt"))
    run_command("import_joconde", path)

    output = run_command("import_joconde", path)

    assert "0 created, 0 updated, 3 unchanged, 0 rejected" in output
    assert CatalogueObject.objects.count() == 3


def test_import_joconde_rejection_listed(joconde_file):
    output = run_command(
        "import_joconde", str(joconde_file("pop_import_joconde_utf8_with_warnings.txt"))
    )

    assert "rejected 123456789, field REF, WWW, LVID:" in output
    assert ImportRun.objects.get().rejected[0]["record"] == "123456789"


def test_import_joconde_several_formats(joconde_file):
    output = run_command(
        "import_joconde",
        str(joconde_file("pop_notice_joconde_000PE001028.json")),
        str(joconde_file("joconde_wikidata_mashup_compiegne_M5009.csv")),
    )

    assert "23 created" in output


def test_import_joconde_museum_option(joconde_file):
    output = run_command(
        "import_joconde",
        "--format",
        "actimuse",
        "--museum",
        "M0354",
        str(joconde_file("actimuse_dmf_export_sample.csv")),
    )

    assert "2 created" in output
    assert CatalogueObject.objects.filter(museum__museofile_code="M0354").count() == 2


def test_import_joconde_wrong_format(joconde_file):
    with pytest.raises(CommandError, match="expected a field code"):
        run_command(
            "import_joconde",
            "--format",
            "text",
            str(joconde_file("pop_notice_joconde_000PE001028.json")),
        )
    run = ImportRun.objects.get()
    assert "pop_notice_joconde_000PE001028.json" in run.error
    assert CatalogueObject.objects.count() == 0


def test_import_lido_summary(lido_file):
    output = run_command(
        "import_lido",
        str(lido_file("lido_ddb_ghwk_wannsee_memorial_photo.xml")),
        str(lido_file("lido_minimal_record_ddb_recommendation.xml")),
    )

    assert "2 created, 0 updated, 0 unchanged, 0 rejected" in output
    assert ImportRun.objects.get().kind == "lido"


def test_import_lido_hostile(tmp_path):
    path = tmp_path / "xxe.xml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        '<lido:lido xmlns:lido="http://www.lido-schema.org">&e;</lido:lido>'
    )

    with pytest.raises(CommandError, match="xxe.xml"):
        run_command("import_lido", str(path))


def test_rejection_line_in_french(joconde_file):
    from django.utils import translation

    with translation.override("fr"):
        output = run_command(
            "import_joconde", str(joconde_file("pop_import_joconde_utf8_with_warnings.txt"))
        )

    assert (
        "rejeté 123456789, champ REF, WWW, LVID : REF : référence '123456789' invalide : une "
        "référence Joconde a au moins 11 lettres ou chiffres ; WWW : 'a' n'est pas une adresse "
        "web valide ; LVID : 'htp://ds.de' n'est pas une adresse web valide"
    ) in output
    assert "0 créés, 0 mis à jour, 0 inchangés, 1 rejetés" in output
