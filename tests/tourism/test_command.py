"""The import_tourinsoft management command."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from sites.models import ImportRun
from tests.tourism.conftest import EVENTS_V2, HOTELS_V3, ILLUSTRATIVE_RESTAURANT
from tourism.models import Offer

pytestmark = pytest.mark.django_db


def run_command(*args):
    stdout, stderr = io.StringIO(), io.StringIO()
    with translation.override("en"):
        call_command("import_tourinsoft", *args, stdout=stdout, stderr=stderr)
    return stdout.getvalue()


def test_command_imports_and_records_run(tourinsoft_dir):
    output = run_command(str(tourinsoft_dir / HOTELS_V3), "--feed", "cdt28-hotels")
    assert "Feed cdt28-hotels: complete import, 0 missing offers were unpublished." in output
    assert "2 created, 0 updated, 0 unchanged, 0 rejected" in output
    assert Offer.objects.filter(feed="cdt28-hotels").count() == 2
    run = ImportRun.objects.get()
    assert run.kind == "tourinsoft:cdt28-hotels"
    assert run.created == 2
    assert run.error == ""


def test_command_second_run_unchanged(tourinsoft_dir):
    run_command(str(tourinsoft_dir / EVENTS_V2), "--feed", "cdt28-manifestations")
    run_command(str(tourinsoft_dir / EVENTS_V2), "--feed", "cdt28-manifestations")
    latest = ImportRun.objects.order_by("-pk").first()
    assert (latest.created, latest.updated, latest.unchanged) == (0, 0, 1)


def test_command_typed_mapping(tourinsoft_dir):
    path = str(tourinsoft_dir / ILLUSTRATIVE_RESTAURANT)
    run_command(path, "--feed", "illustration", "--mapping", "typed-reunion")
    assert Offer.objects.get().offer_type == "restaurant"


def test_command_mapping_by_path(tourinsoft_dir):
    from tourism.importers.mapping import MAPPINGS_DIR

    path = MAPPINGS_DIR / "typed-reunion.json"
    feed_file = str(tourinsoft_dir / ILLUSTRATIVE_RESTAURANT)
    run_command(feed_file, "--feed", "illustration", "--mapping", str(path))
    assert Offer.objects.count() == 1


def test_command_source_error(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"d": {"results": [}}', encoding="utf-8")
    with pytest.raises(CommandError) as caught:
        run_command(str(broken), "--feed", "compiegne")
    assert "broken.json" in str(caught.value)
    assert ImportRun.objects.get().error != ""
    assert Offer.objects.count() == 0


def test_command_unknown_mapping(tourinsoft_dir):
    with pytest.raises(CommandError) as caught:
        run_command(str(tourinsoft_dir / HOTELS_V3), "--feed", "cdt28-hotels", "--mapping", "oise")
    assert "cdt28-geotrek" in str(caught.value)
    assert ImportRun.objects.count() == 0


def test_command_invalid_feed_name(tourinsoft_dir):
    with pytest.raises(CommandError):
        run_command(str(tourinsoft_dir / HOTELS_V3), "--feed", "type")


def test_command_reports_rejections(tmp_path):
    path = tmp_path / "feed.json"
    path.write_text(
        '{"value": [{"SyndicObjectID": "FMATEST000000001", "SyndicObjectName": "A",'
        ' "GmapLatitude": "91", "GmapLongitude": "2"}]}',
        encoding="utf-8",
    )
    output = run_command(str(path), "--feed", "compiegne")
    assert "rejected FMATEST000000001, field GmapLatitude: 91 is outside [-90, 90]" in output
    rejection = ImportRun.objects.get().rejected[0]
    assert (rejection["record"], rejection["field"]) == ("FMATEST000000001", "GmapLatitude")


def test_command_partial_output(tourinsoft_dir):
    output = run_command(str(tourinsoft_dir / EVENTS_V2), "--feed", "cdt28-manifestations")
    assert "partial import (1 of the 801 offers the feed declares)" in output
