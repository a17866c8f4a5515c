"""Admin views of the imported records: inspect them, change only their publication."""

import pytest
from django.contrib.auth import get_user_model

from memorial.importers import import_convoys, import_key_figures, import_public_figures
from memorial.models import Convoy, ConvoyFigure

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, convoys_file, key_figures_file, public_figures_file):
    import_convoys(convoys_file)
    import_public_figures(public_figures_file)
    import_key_figures(key_figures_file)
    user = get_user_model().objects.create_superuser("curator", "curator@example.org", "not-used-here-1")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "prefix", ["memorial_convoys", "memorial_convoy_figures", "memorial_key_figures", "memorial_public_figures"]
)
def test_admin_listing_served(admin_client, prefix):
    response = admin_client.get(f"/admin/{prefix}/")
    assert response.status_code == 200


def test_admin_convoy_inspect(admin_client):
    convoy = Convoy.objects.get(convoy_id="1942-07-06")
    response = admin_client.get(f"/admin/memorial_convoys/inspect/{convoy.pk}/")
    assert response.status_code == 200
    assert "convoi des « 45000 »" in response.content.decode()


def test_admin_unpublish_convoy(admin_client):
    convoy = Convoy.objects.get(convoy_id="1942-07-06")
    response = admin_client.post(f"/admin/memorial_convoys/edit/{convoy.pk}/", {})
    assert response.status_code == 302
    convoy.refresh_from_db()
    assert convoy.is_published is False
    assert convoy.destination == "Auschwitz"


def test_admin_figures_read_only(admin_client):
    figure = ConvoyFigure.objects.first()
    assert admin_client.get(f"/admin/memorial_convoy_figures/edit/{figure.pk}/").status_code in (302, 403)
    assert admin_client.get("/admin/memorial_convoys/new/").status_code in (302, 403)
    assert admin_client.get(f"/admin/memorial_convoys/delete/{figure.convoy_id}/").status_code in (302, 403)
