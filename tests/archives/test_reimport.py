"""Re-import: idempotence, updates, unpublishing, and one finding aid applied whole or not at all.

Changed files are derived from FRAN_IR_054848.xml in each test by replacing text in it.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archives.importers import ead
from archives.models import Component, FindingAid
from sites.importing import RecordRejected

pytestmark = pytest.mark.django_db

SMALL = "FRAN_IR_054848.xml"
REMOVED_COMPONENT = "c-87z5iayid-1okgy3m00yrgf"


def derived_copy(ead_dir, tmp_path, *replacements):
    text = (ead_dir / SMALL).read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / SMALL
    path.write_text(text, encoding="utf-8")
    return path


def without_component(ead_dir, tmp_path):
    """FRAN_IR_054848.xml without its second component (the whole <c>…</c> element)."""
    text = (ead_dir / SMALL).read_text(encoding="utf-8")
    start = text.index(f'<c id="{REMOVED_COMPONENT}">')
    end = text.index("</c>", start) + len("</c>")
    path = tmp_path / SMALL
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    return path


def test_second_run_writes_nothing(imported, ead_dir, import_ead):
    components_before = Component.objects.count()
    with CaptureQueriesContext(connection) as queries:
        report, results = import_ead(ead_dir)
    writes = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
    assert (report.created, report.updated, report.unchanged) == (0, 0, 6)
    assert [result.counts.unchanged for result in results] == [201, 1339, 92, 36, 179, 3]
    assert Component.objects.count() == components_before


def test_reimport_without_licence_keeps_it(imported, ead_dir, import_ead):
    report, _results = import_ead(ead_dir / SMALL)
    assert report.unchanged == 1
    assert FindingAid.objects.get(eadid="FRAN_IR_054848").licence == "CC BY 4.0"


def test_changed_component_updated(ead_dir, tmp_path, import_ead):
    import_ead(ead_dir / SMALL)
    path = derived_copy(
        ead_dir, tmp_path, ("<unittitle>Etat de solde général</unittitle>", "<unittitle>Solde</unittitle>")
    )
    report, results = import_ead(path)
    assert report.updated == 1
    assert (results[0].counts.updated, results[0].counts.unchanged) == (1, 2)
    assert Component.objects.get(key=REMOVED_COMPONENT).title == "Solde"


def test_removed_component_unpublished(ead_dir, tmp_path, import_ead):
    import_ead(ead_dir / SMALL)
    report, results = import_ead(without_component(ead_dir, tmp_path))
    assert report.updated == 1
    assert results[0].counts.unpublished == 1
    removed = Component.objects.get(key=REMOVED_COMPONENT)
    assert removed.published is False
    assert Component.objects.filter(finding_aid__eadid="FRAN_IR_054848").count() == 3
    assert Component.objects.published().count() == 2

    # The original file brings it back, and moves the third component back to position 3.
    report, results = import_ead(ead_dir / SMALL)
    assert results[0].counts.updated == 2
    assert Component.objects.get(key="c-7al6wagmy-1khjtuvib4v6n").position == 3
    assert Component.objects.get(key=REMOVED_COMPONENT).published is True


def test_moved_component_gets_new_parent(ead_dir, tmp_path, import_ead):
    import_ead(ead_dir / SMALL)
    # The third component is nested inside the second one.
    text = (ead_dir / SMALL).read_text(encoding="utf-8")
    second_end = text.index("</c>", text.index(f'<c id="{REMOVED_COMPONENT}">'))
    third_start = text.index('<c id="c-7al6wagmy-1khjtuvib4v6n">')
    third_end = text.index("</c>", third_start) + len("</c>")
    third = text[third_start:third_end]
    moved = text[:second_end] + third + text[second_end:third_start] + text[third_end:]
    path = tmp_path / SMALL
    path.write_text(moved, encoding="utf-8")

    import_ead(path)
    third_component = Component.objects.get(key="c-7al6wagmy-1khjtuvib4v6n")
    assert third_component.parent.key == REMOVED_COMPONENT
    assert (third_component.depth, third_component.position) == (2, 1)


def test_failed_apply_changes_nothing(ead_dir, tmp_path, import_ead, monkeypatch):
    import_ead(ead_dir / SMALL)
    path = derived_copy(
        ead_dir,
        tmp_path,
        ("<titleproper>Bibliothèque publique", "<titleproper>Nouveau titre, Bibliothèque publique"),
        ("<unittitle>Grand livre, exercice 1995</unittitle>", "<unittitle>Grand livre</unittitle>"),
    )
    original_sync = ead.sync_components

    def sync_then_fail(finding_aid, parsed_components, counts):
        original_sync(finding_aid, parsed_components, counts)
        raise RecordRejected("FRAN_IR_054848", "components", "simulated failure after writing")

    monkeypatch.setattr(ead, "sync_components", sync_then_fail)
    report, results = import_ead(path)

    assert results[0].outcome == "rejected"
    assert report.rejected[0].reason == "simulated failure after writing"
    finding_aid = FindingAid.objects.get(eadid="FRAN_IR_054848")
    assert finding_aid.title.startswith("Bibliothèque publique")
    assert Component.objects.get(key="c-6nsa41373-1sxgcc8xo1r8a").title == (
        "Grand livre, exercice 1995"
    )


def test_too_long_value_rejects_finding_aid(tmp_path, import_ead):
    # A component whose producer level name exceeds the 100 characters of other_level.
    path = tmp_path / "long.xml"
    long_level = "x" * 150
    path.write_text(
        "<ead><eadheader><eadid>LONG_1</eadid><filedesc><titlestmt><titleproper>Long"
        "</titleproper></titlestmt></filedesc></eadheader><archdesc><did/><dsc>"
        '<c id="ok"><did><unittitle>Bon</unittitle></did></c>'
        f'<c id="long" level="otherlevel" otherlevel="{long_level}"><did/></c>'
        "</dsc></archdesc></ead>",
        encoding="utf-8",
    )
    report, results = import_ead(path)
    assert results[0].outcome == "rejected"
    assert report.rejected[0].record_id == "LONG_1/long"
    assert report.rejected[0].field_name == "other_level"
    assert FindingAid.objects.count() == 0
    assert Component.objects.count() == 0
