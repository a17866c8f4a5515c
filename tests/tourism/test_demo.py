"""The tourism demo content: listing page, translations and shipped offers, idempotent."""

import io

import pytest
from django.utils import translation
from wagtail.models import Page, Revision

from tourism import demo
from tourism.models import Offer, OfferIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def populate(tourism_sites, django_capture_on_commit_callbacks):
    """Run the demo in English; wagtail-localize publishes translations on commit."""

    def run():
        output = io.StringIO()
        with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
            demo.populate(output)
        return output.getvalue()

    return run


def test_demo_creates_page_and_offers(populate):
    output = populate()
    index = OfferIndexPage.objects.get(locale__language_code="fr")
    assert index.slug == "offres"
    assert index.title == "Que faire à Compiègne ?"
    assert index.get_parent().specific.title == "Office de tourisme de Compiègne"
    titles = dict(
        OfferIndexPage.objects.filter(translation_key=index.translation_key).values_list(
            "locale__language_code", "title"
        )
    )
    assert (
        OfferIndexPage.objects.filter(translation_key=index.translation_key, live=True).count() == 4
    )
    assert titles == {
        "fr": "Que faire à Compiègne ?",
        "en": "What to do in Compiègne?",
        "de": "Was unternehmen in Compiègne?",
        "nl": "Wat te doen in Compiègne?",
    }
    assert sorted(Offer.objects.values_list("feed", "source_id")) == [
        ("cdt28-hotels", "HOTCEN0280010001"),
        ("cdt28-hotels", "HOTCEN0280210001"),
        ("cdt28-manifestations", "FMACEN0280060359"),
    ]
    assert not Offer.objects.filter(source_id="RESEXEMPLE000001").exists()
    lines = output.strip().splitlines()
    assert lines[0].startswith("Tourinsoft cdt28-manifestations: 1 created, 0 updated, 0 unchanged")
    assert lines[1].startswith("Tourinsoft cdt28-hotels: 2 created, 0 updated, 0 unchanged")


def test_demo_second_run_changes_nothing(populate):
    populate()
    pages, revisions = Page.objects.count(), Revision.objects.count()
    offers = list(Offer.objects.order_by("pk").values())
    output = populate()
    assert Page.objects.count() == pages
    assert Revision.objects.count() == revisions
    assert list(Offer.objects.order_by("pk").values()) == offers
    assert (
        "Tourinsoft cdt28-manifestations: 0 created, 0 updated, 1 unchanged, 0 rejected" in output
    )
    assert "Tourinsoft cdt28-hotels: 0 created, 0 updated, 2 unchanged, 0 rejected" in output
