"""Joconde importers on the shipped files, on variants derived from them, and on hostile input."""

import pytest

from museums.importers import writer
from museums.importers.joconde import detect_format, read_joconde_file
from museums.models import CatalogueObject, Creator, Museum
from sites.importing import RecordRejected, SourceError

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_messages")]

UTF8 = "pop_import_joconde_utf8.txt"
ISO = "pop_import_joconde_iso-8859-1.txt"
WARNINGS = "pop_import_joconde_utf8_with_warnings.txt"
POP_JSON = "pop_notice_joconde_000PE001028.json"
ACTIMUSE = "actimuse_dmf_export_sample.csv"
MASHUP = "joconde_wikidata_mashup_compiegne_M5009.csv"


def joconde_object(reference):
    return CatalogueObject.objects.get(source="joconde", source_identifier=reference)


def credits_of(catalogue_object):
    return [(item.creator.name, item.role) for item in catalogue_object.object_creators.all()]


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    return path


# Field-code text.


def test_text_utf8_counts(run_joconde, joconde_file):
    report = run_joconde(joconde_file(UTF8))

    assert (report.created, report.updated, report.unchanged) == (3, 0, 0)
    assert report.rejected == []
    assert CatalogueObject.objects.filter(source="joconde").count() == 3


def test_text_fragment_fields(run_joconde, joconde_file):
    run_joconde(joconde_file(UTF8))
    fragment = joconde_object("01610014032")

    assert fragment.title == "fragment"
    assert fragment.object_type == "fragment"
    assert credits_of(fragment) == [("anonymesss", "céramiste, artisan")]
    assert fragment.technique == "céramique, sigillée"
    assert fragment.dimensions == "Hauteur en cm 1.64 ; Longueur en cm 6.6 ; Epaisseur en cm"
    assert fragment.inventory_number == "A1973.2.1"
    assert fragment.date_text == "gallo-romain"
    assert fragment.museum.museofile_code == "M0017"
    assert fragment.museum.name == "Musée Rolin"
    assert fragment.copyright_notice == (
        "© Autun, musée Rolin, © Service des musées de France, 2018"
    )
    assert fragment.image_credit == "Cliché Anonyme"
    assert fragment.record_licence == "Licence Ouverte / Etalab"
    assert fragment.source_url == "https://pop.culture.gouv.fr/notice/joconde/01610014032"
    assert fragment.published is True
    assert fragment.missing is False


def test_text_soft_wraps_joined(run_joconde, joconde_file):
    run_joconde(joconde_file(UTF8))
    fragment = joconde_object("01610014032")
    hand = joconde_object("01610014147")

    assert fragment.raw_data["PDEC"] == (
        "Rue de la Croix-Verte, dans les terrassements des H.L.M. de la Croix-Verte ; "
        "Anonyme Anonyme (inventeur) ; 1980 (invention du site)"
    )
    # The wrap mark " -" goes; the real hyphens (" - " and "159-162") stay.
    assert fragment.raw_data["BIBL"] == (
        "Inventaire B. Archéo, fiches inventaire, Bulliot#Autun Augustodunum - Capitale des "
        "Eduens, musée Rolin - Hôtel de Ville - Autun, 16 mars- 27 octobre 1985 (p. 159-162)"
    )
    assert hand.description == (
        "Fragment de figurine en céramique commune blanche, dont subsiste une main, émergeant "
        "d'une manche développée, plaquée sur un oeil et pommette saillant; dents visibles dans "
        "bouche entrouverte ?"
    )


def test_text_denomination_and_title(run_joconde, joconde_file):
    run_joconde(joconde_file(UTF8))
    rings = joconde_object("01610014134")
    hand = joconde_object("01610014147")

    assert rings.object_type == "anneau"  # "anneau (2)": the count is dropped.
    assert rings.raw_data["DENO"] == "anneau (2)"
    assert rings.title == "anneau"
    assert hand.title == "Main"
    assert hand.object_type == "figurine (fragment)"
    assert credits_of(hand) == [("anonyme", "artisan")]


def test_iso_and_utf8_read_alike(joconde_file):
    _format, utf8_records = read_joconde_file(joconde_file(UTF8))
    _format, iso_records = read_joconde_file(joconde_file(ISO))

    assert [record.fields for record in iso_records] == [record.fields for record in utf8_records]


def test_iso_after_utf8_unchanged(run_joconde, joconde_file):
    run_joconde(joconde_file(UTF8))
    before = {item.source_identifier: item.content_hash for item in CatalogueObject.objects.all()}

    report = run_joconde(joconde_file(ISO))

    assert (report.created, report.updated, report.unchanged) == (0, 0, 3)
    after = {item.source_identifier: item.content_hash for item in CatalogueObject.objects.all()}
    assert after == before
    assert joconde_object("01610014032").technique == "céramique, sigillée"


def test_warnings_record_rejected(run_joconde, joconde_file):
    report = run_joconde(joconde_file(WARNINGS))

    assert report.created == 0
    assert len(report.rejected) == 1
    rejection = report.rejected[0]
    assert rejection.record_id == "123456789"
    assert rejection.field_name == "REF, WWW, LVID"
    assert "at least 11" in rejection.reason
    assert "LVID: 'htp://ds.de' is not a valid web address" in rejection.reason
    assert CatalogueObject.objects.count() == 0


def test_record_without_ref_rejected(run_joconde, joconde_file, tmp_path):
    # Derived from the UTF-8 file by deleting the REF field of its second record.
    content = joconde_file(UTF8).read_bytes().replace(b"REF\r\n01610014134\r\n", b"", 1)
    report = run_joconde(write(tmp_path, "no-ref.txt", content))

    assert report.created == 2
    assert len(report.rejected) == 1
    assert report.rejected[0].record_id == "record starting at line 60"
    assert report.rejected[0].field_name == "REF"


def test_record_without_inventory_rejected(run_joconde, joconde_file, tmp_path):
    # Derived from the UTF-8 file by deleting the INV field of its first record.
    content = joconde_file(UTF8).read_bytes().replace(b"INV\r\nA1973.2.1\r\n", b"", 1)
    report = run_joconde(write(tmp_path, "no-inv.txt", content))

    assert report.created == 2
    assert report.rejected[0].record_id == "01610014032"
    assert report.rejected[0].field_name == "INV"


def test_missing_object_flagged(run_joconde, tmp_path):
    # A short record written for this test, with the MANQUANT fields of the POP dictionary.
    content = (
        "REF\r\nM0803000001\r\nMUSEO\r\nM0803\r\nINV\r\n1234\r\nDENO\r\nvase\r\n"
        "LOCA\r\nCompiègne ; musée Antoine Vivenel\r\n"
        "MANQUANT\r\nmanquant\r\nMANQUANT_COM\r\nconstaté lors du récolement de 2015\r\n//\r\n"
    ).encode()
    report = run_joconde(write(tmp_path, "missing.txt", content))

    assert report.created == 1
    vase = joconde_object("M0803000001")
    assert vase.missing is True
    assert vase.missing_note == "manquant — constaté lors du récolement de 2015"
    # The seeded municipal museum, found by name, receives the code of the record.
    assert vase.museum.slug == "musee-antoine-vivenel"
    assert Museum.objects.get(slug="musee-antoine-vivenel").museofile_code == "M0803"


def test_new_museum_created(run_joconde, tmp_path):
    content = (
        "REF\r\nM9999000001\r\nMUSEO\r\nM9999\r\nINV\r\n1\r\nTITR\r\nESSAI\r\n"
        "LOCA\r\nSenlis ; musée d'Art et d'Archéologie\r\n//\r\n"
    ).encode()
    run_joconde(write(tmp_path, "new-museum.txt", content))

    museum = Museum.objects.get(museofile_code="M9999")
    assert museum.name == "musée d'Art et d'Archéologie"
    assert museum.town == "Senlis"
    assert joconde_object("M9999000001").title == "Essai"


def test_overlong_title_rejected(run_joconde, tmp_path):
    content = (
        "REF\r\nM9999000002\r\nMUSEO\r\nM9999\r\nINV\r\n2\r\nTITR\r\n"
        + "Très long " * 60
        + "\r\n//\r\n"
    ).encode()
    report = run_joconde(write(tmp_path, "long.txt", content))

    assert report.rejected[0].record_id == "M9999000002"
    assert report.rejected[0].field_name == "TITR, APPL, DENO"
    assert "above the limit of 500" in report.rejected[0].reason


# Broken and hostile text files: nothing at all is stored.


def test_truncated_text_rejected(run_joconde, joconde_file, tmp_path):
    # Derived from the UTF-8 file by cutting it in the middle of its second record.
    content = joconde_file(UTF8).read_bytes()
    cut = content.index(b"A1982.9.4")
    path = write(tmp_path, "truncated.txt", content[:cut])

    with pytest.raises(SourceError) as error:
        run_joconde(path)

    assert "truncated" in str(error.value)
    assert "truncated.txt" in str(error.value)
    assert CatalogueObject.objects.count() == 0


def test_bytes_invalid_in_both_encodings(run_joconde, joconde_file, tmp_path):
    # Derived from the ISO-8859-1 file: 0x81 and 0x9d are invalid UTF-8 and C1 control codes in
    # ISO-8859-1, so no reading of the file is text.
    content = joconde_file(ISO).read_bytes().replace(b"gallo-romain", b"gallo\x81\x9dromain", 1)
    path = write(tmp_path, "bad-bytes.txt", content)

    with pytest.raises(SourceError) as error:
        run_joconde(path)

    message = str(error.value)
    assert "bad-bytes.txt" in message
    assert "neither UTF-8" in message
    assert "0x81" in message
    assert CatalogueObject.objects.count() == 0


def test_control_character_rejected(run_joconde, tmp_path):
    path = write(tmp_path, "nul.txt", b"REF\r\nM9999000003\r\nTITR\r\nA\x00B\r\n//\r\n")

    with pytest.raises(SourceError, match="U\\+0000"):
        run_joconde(path, format_name="text")


def test_oversize_file_rejected(run_joconde, joconde_file, settings):
    settings.IMPORT_MAX_FILE_BYTES = 1000

    with pytest.raises(SourceError, match="above the import limit of 1000 bytes"):
        run_joconde(joconde_file(UTF8))
    assert CatalogueObject.objects.count() == 0


def test_text_not_starting_with_code(run_joconde, tmp_path):
    path = write(tmp_path, "prose.txt", b"Bonjour,\r\nvoici les notices.\r\n")

    with pytest.raises(SourceError, match="expected a field code"):
        run_joconde(path, format_name="text")


def test_empty_file_rejected(run_joconde, tmp_path):
    with pytest.raises(SourceError, match="empty"):
        run_joconde(write(tmp_path, "empty.txt", b""))


def test_second_file_broken_nothing_stored(run_joconde, joconde_file, tmp_path):
    broken = write(tmp_path, "broken.txt", b"REF\r\nM9999000004\r\n")

    with pytest.raises(SourceError):
        run_joconde(joconde_file(UTF8), broken)
    assert CatalogueObject.objects.count() == 0


# Idempotence, updates and per-record transactions.


def test_reimport_all_unchanged(run_joconde, joconde_file):
    files = [joconde_file(name) for name in (UTF8, POP_JSON, MASHUP)]
    first = run_joconde(*files)
    counts = (CatalogueObject.objects.count(), Creator.objects.count(), Museum.objects.count())
    stamps = dict(CatalogueObject.objects.values_list("pk", "updated_at"))

    second = run_joconde(*files)

    assert first.created == 26
    assert (second.created, second.updated, second.unchanged) == (0, 0, 26)
    assert (
        CatalogueObject.objects.count(),
        Creator.objects.count(),
        Museum.objects.count(),
    ) == counts
    assert dict(CatalogueObject.objects.values_list("pk", "updated_at")) == stamps


def test_changed_record_updated(run_joconde, joconde_file, tmp_path):
    run_joconde(joconde_file(UTF8))
    slug = joconde_object("01610014032").slug
    # Derived from the UTF-8 file by changing one inventory number.
    content = joconde_file(UTF8).read_bytes().replace(b"A1973.2.1", b"A1973.2.1 bis")

    report = run_joconde(write(tmp_path, "changed.txt", content))

    assert (report.created, report.updated, report.unchanged) == (0, 1, 2)
    fragment = joconde_object("01610014032")
    assert fragment.inventory_number == "A1973.2.1 bis"
    assert fragment.slug == slug


def test_unpublished_stays_unpublished(run_joconde, joconde_file, tmp_path):
    run_joconde(joconde_file(UTF8))
    CatalogueObject.objects.filter(source_identifier="01610014032").update(published=False)
    content = joconde_file(UTF8).read_bytes().replace(b"A1973.2.1", b"A1973.2.2")

    run_joconde(write(tmp_path, "changed.txt", content))

    assert joconde_object("01610014032").published is False


def test_failed_record_leaves_nothing(run_joconde, tmp_path, monkeypatch):
    # The record fails after its object and its new museum were written: both must go.
    original = writer.set_creators

    def failing_set_creators(catalogue_object, credits):
        if catalogue_object.source_identifier == "M9998000001":
            raise RecordRejected(catalogue_object.source_identifier, "AUTR", "test failure")
        original(catalogue_object, credits)

    monkeypatch.setattr(writer, "set_creators", failing_set_creators)
    content = (
        "REF\r\nM9998000001\r\nMUSEO\r\nM9998\r\nINV\r\n1\r\nDENO\r\nvase\r\n"
        "AUTR\r\nDUPONT Jean\r\n"
        "LOCA\r\nNoyon ; musée du Noyonnais\r\n//\r\n"
        "REF\r\nM9999000005\r\nMUSEO\r\nM9999\r\nINV\r\n5\r\nDENO\r\nvase\r\n"
        "AUTR\r\nMARTIN Paul\r\n"
        "LOCA\r\nSenlis ; musée de Senlis\r\n//\r\n"
    ).encode()

    report = run_joconde(write(tmp_path, "two.txt", content))

    assert report.created == 1
    assert report.rejected[0].record_id == "M9998000001"
    assert not CatalogueObject.objects.filter(source_identifier="M9998000001").exists()
    assert not Museum.objects.filter(museofile_code="M9998").exists()
    assert not Creator.objects.filter(name="DUPONT Jean").exists()
    assert Creator.objects.filter(name="MARTIN Paul").exists()


# POP JSON.


def test_pop_json_notice(run_joconde, joconde_file):
    report = run_joconde(joconde_file(POP_JSON))
    painting = joconde_object("000PE001028")

    assert report.created == 1
    assert painting.title == "N'entrez pas"
    assert credits_of(painting) == [("DIAZ DE LA PENA Narcisse", "")]
    assert painting.inventory_number == "RF 542"
    assert painting.object_type == "tableau"
    assert painting.date_text == "2e quart 19e siècle ; 1839"
    assert painting.technique == "peinture à l'huile, toile"
    assert painting.dimensions == "H. 61, l. 50"
    assert painting.subject == "scène (femme, conversation, putti, arcade)"
    assert painting.museum.museofile_code == "M5031"
    assert painting.museum.name == "Musée du Louvre"
    assert painting.copyright_notice == "© Musée du Louvre, © Direction des Musées de France, 1999"
    assert painting.image_credit == (
        "© Gérard Blot — Réunion des musées nationaux - utilisation soumise à autorisation"
    )
    assert painting.source_url == "https://pop.culture.gouv.fr/notice/joconde/000PE001028"
    assert "_id" not in painting.raw_data
    assert painting.raw_data["MSGCOM"].startswith("<A HREF='mailto:photo@rmn.fr")


def test_pop_json_invalid(run_joconde, tmp_path):
    path = write(tmp_path, "notice.json", b'{"REF": "000PE001028",')

    with pytest.raises(SourceError, match="invalid JSON at line 1"):
        run_joconde(path)


def test_pop_json_deep_nesting(run_joconde, tmp_path):
    path = write(tmp_path, "deep.json", b"[" * 100_000 + b"]" * 100_000)

    with pytest.raises(SourceError, match="nested too deeply"):
        run_joconde(path)


# Actimuse export.


def test_actimuse_with_museum(run_joconde, joconde_file):
    report = run_joconde(joconde_file(ACTIMUSE), museum_code="M0354")
    menu = joconde_object("M0354011600")

    assert report.created == 2
    assert menu.title == "Menu"
    assert menu.object_type == "menu"
    assert menu.date_text == "1er quart 20e siècle ; 1903"
    assert menu.dimensions == "l. 8 cm ; H. 16,5 cm"
    assert menu.inventory_number == "000919-1"
    assert menu.museum.museofile_code == "M0354"
    assert menu.museum.name == "Musée Départemental Albert Demard"
    assert menu.museum.town == "Champlitte"
    assert menu.raw_data["images"] == [
        {"Cote": "M0354_000919-001_1", "Support": "DV5_M0354_2013_1", "Auteur": "[PHOTOGRAPHE]"}
    ]
    assert credits_of(joconde_object("M0354017656")) == [("anonyme", "")]


def test_actimuse_without_museum(run_joconde, joconde_file):
    report = run_joconde(joconde_file(ACTIMUSE))

    assert report.created == 0
    assert [item.field_name for item in report.rejected] == ["MUSEO", "MUSEO"]


def test_actimuse_rows_merged(run_joconde, joconde_file, tmp_path):
    # Derived from the export by repeating its first row with another image, as Actimuse does
    # for an object photographed twice.
    lines = joconde_file(ACTIMUSE).read_text(encoding="utf-8").split("\n")
    end = lines.index('//"') + 1
    repeated = [lines[1].replace("M0354_000919-001_1", "M0354_000919-001_2"), *lines[2:end]]
    path = tmp_path / "two-images.csv"
    path.write_text("\n".join(lines + repeated) + "\n", encoding="utf-8")

    report = run_joconde(path, format_name="actimuse", museum_code="M0354")

    assert report.created == 2
    images = joconde_object("M0354011600").raw_data["images"]
    assert [image["Cote"] for image in images] == ["M0354_000919-001_1", "M0354_000919-001_2"]


def test_actimuse_rows_disagree(run_joconde, joconde_file, tmp_path):
    # Derived as above, but the repeated row carries another title.
    lines = joconde_file(ACTIMUSE).read_text(encoding="utf-8").split("\n")
    end = lines.index('//"') + 1
    repeated = [line.replace("MENU", "CARTE") for line in lines[1:end]]
    path = tmp_path / "disagree.csv"
    path.write_text("\n".join(lines + repeated) + "\n", encoding="utf-8")

    report = run_joconde(path, format_name="actimuse", museum_code="M0354")

    assert report.created == 1
    assert report.rejected[0].record_id == "M0354011600"
    assert report.rejected[0].field_name == "TITR"


# Compiègne Joconde × Wikidata table.


def test_mashup_counts(run_joconde, joconde_file):
    report = run_joconde(joconde_file(MASHUP))

    assert report.created == 22
    assert report.rejected == []
    assert CatalogueObject.objects.filter(museum__museofile_code="M5009").count() == 22


def test_mashup_fields(run_joconde, joconde_file):
    run_joconde(joconde_file(MASHUP))
    painting = joconde_object("M5009000135")

    assert painting.title == "Le Maléfice"
    assert credits_of(painting) == [("DIAZ DE LA PENA Narcisse", "")]
    assert painting.date_text == "1863"
    assert painting.technique == "peinture à l'huile, bois"
    assert painting.dimensions == "H. 45, l. 32"
    assert (
        painting.subject == "scène (groupe : femme, sorcellerie, chien) ; fond de paysage (forêt)"
    )
    assert painting.inventory_number == ""
    assert painting.object_type == ""
    assert painting.museum.name == "Musée national du château de Compiègne"
    assert painting.record_licence.startswith("CC BY — M. Liteau, C. Jahan, J. Janes")
    assert painting.source_url == "https://pop.culture.gouv.fr/notice/joconde/M5009000135"


def test_mashup_placeholders_empty(run_joconde, joconde_file):
    run_joconde(joconde_file(MASHUP))

    assert joconde_object("M5009000780").technique == "bois"  # "Non renseigné" dropped.
    assert joconde_object("M5009000141").dimensions == ""
    assert joconde_object("M5009000141").date_text == ""


def test_mashup_format_on_other_csv(run_joconde, tmp_path):
    path = write(tmp_path, "other.csv", b"Reference,Titre\r\n000PE001028,N'entrez pas\r\n")

    with pytest.raises(SourceError, match="no column 'Référence'"):
        run_joconde(path, format_name="mashup-csv")


# Format recognition.


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (UTF8, "text"),
        (ISO, "text"),
        (WARNINGS, "text"),
        (POP_JSON, "pop-json"),
        (ACTIMUSE, "actimuse"),
        (MASHUP, "mashup-csv"),
    ],
)
def test_format_detected(joconde_file, name, expected):
    path = joconde_file(name)

    assert detect_format(path, path.read_bytes()) == expected


def test_format_unrecognised(tmp_path):
    path = write(tmp_path, "data.bin", b"\x89PNG\r\n\x1a\n")

    with pytest.raises(SourceError, match="--format"):
        detect_format(path, path.read_bytes())


def test_overlong_museum_code_rejected(run_joconde, tmp_path):
    content = b"REF\r\nM9999000006\r\nMUSEO\r\nM99999999999\r\nINV\r\n6\r\nDENO\r\nvase\r\n//\r\n"
    report = run_joconde(write(tmp_path, "long-code.txt", content))

    assert report.created == 0
    assert report.rejected[0].record_id == "M9999000006"
    assert report.rejected[0].field_name == "MUSEO"
