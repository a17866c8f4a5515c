import pytest
from django.contrib.auth.models import Group

from sites.importing import (
    CREATED,
    UNCHANGED,
    ImportReport,
    RecordRejected,
    SourceError,
    apply_records,
    check_source_file,
    decode_text,
)


def test_decode_text_utf8_with_bom():
    assert decode_text("\ufeffÉglise".encode(), "f.txt") == "Église"


def test_decode_text_falls_back_to_latin1():
    raw = "Compiègne".encode("iso-8859-1")
    assert decode_text(raw, "f.txt", encodings=("utf-8", "iso-8859-1")) == "Compiègne"


def test_decode_text_rejects_invalid_utf8():
    with pytest.raises(SourceError) as error:
        decode_text(b"abc\xff\xfe", "notices.txt")
    assert "notices.txt" in str(error.value)
    assert "3" in str(error.value)


def test_check_source_file_rejects_oversize(tmp_path):
    path = tmp_path / "big.xml"
    path.write_bytes(b"x" * 2048)
    with pytest.raises(SourceError) as error:
        check_source_file(path, max_bytes=1024)
    assert "big.xml" in str(error.value)


def test_check_source_file_rejects_empty_and_missing(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(SourceError):
        check_source_file(empty)
    with pytest.raises(SourceError):
        check_source_file(tmp_path / "absent.csv")


@pytest.mark.django_db
def test_apply_records_rolls_back_rejected_record():
    def apply_one(name):
        Group.objects.create(name=name)
        if name.startswith("bad"):
            raise RecordRejected(name, "name", "invalid")
        return CREATED

    report = apply_records(["a", "bad-b", "c"], apply_one, ImportReport())
    assert report.created == 2
    assert [item.record_id for item in report.rejected] == ["bad-b"]
    stored = Group.objects.filter(name__in=["a", "bad-b", "c"]).values_list("name", flat=True)
    assert sorted(stored) == ["a", "c"]


def test_report_summary_in_french():
    report = ImportReport()
    report.add(CREATED)
    report.add(UNCHANGED)
    report.reject("REF1", "TITR", "vide")
    assert report.summary() == "1 créés, 0 mis à jour, 1 inchangés, 1 rejetés"
    assert report.rejection_lines() == ["rejeté REF1, champ TITR : vide"]
