"""Composite strings, single values and mapping of records, without the database."""

import datetime
import json
from decimal import Decimal

import pytest

from sites.importing import RecordRejected
from tourism.importers.composite import (
    Separators,
    parse_full_address,
    split_list,
    split_occurrences,
)
from tourism.importers.extract import extract_offer
from tourism.importers.mapping import MappingError, load_mapping, mapping_from_dict
from tourism.importers.values import (
    InvalidValue,
    clean_http_url,
    clean_text,
    parse_coordinate,
    parse_date,
    parse_time,
    parse_timestamp,
)
from tourism.models import Offer

SEPARATORS = Separators()


# Composite strings ------------------------------------------------------------------------------


def test_contacts_split_by_occurrence():
    text = (
        "Téléphone filaire|02 37 53 43 60#Télécopieur /fax|02 37 53 43 69#"
        "Mél|hotelduperche@brithotel.fr#Site web (URL)|http://www.hotel-du-perche.com"
    )
    assert split_occurrences(text, SEPARATORS, min_subfields=2) == [
        ["Téléphone filaire", "02 37 53 43 60"],
        ["Télécopieur /fax", "02 37 53 43 69"],
        ["Mél", "hotelduperche@brithotel.fr"],
        ["Site web (URL)", "http://www.hotel-du-perche.com"],
    ]


def test_contact_value_containing_separator():
    # Public contact of the Château de Senonches in a cdt28 feed, as quoted by Geotrek's tests:
    # the Instagram handle starts with the occurrence separator.
    text = "Téléphone filaire|02 37 37 80 11#Instagram|#chateaudesenonches"
    assert split_occurrences(text, SEPARATORS, min_subfields=2) == [
        ["Téléphone filaire", "02 37 37 80 11"],
        ["Instagram", "#chateaudesenonches"],
    ]


def test_doubled_separators():
    separators = Separators(occurrence="##", subfield="||")
    assert split_occurrences("a||b||c##||||##d||e||f", separators) == [
        ["a", "b", "c"],
        ["d", "e", "f"],
    ]


def test_list_with_leading_separator():
    assert split_list("#Qualité Tourisme", SEPARATORS) == ["Qualité Tourisme"]


def test_full_address_six_parts():
    assert parse_full_address("Rue de la Bruyère|||28400|NOGENT-LE-ROTROU|28280", SEPARATORS) == (
        "Rue de la Bruyère",
        "28400",
        "NOGENT-LE-ROTROU",
    )


def test_full_address_seven_parts():
    text = "2 place de l'Hôtel de Ville|Bâtiment B||BP 10|60200|COMPIEGNE|60159"
    assert parse_full_address(text, SEPARATORS) == (
        "2 place de l'Hôtel de Ville, Bâtiment B, BP 10",
        "60200",
        "COMPIEGNE",
    )


def test_full_address_without_postal_code():
    assert parse_full_address("Forêt domaniale||||COMPIEGNE|", SEPARATORS) == (
        "Forêt domaniale",
        "",
        "COMPIEGNE",
    )


# Single values ----------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [None, "", " ", "<font></font>", "null", "NULL", {}, []])
def test_empty_markers(value):
    assert clean_text(value) == ""


def test_html_and_entities_removed():
    text = "Descriptif&nbsp;: <b>march&eacute;</b><br>du samedi &bull; gratuit"
    assert clean_text(text, keep_newlines=True) == "Descriptif : marché\ndu samedi • gratuit"


def test_name_trailing_spaces():
    assert clean_text("CLUB DE SCRABBLE  ") == "CLUB DE SCRABBLE"


def test_odata_date_is_utc_milliseconds():
    assert parse_timestamp("/Date(1546457575113)/", "Europe/Paris") == datetime.datetime(
        2019, 1, 2, 19, 32, 55, 113000, tzinfo=datetime.UTC
    )


def test_iso_timestamp_seven_fraction_digits():
    parsed = parse_timestamp("2013-06-07T10:40:44.4071234", "Europe/Paris")
    assert parsed.utcoffset() == datetime.timedelta(hours=2)
    assert parsed.microsecond == 407123


def test_dates_french_and_iso():
    assert parse_date("01/06/2100") == datetime.date(2100, 6, 1)
    assert parse_date("2025-12-31T00:00:00") == datetime.date(2025, 12, 31)


@pytest.mark.parametrize("value", ["31/02/2100", "2100-13-01", "demain"])
def test_invalid_dates(value):
    with pytest.raises(InvalidValue):
        parse_date(value)


def test_times():
    assert parse_time("12:00:00") == "12:00"
    assert parse_time("9h30") == "09:30"
    with pytest.raises(InvalidValue):
        parse_time("midi")


def test_coordinate_with_comma():
    assert parse_coordinate("49,4170000", -90, 90) == Decimal("49.4170000")


@pytest.mark.parametrize("value", ["abc", "91", "-90.5", "Infinity", "NaN"])
def test_invalid_latitudes(value):
    with pytest.raises(InvalidValue):
        parse_coordinate(value, Decimal(-90), Decimal(90))


@pytest.mark.parametrize(
    "value, expected",
    [
        ("http://www.mxbrou.com", "http://www.mxbrou.com"),
        ("www.example.org", "http://www.example.org"),
        ("javascript:alert(1)", ""),
        ("exemple-salle.jpg", ""),
    ],
)
def test_http_urls(value, expected):
    assert clean_http_url(value) == expected


# Mapping of records -----------------------------------------------------------------------------


def flat_record(**overrides):
    record = {
        "SyndicObjectID": "FMAEXEMPLE000001",
        "SyndicObjectName": "Marché de Noël ",
        "ObjectTypeName": "Fêtes et manifestations",
        "GmapLatitude": "49.4170000",
        "GmapLongitude": "2.8260000",
        "AdresseComplete": "Place de l'Hôtel de Ville|||60200|COMPIEGNE|60159",
        "MoyenDeCom": "Mél|marche@example.org#Site web (URL)|javascript:alert(1)",
        "PeriodeOuverture": "05/12/2100|07/12/2100|10:00|19:00||||#",
        "Photos": "https://example.org/a.jpg|Chalets|© Ville#ftp://example.org/b.jpg|B|C",
    }
    record.update(overrides)
    return record


def test_flat_record_values(cdt28_mapping):
    data = extract_offer(flat_record(), cdt28_mapping, "file.json#1")
    assert data.source_id == "FMAEXEMPLE000001"
    assert data.values["name"] == "Marché de Noël"
    assert data.values["offer_type"] == "event"
    assert data.values["town"] == "COMPIEGNE"
    assert data.values["email"] == "marche@example.org"
    assert data.values["website"] == ""
    assert data.values["images"] == [
        {"url": "https://example.org/a.jpg", "title": "Chalets", "credit": "© Ville"}
    ]
    assert data.periods == [
        {
            "start": datetime.date(2100, 12, 5),
            "end": datetime.date(2100, 12, 7),
            "opening_times": "10:00–19:00",
            "weekly_hours": {},
            "open_days": "",
            "closed_days": "",
            "note": "",
            "position": 0,
        }
    ]


def test_type_from_id_prefix(cdt28_mapping):
    data = extract_offer(flat_record(ObjectTypeName="Manifestations"), cdt28_mapping, "f#1")
    assert data.values["offer_type"] == "event"
    assert data.values["type_label"] == "Manifestations"


def test_type_label_ignores_case_and_accents(cdt28_mapping):
    record = flat_record(SyndicObjectID="XYZEXEMPLE000001", ObjectTypeName="HOTELLERIE")
    assert extract_offer(record, cdt28_mapping, "f#1").values["offer_type"] == "accommodation"


def test_missing_id_rejected(cdt28_mapping):
    with pytest.raises(RecordRejected) as caught:
        extract_offer(flat_record(SyndicObjectID=" "), cdt28_mapping, "file.json#3")
    assert caught.value.record_id == "file.json#3"
    assert caught.value.field_name == "SyndicObjectID"


def test_id_unfit_for_url_rejected(cdt28_mapping):
    with pytest.raises(RecordRejected) as caught:
        extract_offer(flat_record(SyndicObjectID="../admin"), cdt28_mapping, "file.json#1")
    assert caught.value.field_name == "SyndicObjectID"


def test_missing_name_rejected(cdt28_mapping):
    record = flat_record(SyndicObjectName=None)
    with pytest.raises(RecordRejected) as caught:
        extract_offer(record, cdt28_mapping, "file.json#1")
    assert caught.value.record_id == "FMAEXEMPLE000001"
    assert caught.value.field_name == "SyndicObjectName"


def test_latitude_out_of_range_rejected(cdt28_mapping):
    with pytest.raises(RecordRejected) as caught:
        extract_offer(flat_record(GmapLatitude="149.41"), cdt28_mapping, "f#1")
    assert caught.value.record_id == "FMAEXEMPLE000001"
    assert caught.value.field_name == "GmapLatitude"


def test_longitude_not_a_number_rejected(cdt28_mapping):
    with pytest.raises(RecordRejected) as caught:
        extract_offer(flat_record(GmapLongitude="2°49'E"), cdt28_mapping, "f#1")
    assert caught.value.field_name == "GmapLongitude"


def test_single_coordinate_rejected(cdt28_mapping):
    with pytest.raises(RecordRejected) as caught:
        extract_offer(flat_record(GmapLongitude=""), cdt28_mapping, "f#1")
    assert caught.value.field_name == "GmapLongitude"


def test_zero_coordinates_mean_unlocated(cdt28_mapping):
    data = extract_offer(flat_record(GmapLatitude="0", GmapLongitude="0"), cdt28_mapping, "f#1")
    assert data.values["latitude"] is None
    assert data.values["longitude"] is None


def test_period_ending_before_start_rejected(cdt28_mapping):
    record = flat_record(PeriodeOuverture="05/12/2100|07/12/2100||||||#09/12/2100|08/12/2100||||||")
    with pytest.raises(RecordRejected) as caught:
        extract_offer(record, cdt28_mapping, "f#1")
    assert caught.value.field_name == "PeriodeOuverture"
    assert "2" in caught.value.reason


def test_period_with_invalid_time_rejected(cdt28_mapping):
    record = flat_record(PeriodeOuverture="05/12/2100|07/12/2100|10 heures|19:00||||")
    with pytest.raises(RecordRejected) as caught:
        extract_offer(record, cdt28_mapping, "f#1")
    assert caught.value.field_name == "PeriodeOuverture"


def test_weekday_layout():
    # One period in the 7-day layout: start|end, then open1|close1|open2|close2 for Monday to
    # Sunday, then one days sub-field. Written for this test in that layout.
    mapping = mapping_from_dict(
        {
            "name": "weekdays",
            "fields": {"id": ["ID"], "name": ["NOM"]},
            "periods": [
                {
                    "composite": "OUVERTURE",
                    "subfields": ["start", "end", "weekday_times", "closed_days"],
                }
            ],
        }
    )
    monday = "|||"
    tuesday_to_friday = "09:30|12:30|14:00|18:00|" * 4
    saturday = "10:00|18:00|||"
    sunday = "|||"
    record = {
        "ID": "LOIEXEMPLE000001",
        "NOM": "Location de barques",
        "OUVERTURE": f"01/04/2100|30/09/2100|{monday}|{tuesday_to_friday}{saturday}{sunday}|Lundi",
    }
    period = extract_offer(record, mapping, "f#1").periods[0]
    assert period["weekly_hours"] == {
        "1": "09:30–12:30, 14:00–18:00",
        "2": "09:30–12:30, 14:00–18:00",
        "3": "09:30–12:30, 14:00–18:00",
        "4": "09:30–12:30, 14:00–18:00",
        "5": "10:00–18:00",
    }
    assert period["closed_days"] == "Lundi"


def test_typed_record_skips_rows_of_other_offer(typed_mapping):
    record = {
        "SyndicObjectID": "RESEXEMPLE000002",
        "SyndicObjectName": "Autre restaurant",
        "Photos": [
            {
                "Ordre": 2,
                "SyndicObjectId": "RESEXEMPLE000002",
                "Photo": {"Url": "https://example.org/2.jpg"},
            },
            {
                "Ordre": 1,
                "SyndicObjectId": "FMAAUTRE00000001",
                "Photo": {"Url": "https://example.org/x.jpg"},
            },
            {
                "Ordre": 1,
                "SyndicObjectId": "RESEXEMPLE000002",
                "Photo": {"Url": "https://example.org/1.jpg"},
                "Datedefindutilisation": "2000-01-01T00:00:00",
            },
        ],
    }
    data = extract_offer(record, typed_mapping, "f#1")
    assert [image["url"] for image in data.values["images"]] == ["https://example.org/2.jpg"]


# Mapping files ----------------------------------------------------------------------------------


def test_unknown_mapping_lists_shipped():
    with pytest.raises(MappingError) as caught:
        load_mapping("oise")
    assert "cdt28-geotrek" in str(caught.value)
    assert "typed-reunion" in str(caught.value)


@pytest.mark.parametrize(
    "data, key",
    [
        ({"name": "x", "fields": {"id": ["ID"]}}, "fields.name"),
        ({"name": "x", "fields": {"id": ["ID"], "name": ["N"], "colour": ["C"]}}, "fields.colour"),
        (
            {
                "name": "x",
                "fields": {"id": ["ID"], "name": ["N"]},
                "types": {"labels": {"Gîte": "gite"}},
            },
            "types.labels.Gîte",
        ),
        (
            {
                "name": "x",
                "fields": {"id": ["ID"], "name": ["N"]},
                "periods": [{"composite": "P", "subfields": ["end"]}],
            },
            "periods[0].subfields",
        ),
        ({"name": "x", "fields": {"id": ["ID"], "name": ["N"]}, "colour": "red"}, "colour"),
    ],
)
def test_invalid_mapping_names_key(data, key):
    with pytest.raises(MappingError) as caught:
        mapping_from_dict(data, origin="test.json")
    assert key in str(caught.value)


def inventory_names(data_dir):
    """Field paths of the Réunion typed feeds, from the shipped schema inventories."""
    names = set()
    for path in (data_dir / "tourinsoft").glob("schema-inventory-api-v3-typed-reunion-*.json"):
        inventory = json.loads(path.read_text("utf-8"))
        if "object_fields" not in inventory:
            continue  # the feed summary
        names.update(field["name"] for field in inventory["object_fields"])
        for relation, details in inventory["relations"].items():
            names.add(relation)
            names.update(f"{relation}.{field['name']}" for field in details["fields"])
    return names


def test_typed_mapping_names_exist_in_real_feeds(data_dir, typed_mapping):
    names = inventory_names(data_dir)
    expected = set()

    # Single values: plain paths must exist; of alternative collection names, one must.
    for target, sources in typed_mapping.fields.items():
        for source in sources:
            if isinstance(source, str):
                expected.add(source)
                continue
            variants = [f"{name}.{source['field']}" for name in source["collection"]]
            assert any(variant in names for variant in variants), target

    for source in typed_mapping.address:
        expected.update(path for paths in source.values() for path in paths)

    # Collections: the first name given is the one seen in the Réunion feeds.
    for source in typed_mapping.contact_sources + typed_mapping.images + typed_mapping.periods:
        collection = source["collection"][0]
        for key in ("value", "url", "title", "credit", "expires"):
            if key in source:
                expected.add(f"{collection}.{source[key]}")
    for path in typed_mapping.contact_sources[0]["kind"]:
        expected.add(f"Moyencommunications.{path}")

    period = typed_mapping.periods[0]
    period_fields = period["start"] + period["end"] + period["notes"]
    period_fields += [name for pair in period["times"] for name in pair]
    weekdays = period["weekday_times"]
    for day in weekdays["days"]:
        for slot in range(1, weekdays["slots"] + 1):
            period_fields.append(weekdays["open"].format(day=day, slot=slot))
            period_fields.append(weekdays["close"].format(day=day, slot=slot))
    expected.update(f"PeriodeOuvertures.{name}" for name in period_fields)

    assert sorted(expected - names) == []


def test_typed_mapping_knows_real_type_labels(data_dir, typed_mapping):
    summary = json.loads(
        (
            data_dir / "tourinsoft" / "schema-inventory-api-v3-typed-reunion-feed-summary.json"
        ).read_text("utf-8")
    )
    labels = {label for feed in summary["feeds"] for label in feed["object_type_names"]}
    prefixes = {prefix for feed in summary["feeds"] for prefix in feed["object_id_prefixes"]}
    assert "Restauration" in labels
    assert "RES" in prefixes
    for label in labels:
        record = {
            "SyndicObjectID": "ZZZEXEMPLE000001",
            "SyndicObjectName": "x",
            "ObjectTypeName": label,
        }
        assert extract_offer(record, typed_mapping, "f#1").values["offer_type"] != "other", label
    for prefix in prefixes:
        record = {"SyndicObjectID": f"{prefix}EXEMPLE00000", "SyndicObjectName": "x"}
        assert extract_offer(record, typed_mapping, "f#1").values["offer_type"] != "other", prefix


def test_import_writes_only_synced_fields(cdt28_mapping):
    data = extract_offer(flat_record(), cdt28_mapping, "f#1")
    written = set(data.values) | {"content_hash", "published", "missing_since", "last_changed_at"}
    assert written == set(Offer.SYNCED_FIELDS)
    assert not written & {"editor_note", "featured", "hidden"}
