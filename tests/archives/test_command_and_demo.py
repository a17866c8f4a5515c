"""The import_ead command and the demo hook of the archives site."""

import io

import pytest
from django.core.management import CommandError, call_command

from archives.demo import populate
from archives.models import ArchivesIndexPage, Component, FindingAid
from sites.models import ImportRun

pytestmark = pytest.mark.django_db


def test_command_imports_and_reports(ead_dir):
    stdout = io.StringIO()
    call_command(
        "import_ead",
        str(ead_dir / "FRAN_IR_054848.xml"),
        str(ead_dir / "FRAN_IR_051211.xml"),
        licence="CC BY 4.0",
        stdout=stdout,
        stderr=io.StringIO(),
    )
    lines = stdout.getvalue().splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("FRAN_IR_054848 (FRAN_IR_054848.xml)")
    assert "36" in lines[1]
    run = ImportRun.objects.get(kind="ead")
    assert (run.created, run.updated, run.unchanged, run.error) == (2, 0, 0, "")
    assert FindingAid.objects.get(eadid="FRAN_IR_051211").licence == "CC BY 4.0"


def test_command_broken_file_fails(ead_dir, tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_bytes(b"<ead>\n<eadheader>\n")
    with pytest.raises(CommandError) as raised:
        call_command(
            "import_ead",
            str(broken),
            str(ead_dir / "FRAN_IR_054848.xml"),
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
    assert "broken.xml" in str(raised.value)
    assert FindingAid.objects.filter(eadid="FRAN_IR_054848").exists()
    run = ImportRun.objects.get(kind="ead")
    assert "broken.xml" in run.error
    assert run.created == 1


def test_demo_populate_idempotent(platform_sites):
    first = io.StringIO()
    populate(first)
    assert FindingAid.objects.count() == 6
    assert Component.objects.count() == 1850
    page = ArchivesIndexPage.objects.get(slug="inventaires")
    assert page.title == "Inventaires et instruments de recherche"
    assert page.live
    assert page.get_parent().specific.slug == "accueil-archives"
    revisions = page.revisions.count()

    second = io.StringIO()
    report = populate(second)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 6)
    lines = second.getvalue().splitlines()
    assert len(lines) == 7
    assert all(line.startswith("FRAN_IR_") for line in lines[:6])
    assert lines[6].endswith(report.summary())
    assert ArchivesIndexPage.objects.count() == 1
    assert page.revisions.count() == revisions
    assert Component.objects.count() == 1850


def test_admin_lists_finding_aids(admin_client, ead_dir, import_ead):
    import_ead(ead_dir / "FRAN_IR_054848.xml")
    finding_aid = FindingAid.objects.get()
    listing = admin_client.get("/admin/finding_aids/")
    assert listing.status_code == 200
    assert "comptabilité générale" in listing.content.decode()
    assert admin_client.get("/admin/finding_aids/new/").status_code in (302, 403)

    response = admin_client.post(
        f"/admin/finding_aids/edit/{finding_aid.pk}/",
        {"licence": "CC BY 4.0", "attribution": "Archives nationales"},
    )
    assert response.status_code == 302
    finding_aid.refresh_from_db()
    assert finding_aid.published is False
    assert finding_aid.licence == "CC BY 4.0"
