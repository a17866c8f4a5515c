"""Communicability rules read from access notes, and the HTML built from EAD mixed content."""

import pytest
from lxml import etree

from archives.access import AccessRule, AccessStatus, classify_note, classify_notes
from archives.digital import build_links, count_images
from archives.importers.ead import parse_years
from archives.importers.ead_text import note_html


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L’ensemble du fonds est librement communicable", AccessRule(AccessStatus.OPEN)),
        ("Communicable", AccessRule(AccessStatus.OPEN)),
        ("Communicabilité Communicable", AccessRule(AccessStatus.OPEN)),
        (
            "Communicable au terme d’un délai de 50 ans à compter de janvier 1989",
            AccessRule(AccessStatus.DELAYED, 2039),
        ),
        ("Communicable à partir de 2031", AccessRule(AccessStatus.DELAYED, 2031)),
        ("Non communicable", AccessRule(AccessStatus.CLOSED)),
        ("Le document a été constaté manquant lors du récolement.", AccessRule(AccessStatus.CLOSED)),
        (
            "Librement communicable à l’exception des articles 20150578/44 et 45",
            AccessRule(AccessStatus.UNSTATED),
        ),
        (
            "Communicables selon les articles L.213-1 à 213-8 du Code du patrimoine",
            AccessRule(AccessStatus.UNSTATED),
        ),
        ("", AccessRule(AccessStatus.UNSTATED)),
    ],
)
def test_classify_note(text, expected):
    assert classify_note(text) == expected


def test_classify_notes_strictest_wins():
    assert classify_notes(["Archives publiques", "Communicable"]) == AccessRule(AccessStatus.OPEN)
    assert classify_notes(
        ["Communicable", "Communicable à partir de 2030", "Communicable en 2040"]
    ) == AccessRule(AccessStatus.DELAYED, 2040)
    assert classify_notes(["Communicable en 2040", "Non communicable"]) == AccessRule(
        AccessStatus.CLOSED
    )


@pytest.mark.parametrize(
    ("normal", "years"),
    [
        ("1882-05-27 / 1891-03-03", (1882, 1891)),
        ("1882-05-27/1891-03-03", (1882, 1891)),
        ("1791/2000", (1791, 2000)),
        ("1955", (1955, 1955)),
        ("", (None, None)),
        ("sans date", (None, None)),
    ],
)
def test_parse_years(normal, years):
    assert parse_years(normal) == years


def test_note_html_subset():
    note = etree.fromstring(
        "<scopecontent><head>Présentation</head>"
        '<p>Texte <emph render="bold">gras</emph> et <emph render="italic">italique</emph>,'
        '<lb/>suite <extref href="https://example.org/a?b=1&amp;c=2">lien</extref>.</p>'
        "<list><item>un</item><item>deux</item></list>"
        "texte libre</scopecontent>"
    )
    assert note_html([note]) == (
        "<p>Texte <strong>gras</strong> et <em>italique</em>,<br>suite "
        '<a href="https://example.org/a?b=1&amp;c=2">lien</a>.</p>'
        "<ul><li>un</li><li>deux</li></ul>texte libre"
    )


def test_note_html_empty():
    assert note_html([etree.fromstring("<scopecontent><p/> </scopecontent>")]) == ""


def test_image_ranges():
    assert count_images("A_0001.jpg", "A_0159.jpg") == 159
    assert count_images("A_0001.jpg", "B_0159.jpg") is None
    assert count_images("https://viewer.example.org/x", "") is None
    links = build_links(
        [
            {"href": "a.jpg", "first": "a_01.jpg", "last": "a_03.jpg", "title": ""},
            {"href": "file:///etc/passwd", "first": "", "last": "", "title": ""},
        ],
        base_url="https://images.example.org/base",
    )
    assert len(links) == 1
    assert links[0].url == "https://images.example.org/base/a_01.jpg"
    assert links[0].last_url == "https://images.example.org/base/a_03.jpg"
    assert links[0].count == 3
