"""LIDO importer on the shipped files, on variants derived from them, and on hostile XML."""

import pytest

from museums.importers.lido import creative_commons_label
from museums.models import CatalogueObject, Museum
from sites.importing import SourceError

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_messages")]

PRIMAVERA = "lido11_example_uffizi_primavera.xml"
WANNSEE = "lido_ddb_ghwk_wannsee_memorial_photo.xml"
ANGEL = "lido_ddb_smb_skulpturensammlung_kniender_engel.xml"
MINIMAL = "lido_minimal_record_ddb_recommendation.xml"
ALL_FILES = (PRIMAVERA, WANNSEE, ANGEL, MINIMAL)


def lido_object(identifier):
    return CatalogueObject.objects.get(source="lido", source_identifier=identifier)


def credits_of(catalogue_object):
    return [(item.creator.name, item.role) for item in catalogue_object.object_creators.all()]


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def test_all_files_counts(run_lido, lido_file):
    report = run_lido(*(lido_file(name) for name in ALL_FILES))

    assert (report.created, report.updated, report.unchanged) == (4, 0, 0)
    assert report.rejected == []


def test_primavera_fields(run_lido, lido_file):
    run_lido(lido_file(PRIMAVERA))
    painting = lido_object("DE-Mb112/lido-obj00154983")

    # French titles win on the French site; the others stay in the source data.
    assert painting.title == "Allégorie du Printemps"
    assert {"language": "it", "value": "La Primavera"} in painting.raw_data["titles"]
    assert credits_of(painting) == [("Botticelli, Sandro", "Maler")]
    assert painting.object_type == "Gemälde"
    assert painting.date_text == "um 1480 oder 1482/1485"
    assert painting.technique == "Tempera auf Pappelholz"
    assert painting.dimensions == "203 x 314 cm"
    assert painting.inventory_number == "8360 (Inv. 1890)"
    assert painting.record_licence == "CC0 1.0"
    assert painting.record_licence_url == "http://creativecommons.org/publicdomain/zero/1.0/"
    assert painting.source_url == "https://www.bildindex.de/document/obj00154983"
    assert painting.museum.name == "Uffizien"
    assert painting.museum.town == "Florenz"
    assert painting.museum.external_identifier == "http://vocab.getty.edu/ulan/500125191"
    assert "Rechte vorbehalten – Freier Zugang" in painting.image_credit


def test_angel_fields(run_lido, lido_file):
    run_lido(lido_file(ANGEL))
    angel = lido_object("DE-MUS-815614/872000")

    assert angel.title == "Kniender Engel"
    assert credits_of(angel) == [("Giambattista di Alberto Bregno", "Bildhauer*in")]
    assert angel.object_type == "Figur"
    assert angel.technique == "Marmor"
    # Line breaks inside the display values are normalised.
    assert angel.dimensions == "Breite: 54 cm ; Höhe: 80 cm ; Tiefe: 30 cm ; Gewicht: 81,8 kg"
    assert angel.inventory_number == "2943"
    assert angel.record_licence == "CC BY-SA 4.0"
    assert angel.image_credit == (
        "Staatliche Museen zu Berlin, Skulpturensammlung und Museum für Byzantinische Kunst / "
        "Jörg P. Anders (CC BY-SA 4.0)"
    )
    assert angel.museum.town == "Berlin"
    assert angel.description.startswith("Die flügellose kniende Engelsfigur")


def test_wannsee_fields(run_lido, lido_file):
    run_lido(lido_file(WANNSEE))
    photo = lido_object("DE-MUS-429218/51")

    assert photo.title == "Wieder im Dienst groß"
    assert photo.object_type == "Fotografie"
    assert photo.date_text == "Um 1950"
    assert photo.technique == "Abzug auf Silbergelatinepapier, matt"
    assert photo.dimensions == "31 x 24,5 cm"
    assert photo.inventory_number == "Seeliger-P-7"
    assert photo.record_licence == "CC BY 4.0"
    assert photo.museum.name == "Gedenk- und Bildungsstätte Haus der Wannseekonferenz"
    assert photo.museum.external_identifier == "info:isil/DE-MUS-429218"
    assert credits_of(photo) == []


def test_minimal_record_fields(run_lido, lido_file):
    run_lido(lido_file(MINIMAL))
    cabinet = lido_object("DE-MUS-059918/dc00018494")

    assert credits_of(cabinet) == [
        ("Fiammingo, Giacomo", "Künstler"),
        ("Curtis, Giovanni Battista de", "Graveur"),
        ("Picicaro, Januarius", "Graveur"),
    ]
    assert cabinet.date_text == "um 1600"
    assert cabinet.dimensions == (
        "Höhe: 106 cm, Breite: 101,1 cm, Tiefe: 60,9 cm, Breite (geöffnet): 190 cm"
    )
    assert cabinet.technique == "Palisander, Ebenholz, Elfenbein (Material), Gravierung"
    assert cabinet.subject == "Geschichte von Hercules (Herakles) ; Profanarchitektur"
    assert cabinet.inventory_number == "1977.20"
    assert cabinet.image_credit == "CC0 1.0"
    assert cabinet.museum.name == "Museum für Kunst und Gewerbe Hamburg"


def test_reimport_all_unchanged(run_lido, lido_file):
    paths = [lido_file(name) for name in ALL_FILES]
    run_lido(*paths)
    museums = Museum.objects.count()

    report = run_lido(*paths)

    assert (report.created, report.updated, report.unchanged) == (0, 0, 4)
    assert CatalogueObject.objects.filter(source="lido").count() == 4
    assert Museum.objects.count() == museums


def test_wrap_of_two_records(run_lido, lido_file, tmp_path):
    # Derived from the Wannsee wrap by repeating its record under another identifier.
    text = lido_file(WANNSEE).read_text(encoding="utf-8")
    start = text.index("<lido:lido>")
    end = text.index("</lido:lido>") + len("</lido:lido>")
    copy = text[start:end].replace("DE-MUS-429218/51", "DE-MUS-429218/52")
    path = write(tmp_path, "two.xml", text[:end] + copy + text[end:])

    report = run_lido(path)

    assert report.created == 2
    assert lido_object("DE-MUS-429218/52").title == "Wieder im Dienst groß"
    assert lido_object("DE-MUS-429218/52").museum == lido_object("DE-MUS-429218/51").museum


def test_record_without_id_rejected(run_lido, lido_file, tmp_path):
    # Derived from the minimal record by deleting its lidoRecID element.
    text = lido_file(MINIMAL).read_text(encoding="utf-8")
    start = text.index("<lido:lidoRecID")
    end = text.index("</lido:lidoRecID>") + len("</lido:lidoRecID>")
    report = run_lido(write(tmp_path, "no-id.xml", text[:start] + text[end:]))

    assert report.created == 0
    assert report.rejected[0].record_id == "record 1"
    assert report.rejected[0].field_name == "lidoRecID"


def test_script_link_rejected(run_lido, lido_file, tmp_path):
    # Derived from the Wannsee record: its web page link becomes a javascript: address.
    text = (
        lido_file(WANNSEE)
        .read_text(encoding="utf-8")
        .replace("https://onlinesammlungen.ghwk.de/seeliger/item/51", "javascript:alert(1)")
    )
    report = run_lido(write(tmp_path, "script.xml", text))

    assert report.created == 0
    assert report.rejected[0].record_id == "DE-MUS-429218/51"
    assert report.rejected[0].field_name == "recordInfoLink"


# Hostile and broken XML: the file is rejected as a whole, naming it, and nothing is stored.

XXE = """<?xml version="1.0"?>
<!DOCTYPE lido:lido [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<lido:lido xmlns:lido="http://www.lido-schema.org">
  <lido:lidoRecID>&secret;</lido:lidoRecID>
</lido:lido>
"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<lido:lido xmlns:lido="http://www.lido-schema.org">
  <lido:lidoRecID>&lol9;</lido:lidoRecID>
</lido:lido>
"""

# The address is never fetched: the parser stops at the DOCTYPE.
EXTERNAL_DTD = """<?xml version="1.0"?>
<!DOCTYPE lido:lido SYSTEM "http://127.0.0.1:9/lido.dtd">
<lido:lido xmlns:lido="http://www.lido-schema.org"><lido:lidoRecID>x</lido:lidoRecID></lido:lido>
"""


@pytest.mark.parametrize(
    ("name", "content"),
    [("xxe.xml", XXE), ("laughs.xml", BILLION_LAUGHS), ("external-dtd.xml", EXTERNAL_DTD)],
)
def test_doctype_rejected(run_lido, tmp_path, name, content):
    path = write(tmp_path, name, content)

    with pytest.raises(SourceError) as error:
        run_lido(path)

    message = str(error.value)
    assert name in message
    assert "document type declaration" in message
    assert CatalogueObject.objects.count() == 0


def test_xxe_secret_not_read(run_lido, tmp_path):
    with pytest.raises(SourceError) as error:
        run_lido(write(tmp_path, "xxe.xml", XXE))

    assert "root:" not in str(error.value)


def test_truncated_xml_rejected(run_lido, lido_file, tmp_path):
    # Derived from the angel record by keeping its first half.
    content = lido_file(ANGEL).read_bytes()
    path = write(tmp_path, "half.xml", content[: len(content) // 2])

    with pytest.raises(SourceError) as error:
        run_lido(path)

    assert "half.xml" in str(error.value)
    assert "not well-formed" in str(error.value)
    assert CatalogueObject.objects.count() == 0


def test_truncated_second_file_nothing_stored(run_lido, lido_file, tmp_path):
    content = lido_file(ANGEL).read_bytes()
    broken = write(tmp_path, "half.xml", content[: len(content) // 2])

    with pytest.raises(SourceError):
        run_lido(lido_file(WANNSEE), broken)
    assert CatalogueObject.objects.count() == 0


def test_other_xml_rejected(run_lido, tmp_path):
    path = write(
        tmp_path, "rdf.xml", '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>'
    )

    with pytest.raises(SourceError, match="not a LIDO file"):
        run_lido(path)


def test_empty_wrap_rejected(run_lido, tmp_path):
    path = write(tmp_path, "empty.xml", '<lido:lidoWrap xmlns:lido="http://www.lido-schema.org"/>')

    with pytest.raises(SourceError, match="no lido:lido record"):
        run_lido(path)


def test_oversize_xml_rejected(run_lido, lido_file, settings):
    settings.IMPORT_MAX_FILE_BYTES = 50_000

    with pytest.raises(SourceError, match="above the import limit"):
        run_lido(lido_file(PRIMAVERA))


@pytest.mark.parametrize(
    ("url", "label"),
    [
        ("https://creativecommons.org/licenses/by-sa/4.0/", "CC BY-SA 4.0"),
        ("https://creativecommons.org/licenses/by/4.0/deed.de", "CC BY 4.0"),
        ("http://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0"),
        ("https://creativecommons.org/publicdomain/mark/1.0/", "Public Domain Mark 1.0"),
        ("https://www.deutsche-digitale-bibliothek.de/content/lizenzen/rv-fz/", ""),
    ],
)
def test_creative_commons_label(url, label):
    assert creative_commons_label(url) == label
