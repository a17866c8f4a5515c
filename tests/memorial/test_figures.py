"""Figures read from the words of the convoy table: count basis, notes and source links."""

from memorial.importers.convoys import figure_statements, match_source_url
from memorial.importers.figures import parse_count_basis, parse_notes
from memorial.models import ConvoyFigure

Kind = ConvoyFigure.Kind
Precision = ConvoyFigure.Precision
Scope = ConvoyFigure.Scope
Origin = ConvoyFigure.Origin


def test_count_basis_alternatives_extracted():
    basis, statements = parse_count_basis(
        "témoignages de rescapés (1170 immatriculés; 1155 recensés par la FMD)", 1175
    )
    assert basis == "témoignages de rescapés"
    assert [(s.kind, s.value, s.basis) for s in statements] == [
        (Kind.DEPORTED, 1170, "immatriculés"),
        (Kind.DEPORTED, 1155, "recensés par la FMD"),
    ]
    assert all(s.origin == Origin.COUNT_BASIS for s in statements)


def test_count_basis_qualifier_kept():
    assert parse_count_basis("recensé FMD (hommes)", 1466) == ("recensé FMD (hommes)", [])
    assert parse_count_basis("liste de départ (1000 hommes)", 1000) == (
        "liste de départ (1000 hommes)",
        [],
    )


def test_count_basis_without_brackets():
    assert parse_count_basis("recensé FMD", 999) == ("recensé FMD", [])


def test_count_basis_approximate_attributed():
    basis, statements = parse_count_basis("recensé FMD (environ 1000 selon témoignages)", 884)
    assert basis == "recensé FMD"
    assert len(statements) == 1
    assert statements[0].value == 1000
    assert statements[0].precision == Precision.APPROXIMATE
    assert statements[0].attribution == "témoignages"
    assert statements[0].basis == ""


def test_count_basis_additional_group():
    basis, statements = parse_count_basis(
        "recensé FMD (plus 326 « personnalités-otages » recensées à part; "
        "1525 immatriculés à l'arrivée)",
        1202,
    )
    assert basis == "recensé FMD"
    assert statements[0].value == 326
    assert statements[0].scope == Scope.ADDITIONAL
    assert statements[0].basis == "« personnalités-otages » recensées à part"
    assert statements[1].value == 1525
    assert statements[1].scope == Scope.WHOLE


def test_notes_survivor_list():
    statements = parse_notes(
        "Otages juifs; seul convoi formé de voitures de voyageurs de 3e classe. "
        "Survivants: 19 selon resistance60, 23 selon Klarsfeld cité par lestemoins.fr."
    )
    assert [(s.kind, s.value, s.attribution) for s in statements] == [
        (Kind.RETURNED, 19, "resistance60"),
        (Kind.RETURNED, 23, "Klarsfeld cité par lestemoins.fr"),
    ]


def test_notes_clause_inherits_kind():
    statements = parse_notes(
        "Au moins 530 morts pendant le trajet selon la FMD; 536 selon Christian Bernadac; "
        "519 morts identifiés selon l'article Wikipédia « Train de la mort »."
    )
    assert [(s.kind, s.value, s.precision, s.basis) for s in statements] == [
        (Kind.DIED, 530, Precision.AT_LEAST, "morts pendant le trajet"),
        (Kind.DIED, 536, Precision.EXACT, "morts pendant le trajet"),
        (Kind.DIED, 519, Precision.EXACT, "morts identifiés"),
    ]
    assert statements[2].attribution == "l'article Wikipédia « Train de la mort »"


def test_notes_reported_forms():
    statements = parse_notes(
        "Transport double: wagons d'hommes séparés à Halle vers Sachsenhausen. "
        "Wikipédia indique 1446 hommes."
    )
    assert [(s.kind, s.value, s.attribution, s.basis) for s in statements] == [
        (Kind.DEPORTED, 1446, "Wikipédia", "hommes")
    ]
    statements = parse_notes(
        "ancac.net date ce dernier départ du 26 août et le relie à l'accord Nordling; "
        "27avril44.org parle d'un dernier convoi de 300 détenus parti le 26 août."
    )
    assert [(s.kind, s.value, s.attribution) for s in statements] == [
        (Kind.DEPORTED, 300, "27avril44.org")
    ]


def test_notes_skip_unattributed_numbers():
    notes = (
        "Premier convoi dit de répression parti de Compiègne; environ 1000 otages communistes, "
        "une cinquantaine d'otages juifs; taux de mortalité environ 89 %."
    )
    assert parse_notes(notes) == []
    assert parse_notes("Les 326 personnalités-otages: 313 rentrés.") == []


def test_notes_skip_dates():
    assert parse_notes("Dernier transport; arrivée le 22 août selon maitron.") == []
    assert parse_notes("22 août selon maitron.") == []


def test_notes_same_source_subset():
    statements = parse_notes("Dont 1132 Français selon la source.")
    assert len(statements) == 1
    assert statements[0].scope == Scope.INCLUDED
    assert statements[0].kind == Kind.DEPORTED
    assert statements[0].attribution == ""
    assert statements[0].same_source


def test_notes_repeating_column_names_its_source():
    values = {
        "count_basis": "immatriculés à l'arrivée",
        "notes": "Survivants: 19 selon resistance60, 23 selon Klarsfeld cité par lestemoins.fr.",
    }
    statements = figure_statements(values, deported=1112, returned=19)
    assert [(s.kind, s.value, s.origin, s.attribution) for s in statements] == [
        (Kind.DEPORTED, 1112, Origin.COLUMN, ""),
        (Kind.RETURNED, 19, Origin.COLUMN, "resistance60"),
        (Kind.RETURNED, 23, Origin.NOTES, "Klarsfeld cité par lestemoins.fr"),
    ]


def test_source_url_matching():
    urls = [
        "http://lestemoins.fr/convois/autres-convois",
        "https://www.resistance60.fr/newpagebefea930",
        "https://fusilles-40-44.maitron.fr/spip.php?article203865",
    ]
    assert match_source_url("resistance60", urls) == urls[1]
    assert match_source_url("Klarsfeld cité par lestemoins.fr", urls) == urls[0]
    assert match_source_url("Wikipédia et maitron", urls) == urls[2]
    assert match_source_url("Christian Bernadac", urls) == ""
    assert match_source_url("la FMD", urls) == ""
