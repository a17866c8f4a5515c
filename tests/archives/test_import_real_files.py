"""Import of the six Archives nationales finding aids shipped in data/archives/ead."""

import pytest
from django.db.models import Max

from archives.access import AccessStatus
from archives.importers.ead import parse_file
from archives.models import Component, FindingAid

pytestmark = pytest.mark.django_db

# eadid: (components, top-level components, maximum depth, components with images)
EXPECTED_SHAPES = {
    "FRAN_IR_003500": (201, 4, 5, 0),
    "FRAN_IR_028491": (1339, 14, 6, 0),
    "FRAN_IR_041661": (92, 2, 3, 0),
    "FRAN_IR_051211": (36, 3, 2, 33),
    "FRAN_IR_054335": (179, 11, 4, 0),
    "FRAN_IR_054848": (3, 3, 1, 0),
}


def test_six_files_shapes(imported):
    counts = {
        finding_aid.eadid: (finding_aid.component_count, finding_aid.top_level_count)
        for finding_aid in FindingAid.objects.with_component_counts()
    }
    for eadid, (total, top_level, max_depth, digitised) in EXPECTED_SHAPES.items():
        components = Component.objects.filter(finding_aid__eadid=eadid)
        assert counts[eadid] == (total, top_level), eadid
        assert components.aggregate(depth=Max("depth"))["depth"] == max_depth, eadid
        assert components.exclude(digital_objects=[]).count() == digitised, eadid


def test_finding_aid_header_values(imported):
    finding_aid = FindingAid.objects.get(eadid="FRAN_IR_003500")
    assert finding_aid.title == "Fonds Vitet (XIXe-XXe siècles)"
    assert finding_aid.subtitle == "Inventaire analytique (572AP/1-572AP/122)"
    assert finding_aid.publisher == "Archives Nationales"
    assert finding_aid.unit_id == "572AP/1-572AP/122"
    assert finding_aid.level == "fonds"
    assert finding_aid.dates_text == "XIXe-XXe siècles"
    assert (finding_aid.start_year, finding_aid.end_year) == (1801, 2000)
    assert finding_aid.licence == "CC BY 4.0"
    assert finding_aid.attribution == "Archives nationales de France, CC BY 4.0"
    assert finding_aid.source_file == "FRAN_IR_003500.xml"
    assert len(finding_aid.content_hash) == 64
    assert finding_aid.published is True
    assert finding_aid.source_url.endswith("/siv/IR/FRAN_IR_003500")


def test_finding_aid_languages_and_notes(imported):
    finding_aid = FindingAid.objects.get(eadid="FRAN_IR_054848")
    assert finding_aid.languages == [{"code": "fre", "label": "Français"}]
    assert finding_aid.extent == "1 carton hors-format (carton de déménagement)"
    assert finding_aid.origination == "Bibliothèque publique d'information"
    assert [note["element"] for note in finding_aid.notes] == [
        "acqinfo",
        "bioghist",
        "custodhist",
        "appraisal",
        "arrangement",
        "accruals",
        "separatedmaterial",
        "bibliography",
    ]
    assert finding_aid.access_status == AccessStatus.OPEN
    assert finding_aid.use_conditions == "<p>Soumis au règlement de la salle de lecture</p>"


def test_component_of_compiegne_palace(imported):
    component = Component.objects.get(finding_aid__eadid="FRAN_IR_028491", unit_id="20080324/3")
    assert component.key == "c-89s4rsr7o--6d0bkgp7bn5z"
    assert component.title == "Antichambre de l'Empereur. - Restauration"
    assert component.dates_text == "1992-1995"
    assert (component.start_year, component.end_year) == (1992, 1995)
    assert component.depth == 2
    assert component.position == 1
    assert component.tree_path == "00003.00001"
    assert component.parent.unit_id == "20080324/3-20080324/4"
    assert component.parent.title == "Oise (60)"
    assert component.parent.scope_content == "<p>Compiègne - Palais national de Compiègne.</p>"
    assert component.parent.parent is None


def test_component_several_titles(imported):
    component = Component.objects.get(finding_aid__eadid="FRAN_IR_003500", key="d_1_2_2")
    assert component.unit_id == "Dossier 2"
    assert component.title == "Lettres à sa femme."
    assert component.other_titles[0] == "1. 24 février-18 juillet 1832."
    assert len(component.other_titles) == 5
    assert component.dates_text == "1832-1854"
    assert component.level == ""


def test_component_levels_and_positions(imported):
    levels = set(
        Component.objects.filter(finding_aid__eadid="FRAN_IR_041661").values_list("level", flat=True)
    )
    assert levels == {"series", "recordgrp", "item"}
    top_level = Component.objects.filter(finding_aid__eadid="FRAN_IR_054848").ordered()
    assert [component.position for component in top_level] == [1, 2, 3]
    assert [component.unit_id for component in top_level] == [
        "20160114/1",
        "20160114/2",
        "20160114/3",
    ]


def test_digitised_register_image_links(imported):
    component = Component.objects.get(
        finding_aid__eadid="FRAN_IR_051211", key="c1nnlr73ngho--15vrqavrjuxma"
    )
    assert component.unit_id == "237 r°-252 v°"
    assert component.extent == "16 feuillets"
    assert component.digital_objects == [
        {
            "href": "DAFANCH96_021MIC06733_L.jpg#DAFANCH96_021MIC06749_L.jpg",
            "first": "DAFANCH96_021MIC06733_L.jpg",
            "last": "DAFANCH96_021MIC06749_L.jpg",
            "title": "",
        }
    ]
    links = component.digital_object_links()
    assert links[0].count == 17
    assert links[0].url == ""


def test_access_delay_per_component(imported):
    component = Component.objects.get(finding_aid__eadid="FRAN_IR_054335", unit_id="20150578/44")
    assert component.access_status == AccessStatus.DELAYED
    assert component.communicable_from_year == 2041
    assert component.access_conditions == (
        "<p>Communicable au terme d’un délai de 50 ans à compter de 1991</p>"
    )
    assert not component.is_communicable(year=2026)
    assert component.is_communicable(year=2041)
    assert Component.objects.filter(
        finding_aid__eadid="FRAN_IR_054335", access_status=AccessStatus.DELAYED
    ).count() == 73


def test_communicable_queryset(imported):
    in_fonds = Component.objects.filter(finding_aid__eadid="FRAN_IR_054335")
    assert in_fonds.communicable(year=2026).count() == 179 - 73
    assert in_fonds.communicable(year=2100).count() == 179
    assert in_fonds.filter(unit_id="20150578/44").communicable(year=2040).count() == 0


def test_child_counts_in_one_query(imported, django_assert_num_queries):
    with django_assert_num_queries(1):
        rows = list(
            Component.objects.filter(finding_aid__eadid="FRAN_IR_028491")
            .top_level()
            .with_child_counts()
            .ordered()
        )
    assert len(rows) == 14
    paris = next(row for row in rows if row.unit_id == "20080324/5-20080324/701")
    assert paris.child_count == 56


def test_published_queryset_follows_finding_aid(imported):
    FindingAid.objects.filter(eadid="FRAN_IR_054848").update(published=False)
    assert FindingAid.objects.published().count() == 5
    assert not Component.objects.published().filter(finding_aid__eadid="FRAN_IR_054848").exists()
    assert Component.objects.published().count() == 1850 - 3


def test_parse_reads_without_database(ead_dir):
    parsed = parse_file(ead_dir / "FRAN_IR_054848.xml")
    assert parsed.eadid == "FRAN_IR_054848"
    assert [component.key for component in parsed.components] == [
        "c-6nsa41373-1sxgcc8xo1r8a",
        "c-87z5iayid-1okgy3m00yrgf",
        "c-7al6wagmy-1khjtuvib4v6n",
    ]
