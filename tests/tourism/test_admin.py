"""Wagtail admin of the offers: editors enrich, imports own the synced fields."""

import pytest
from django.contrib.auth import get_user_model

from tests.tourism.conftest import EVENTS_V2
from tourism.models import Offer

pytestmark = pytest.mark.django_db

ADMIN_URL = "/admin/snippets/tourism/offer/"


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser(
        "editor", "editor@example.org", "a-long-password-1"
    )
    client.force_login(user)
    return client


@pytest.fixture
def event(run_import, tourinsoft_dir):
    run_import(tourinsoft_dir / EVENTS_V2, feed="cdt28-manifestations")
    return Offer.objects.get()


def test_listing_shows_offers(editor_client, event):
    response = editor_client.get(ADMIN_URL)
    assert response.status_code == 200
    assert "Moto cross de Brou" in response.content.decode()


def test_listing_search(editor_client, event):
    response = editor_client.get(ADMIN_URL, {"q": "brou"})
    assert "Moto cross de Brou" in response.content.decode()


def test_edit_form_has_only_editor_fields(editor_client, event):
    response = editor_client.get(f"{ADMIN_URL}edit/{event.pk}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_editor_note"' in body
    assert 'id="id_featured"' in body
    assert 'id="id_hidden"' in body
    assert 'id="id_name"' not in body
    assert 'id="id_description"' not in body
    assert "Moto cross de Brou" in body  # shown read-only
    assert "01/06/2100" in body  # the period panel


def test_edit_saves_enrichment_only(editor_client, event):
    response = editor_client.post(
        f"{ADMIN_URL}edit/{event.pk}/",
        {"editor_note": "Parking.", "featured": "on", "name": "Nom forcé", "published": ""},
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.editor_note == "Parking."
    assert event.featured is True
    assert event.name == "Moto cross de Brou"
    assert event.published is True


def test_add_and_delete_forbidden(editor_client, event):
    add = editor_client.post(f"{ADMIN_URL}add/", {"name": "Créée à la main"})
    delete = editor_client.post(f"{ADMIN_URL}delete/{event.pk}/")
    assert add.status_code in (302, 403)
    assert delete.status_code in (302, 403)
    assert list(Offer.objects.values_list("name", flat=True)) == ["Moto cross de Brou"]
