"""Reading of Tourinsoft files: the shipped envelopes and broken or hostile files."""

import json

import pytest

from sites.importing import SourceError
from tests.tourism.conftest import EVENTS_V2, HOTELS_V2, HOTELS_V3, ILLUSTRATIVE_RESTAURANT
from tourism.importers.payload import (
    SHAPE_GATEWAY,
    SHAPE_ODATA_V1,
    SHAPE_ODATA_V2,
    SHAPE_ODATA_V3,
    SHAPE_VALUE_ARRAY,
    load_payload,
)


def write_json(path, data):
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_events_v2_envelope(tourinsoft_dir):
    payload = load_payload(tourinsoft_dir / EVENTS_V2)
    assert payload.shape == SHAPE_ODATA_V2
    assert len(payload.records) == 1
    assert payload.declared_count == 801
    assert payload.has_next_page is False


def test_hotels_v2_envelope(tourinsoft_dir):
    payload = load_payload(tourinsoft_dir / HOTELS_V2)
    assert payload.shape == SHAPE_ODATA_V2
    assert len(payload.records) == 1
    assert payload.declared_count == 11


def test_hotels_v3_gateway_envelope(tourinsoft_dir):
    payload = load_payload(tourinsoft_dir / HOTELS_V3)
    assert payload.shape == SHAPE_GATEWAY
    assert [record["SyndicObjectID"] for record in payload.records] == [
        "HOTCEN0280010001",
        "HOTCEN0280210001",
    ]
    assert payload.declared_count is None


def test_illustrative_gateway_envelope(tourinsoft_dir):
    payload = load_payload(tourinsoft_dir / ILLUSTRATIVE_RESTAURANT)
    assert payload.shape == SHAPE_GATEWAY
    assert payload.records[0]["SyndicObjectID"] == "RESEXEMPLE000001"


def test_odata_v3_with_count_and_next_link(tmp_path):
    path = write_json(
        tmp_path / "page.json",
        {
            "odata.metadata": "https://wcf.example/$metadata#Objects",
            "odata.count": "3",
            "odata.nextLink": "https://wcf.example/Objects?$skip=1",
            "value": [{"SyndicObjectID": "FMAEXEMPLE000001"}],
        },
    )
    payload = load_payload(path)
    assert payload.shape == SHAPE_ODATA_V3
    assert payload.declared_count == 3
    assert payload.has_next_page is True


def test_odata_v1_and_bare_list(tmp_path):
    v1 = load_payload(write_json(tmp_path / "v1.json", {"d": [{"SyndicObjectID": "X1"}]}))
    bare = load_payload(write_json(tmp_path / "bare.json", [{"SyndicObjectID": "X1"}]))
    assert v1.shape == SHAPE_ODATA_V1
    assert bare.shape == SHAPE_VALUE_ARRAY


def test_malformed_json_names_file_and_line(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"d": {"results": [\n{"SyndicObjectID": "X1",}\n]}}', encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_payload(path)
    assert caught.value.source == str(path)
    assert "2" in caught.value.message  # line of the trailing comma


def test_truncated_real_file(tmp_path, tourinsoft_dir):
    # Derived from the real events file by keeping its first half, as an interrupted download.
    raw = (tourinsoft_dir / EVENTS_V2).read_bytes()
    path = tmp_path / "truncated.json"
    path.write_bytes(raw[: len(raw) // 2])
    with pytest.raises(SourceError) as caught:
        load_payload(path)
    assert caught.value.source == str(path)


def test_latin1_bytes_rejected(tmp_path, tourinsoft_dir):
    # Derived from the real hotels file: decoded, with its \u escapes resolved, and re-encoded in
    # Latin-1, so that "Hôtel" is the single byte 0xF4, invalid in UTF-8.
    data = json.loads((tourinsoft_dir / HOTELS_V2).read_text("utf-8"))
    text = json.dumps(data, ensure_ascii=False)
    path = tmp_path / "latin1.json"
    path.write_bytes(text.encode("latin-1"))
    with pytest.raises(SourceError) as caught:
        load_payload(path)
    assert caught.value.source == str(path)
    assert "utf-8" in caught.value.message


def test_empty_results_rejected(tmp_path):
    path = write_json(tmp_path / "empty.json", {"d": {"results": [], "__count": "0"}})
    with pytest.raises(SourceError) as caught:
        load_payload(path)
    assert caught.value.source == str(path)


def test_empty_file_rejected(tmp_path):
    path = tmp_path / "zero.json"
    path.write_bytes(b"")
    with pytest.raises(SourceError):
        load_payload(path)


def test_huge_file_rejected(tmp_path, tourinsoft_dir, settings):
    settings.IMPORT_MAX_FILE_BYTES = 1000
    with pytest.raises(SourceError) as caught:
        load_payload(tourinsoft_dir / EVENTS_V2)
    assert "1000" in caught.value.message


@pytest.mark.parametrize(
    "text",
    [
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"/>',
        # An external entity and a billion-laughs expansion: XML is refused before any parsing.
        '<?xml version="1.0"?><!DOCTYPE f [<!ENTITY x SYSTEM "file:///etc/passwd">]><f>&x;</f>',
        '<!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><l>&b;</l>',
    ],
)
def test_xml_rejected(tmp_path, text):
    path = tmp_path / "feed.json"
    path.write_text(text, "utf-8")
    with pytest.raises(SourceError) as caught:
        load_payload(path)
    assert "format=json" in caught.value.message


def test_nan_constant_rejected(tmp_path):
    path = tmp_path / "nan.json"
    path.write_text('{"value": [{"SyndicObjectID": "X1", "GmapLatitude": NaN}]}', "utf-8")
    with pytest.raises(SourceError):
        load_payload(path)


def test_deep_nesting_rejected(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text('{"value": [' + "[" * 100_000 + "]" * 100_000 + "]}", "utf-8")
    with pytest.raises(SourceError):
        load_payload(path)


def test_unknown_envelope_rejected(tmp_path):
    path = write_json(tmp_path / "other.json", {"offers": [{"id": 1}]})
    with pytest.raises(SourceError) as caught:
        load_payload(path)
    assert "d.results" in caught.value.message


def test_record_not_object_rejected(tmp_path):
    path = write_json(tmp_path / "strings.json", {"value": [{"SyndicObjectID": "X1"}, "X2"]})
    with pytest.raises(SourceError) as caught:
        load_payload(path)
    assert "2" in caught.value.message


def test_invalid_count_rejected(tmp_path):
    path = write_json(
        tmp_path / "count.json",
        {"d": {"results": [{"SyndicObjectID": "X1"}], "__count": "many"}},
    )
    with pytest.raises(SourceError) as caught:
        load_payload(path)
    assert "__count" in caught.value.message
