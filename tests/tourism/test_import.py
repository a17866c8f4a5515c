"""Import of Tourinsoft files into the database: real samples, idempotence, unpublishing."""

import datetime
import json
from decimal import Decimal

import pytest

from sites.importing import SourceError
from tests.tourism.conftest import EVENTS_V2, HOTELS_V2, HOTELS_V3, ILLUSTRATIVE_RESTAURANT
from tourism.importers import tourinsoft
from tourism.models import FeedState, Offer, OfferPeriod

pytestmark = pytest.mark.django_db


def offer_record(number, **overrides):
    """A flat cdt28-style record written for these tests; ``number`` makes the id unique."""
    record = {
        "SyndicObjectID": f"FMATEST{number:09d}",
        "SyndicObjectName": f"Manifestation {number}",
        "ObjectTypeName": "Fêtes et manifestations",
        "GmapLatitude": "49.4170000",
        "GmapLongitude": "2.8260000",
        "AdresseComplete": "Place de l'Hôtel de Ville|||60200|COMPIEGNE|60159",
        "PeriodeOuverture": "05/12/2100|07/12/2100|10:00|19:00||||",
    }
    record.update(overrides)
    return record


def write_feed(path, records, count=None):
    body = {"results": records}
    if count is not None:
        body["__count"] = str(count)
    path.write_text(json.dumps({"d": body}), encoding="utf-8")
    return path


def database_state():
    """Everything an import writes, to compare two runs."""
    offers = list(Offer.objects.order_by("pk").values())
    periods = list(OfferPeriod.objects.order_by("pk").values())
    return offers, periods


# The shipped real files -------------------------------------------------------------------------


def test_events_v2_file(run_import, tourinsoft_dir):
    report, result = run_import(tourinsoft_dir / EVENTS_V2, feed="cdt28-manifestations")
    assert (report.created, report.updated, report.unchanged, report.rejected) == (1, 0, 0, [])
    assert result.complete is False  # 1 of the 801 offers that __count declares

    offer = Offer.objects.get(feed="cdt28-manifestations", source_id="FMACEN0280060359")
    assert offer.name == "Moto cross de Brou"
    assert offer.offer_type == "event"
    assert offer.type_label == "Fêtes et manifestations"
    assert offer.category == "Compétition sportive"
    assert (offer.street, offer.postal_code, offer.town) == (
        "Circuit des Tonnes",
        "28160",
        "DAMPIERRE-SOUS-BROU",
    )
    assert offer.phone == "06 00 00 00 00"
    assert offer.email == "contact@example.org"
    assert offer.website == "http://www.mxbrou.com"
    assert offer.latitude == Decimal("48.2111540")
    assert offer.longitude == Decimal("1.1123749")
    assert offer.description == ""
    assert len(offer.images) == 9
    assert offer.images[0] == {
        "url": "http://cdt28.media.tourinsoft.eu/upload/1-21.jpg",
        "title": "Moto cross de Brou",
        "credit": "Moto cross de Brou",
    }
    assert offer.source_updated == "/Date(1546457575113)/"
    assert offer.source_updated_at == datetime.datetime(
        2019, 1, 2, 19, 32, 55, 113000, tzinfo=datetime.UTC
    )
    assert offer.raw["Classification3"] == "Sports mécaniques"
    assert offer.published is True

    periods = list(offer.periods.all())
    assert len(periods) == 1
    assert (periods[0].start, periods[0].end) == (
        datetime.date(2100, 6, 1),
        datetime.date(2100, 6, 2),
    )
    assert periods[0].opening_times == ""


def test_hotels_v2_file(run_import, tourinsoft_dir):
    report, result = run_import(tourinsoft_dir / HOTELS_V2, feed="cdt28-hotels")
    assert report.created == 1
    assert result.complete is False  # 1 of 11

    offer = Offer.objects.get(source_id="HOTCEN0280010001")
    assert offer.name == "Hôtel du Perche"
    assert offer.offer_type == "accommodation"
    assert offer.category == "Hôtels"
    assert offer.phone == "02 37 53 43 60"  # the fax number that follows is not kept
    assert offer.email == "hotelduperche@brithotel.fr"
    assert offer.website == "http://www.hotel-du-perche.com"
    assert (offer.latitude, offer.longitude) == (Decimal("48.3295000"), Decimal("0.8048990"))
    assert offer.description.startswith("A deux pas du centre ville, un hôtel tout neuf")
    assert [image["credit"] for image in offer.images] == [
        "OT Nogent-le-Rotrou",
        "© CDT 28",
        "OT Nogent-le-Rotrou",
    ]

    first, second = offer.periods.all()
    assert (first.start, first.end) == (datetime.date(2019, 1, 1), datetime.date(2019, 7, 21))
    assert first.opening_times == "08:00–15:00, 18:00–22:00"
    assert first.open_days == "Dimanche, Mardi soir, Mercredi, Jeudi, Vendredi, Samedi"
    assert first.closed_days == "Lundi"
    assert (second.start, second.end) == (datetime.date(2019, 8, 8), datetime.date(2019, 12, 31))
    assert second.open_days.endswith("Samedi, Jours fériés")


def test_hotels_v3_file(run_import, tourinsoft_dir):
    report, result = run_import(tourinsoft_dir / HOTELS_V3, feed="cdt28-hotels")
    assert (report.created, report.rejected) == (2, [])
    assert result.complete is True  # the api-v3 gateway returns the whole feed

    names = dict(Offer.objects.values_list("source_id", "name"))
    assert names == {"HOTCEN0280010001": "Hôtel du Perche", "HOTCEN0280210001": "Chatel du Perche"}
    perche = Offer.objects.get(source_id="HOTCEN0280010001")
    # Its only MediaPhotoss row belongs to another offer (FMANOR061FS001W8): it is skipped.
    assert perche.images == []
    assert perche.periods.count() == 2
    assert FeedState.objects.get(name="cdt28-hotels").last_complete_count == 2


def test_illustrative_typed_file(run_import, tourinsoft_dir, typed_mapping):
    report, _result = run_import(
        tourinsoft_dir / ILLUSTRATIVE_RESTAURANT, feed="illustration", mapping=typed_mapping
    )
    assert report.created == 1
    offer = Offer.objects.get(source_id="RESEXEMPLE000001")
    assert offer.name == "RESTAURANT EXEMPLE (FICTIF)"
    assert offer.offer_type == "restaurant"
    assert offer.category == "Cuisine traditionnelle"
    assert (offer.street, offer.postal_code, offer.town) == (
        "1 rue de l'Exemple",
        "60200",
        "COMPIEGNE",
    )
    assert (offer.phone, offer.email, offer.website) == (
        "03 00 00 00 00",
        "contact@example.org",
        "https://www.example.org",
    )
    assert offer.summary == "Accroche courte (texte fictif)."
    assert offer.description.endswith("\nLes retours à la ligne sont conservés tels quels.")
    assert offer.images[0]["credit"] == "© Exemple"
    assert offer.source_updated_at == datetime.datetime(2025, 5, 2, 14, 40, 12, tzinfo=datetime.UTC)

    period = offer.periods.get()
    assert (period.start, period.end) == (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    assert "0" not in period.weekly_hours  # closed on Mondays
    assert period.weekly_hours["1"] == "12:00–14:00, 19:00–22:00"
    assert period.weekly_hours["6"] == "12:00–14:00"
    assert period.note == "Fermé le lundi."


# Idempotence and editor enrichment --------------------------------------------------------------


def test_reimport_changes_nothing(run_import, tourinsoft_dir):
    run_import(tourinsoft_dir / HOTELS_V3, feed="cdt28-hotels")
    before = database_state()
    report, result = run_import(tourinsoft_dir / HOTELS_V3, feed="cdt28-hotels")
    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)
    assert result.unpublished == 0
    assert database_state() == before


def test_enrichment_survives_reimport(run_import, tourinsoft_dir, tmp_path):
    run_import(tourinsoft_dir / HOTELS_V3, feed="cdt28-hotels")
    Offer.objects.filter(source_id="HOTCEN0280010001").update(
        editor_note="Idéal pour les cavaliers.", featured=True, hidden=True
    )
    # A changed copy of the real file: the hotel was renamed in Tourinsoft.
    data = json.loads((tourinsoft_dir / HOTELS_V3).read_text("utf-8"))
    data["value"][0]["SyndicObjectName"] = "Hôtel du Perche (rénové)"
    changed = tmp_path / "hotels.json"
    changed.write_text(json.dumps(data), encoding="utf-8")

    report, _result = run_import(changed, feed="cdt28-hotels")
    assert (report.updated, report.unchanged) == (1, 1)
    offer = Offer.objects.get(source_id="HOTCEN0280010001")
    assert offer.name == "Hôtel du Perche (rénové)"
    assert offer.editor_note == "Idéal pour les cavaliers."
    assert offer.featured is True
    assert offer.hidden is True


def test_same_id_in_two_feeds(run_import, tourinsoft_dir):
    run_import(tourinsoft_dir / HOTELS_V2, feed="cdt28-hotels-v2")
    run_import(tourinsoft_dir / HOTELS_V3, feed="cdt28-hotels")
    assert Offer.objects.filter(source_id="HOTCEN0280010001").count() == 2


# Records applied completely or not at all -------------------------------------------------------


def test_rejected_record_leaves_others(run_import, tmp_path):
    path = write_feed(
        tmp_path / "feed.json",
        [
            offer_record(1),
            offer_record(2, GmapLatitude="149.0"),
            offer_record(3, SyndicObjectID=None),
        ],
    )
    report, _result = run_import(path, feed="compiegne")
    assert report.created == 1
    rejected = {(item.record_id, item.field_name) for item in report.rejected}
    assert rejected == {("FMATEST000000002", "GmapLatitude"), ("feed.json#3", "SyndicObjectID")}
    assert list(Offer.objects.values_list("source_id", flat=True)) == ["FMATEST000000001"]


def test_invalid_period_keeps_previous_version(run_import, tmp_path):
    path = write_feed(tmp_path / "feed.json", [offer_record(1)])
    run_import(path, feed="compiegne")
    # The second occurrence of the new version ends before it starts.
    broken = offer_record(
        1,
        SyndicObjectName="Nouveau nom",
        PeriodeOuverture="01/01/2101|02/01/2101||||||#05/01/2101|04/01/2101||||||",
    )
    report, _result = run_import(write_feed(tmp_path / "feed.json", [broken]), feed="compiegne")
    assert report.rejected[0].field_name == "PeriodeOuverture"
    offer = Offer.objects.get()
    assert offer.name == "Manifestation 1"
    assert [(period.start, period.end) for period in offer.periods.all()] == [
        (datetime.date(2100, 12, 5), datetime.date(2100, 12, 7))
    ]


def test_too_long_value_rejected_by_model(run_import, tmp_path):
    path = write_feed(tmp_path / "feed.json", [offer_record(1, ObjectTypeName="x" * 150)])
    report, _result = run_import(path, feed="compiegne")
    assert report.created == 0
    assert report.rejected[0].field_name == "ObjectTypeName"
    assert Offer.objects.count() == 0
    assert OfferPeriod.objects.count() == 0


def test_duplicate_ids_rejected(run_import, tmp_path):
    path = write_feed(tmp_path / "feed.json", [offer_record(1), offer_record(1), offer_record(2)])
    report, _result = run_import(path, feed="compiegne")
    assert report.created == 1
    assert [item.record_id for item in report.rejected] == ["FMATEST000000001", "FMATEST000000001"]


def test_source_error_changes_nothing(run_import, tmp_path, tourinsoft_dir):
    run_import(tourinsoft_dir / HOTELS_V3, feed="cdt28-hotels")
    before = database_state()
    broken = tmp_path / "broken.json"
    broken.write_text('{"value": [', encoding="utf-8")
    with pytest.raises(SourceError):
        run_import([tourinsoft_dir / HOTELS_V3, broken], feed="cdt28-hotels")
    assert database_state() == before


# Offers missing from the feed -------------------------------------------------------------------


def test_missing_offer_unpublished(run_import, tmp_path):
    run_import(
        write_feed(tmp_path / "feed.json", [offer_record(1), offer_record(2)]), feed="compiegne"
    )
    Offer.objects.filter(source_id="FMATEST000000002").update(editor_note="Note")

    report, result = run_import(
        write_feed(tmp_path / "feed.json", [offer_record(1)]), feed="compiegne"
    )
    assert report.unchanged == 1
    assert result.unpublished == 1
    missing = Offer.objects.get(source_id="FMATEST000000002")
    assert missing.published is False
    assert missing.missing_since is not None
    assert missing.editor_note == "Note"
    assert list(Offer.objects.published().values_list("source_id", flat=True)) == [
        "FMATEST000000001"
    ]


def test_rejected_record_unpublishes_nothing(run_import, tmp_path):
    # The second offer's identifier is missing: it may be the offer that looks absent, so the
    # run must not unpublish it.
    run_import(
        write_feed(tmp_path / "feed.json", [offer_record(1), offer_record(2)]), feed="compiegne"
    )
    broken_second = offer_record(2, SyndicObjectID="")
    report, result = run_import(
        write_feed(tmp_path / "feed.json", [offer_record(1), broken_second]), feed="compiegne"
    )
    assert len(report.rejected) == 1
    assert result.complete is False
    assert result.unpublished == 0
    assert Offer.objects.published().count() == 2


def test_returning_offer_published_again(run_import, tmp_path):
    run_import(
        write_feed(tmp_path / "feed.json", [offer_record(1), offer_record(2)]), feed="compiegne"
    )
    run_import(write_feed(tmp_path / "feed.json", [offer_record(1)]), feed="compiegne")
    report, _result = run_import(
        write_feed(tmp_path / "feed.json", [offer_record(1), offer_record(2)]), feed="compiegne"
    )
    assert (report.updated, report.unchanged) == (1, 1)
    returned = Offer.objects.get(source_id="FMATEST000000002")
    assert returned.published is True
    assert returned.missing_since is None


def test_other_feed_untouched(run_import, tmp_path):
    run_import(write_feed(tmp_path / "a.json", [offer_record(1)]), feed="feed-a")
    run_import(write_feed(tmp_path / "b.json", [offer_record(2)]), feed="feed-b")
    assert Offer.objects.published().count() == 2


def test_partial_feed_unpublishes_nothing(run_import, tmp_path):
    run_import(
        write_feed(tmp_path / "feed.json", [offer_record(1), offer_record(2)]), feed="compiegne"
    )
    _report, result = run_import(
        write_feed(tmp_path / "feed.json", [offer_record(1)], count=2), feed="compiegne"
    )
    assert result.complete is False
    assert result.unpublished == 0
    assert Offer.objects.published().count() == 2


def test_partial_flag_unpublishes_nothing(run_import, tmp_path):
    run_import(
        write_feed(tmp_path / "feed.json", [offer_record(1), offer_record(2)]), feed="compiegne"
    )
    _report, result = run_import(
        write_feed(tmp_path / "feed.json", [offer_record(1)]), feed="compiegne", partial=True
    )
    assert result.complete is False
    assert Offer.objects.published().count() == 2


def test_pages_together_make_complete_feed(run_import, tmp_path):
    run_import(
        write_feed(tmp_path / "all.json", [offer_record(n) for n in range(1, 4)]), feed="compiegne"
    )
    first = write_feed(tmp_path / "page1.json", [offer_record(1)], count=2)
    second = write_feed(tmp_path / "page2.json", [offer_record(2)], count=2)
    _report, result = run_import([first, second], feed="compiegne")
    assert result.complete is True
    assert result.unpublished == 1
    assert not Offer.objects.get(source_id="FMATEST000000003").published


def test_shrunken_feed_refused(run_import, tmp_path):
    records = [offer_record(number) for number in range(1, 21)]
    run_import(write_feed(tmp_path / "feed.json", records), feed="compiegne")
    before = database_state()
    shrunken = write_feed(
        tmp_path / "feed.json", [offer_record(1, SyndicObjectName="Changé")] + records[1:9]
    )
    with pytest.raises(SourceError) as caught:
        run_import(shrunken, feed="compiegne")
    assert "9" in caught.value.message
    assert "20" in caught.value.message
    assert "--allow-shrink" in caught.value.message
    assert database_state() == before
    assert FeedState.objects.get(name="compiegne").last_complete_count == 20


def test_shrunken_feed_allowed(run_import, tmp_path):
    records = [offer_record(number) for number in range(1, 21)]
    run_import(write_feed(tmp_path / "feed.json", records), feed="compiegne")
    _report, result = run_import(
        write_feed(tmp_path / "feed.json", records[:9]), feed="compiegne", allow_shrink=True
    )
    assert result.unpublished == 11
    assert FeedState.objects.get(name="compiegne").last_complete_count == 9


def test_small_shrink_accepted(run_import, tmp_path):
    records = [offer_record(number) for number in range(1, 21)]
    run_import(write_feed(tmp_path / "feed.json", records), feed="compiegne")
    _report, result = run_import(write_feed(tmp_path / "feed.json", records[:10]), feed="compiegne")
    assert result.unpublished == 10


def test_empty_feed_changes_nothing(run_import, tmp_path):
    run_import(write_feed(tmp_path / "feed.json", [offer_record(1)]), feed="compiegne")
    with pytest.raises(SourceError):
        run_import(write_feed(tmp_path / "feed.json", []), feed="compiegne")
    assert Offer.objects.published().count() == 1


@pytest.mark.parametrize("name", ["", "Oise", "type", "a" * 39, "-x", "oise_fetes"])
def test_invalid_feed_names(name):
    with pytest.raises(tourinsoft.FeedNameError):
        tourinsoft.validate_feed_name(name)


# Querysets --------------------------------------------------------------------------------------


def test_upcoming_orders_by_next_date(run_import, tmp_path):
    records = [
        offer_record(1, PeriodeOuverture="01/01/2000|02/01/2000||||||"),
        offer_record(2, PeriodeOuverture="10/03/2100|10/03/2100||||||"),
        offer_record(3, PeriodeOuverture="01/01/2000|02/01/2000||||||#05/02/2100|06/02/2100||||||"),
    ]
    run_import(write_feed(tmp_path / "feed.json", records), feed="compiegne")
    upcoming = list(Offer.objects.published().of_type("event").upcoming())
    assert [offer.source_id for offer in upcoming] == ["FMATEST000000003", "FMATEST000000002"]
    assert upcoming[0].next_start == datetime.date(2100, 2, 5)
    assert upcoming[0].next_end == datetime.date(2100, 2, 6)


def test_published_excludes_hidden(run_import, tmp_path):
    run_import(
        write_feed(tmp_path / "feed.json", [offer_record(1), offer_record(2)]), feed="compiegne"
    )
    Offer.objects.filter(source_id="FMATEST000000001").update(hidden=True)
    assert list(Offer.objects.published().values_list("source_id", flat=True)) == [
        "FMATEST000000002"
    ]
