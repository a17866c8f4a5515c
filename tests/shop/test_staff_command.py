"""The shop_staff command that opens and closes the dashboard to a user."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from tests.shop.conftest import MUSEES

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk(db):
    return get_user_model().objects.create_user(
        username="vendeuse", email="vendeuse@musees.localhost", password="x" * 16
    )


def run(*args):
    output = io.StringIO()
    call_command("shop_staff", *args, stdout=output)
    return output.getvalue()


def test_grant_gives_dashboard_access(client, shop_catalogue, clerk):
    output = run("Vendeuse@Musees.localhost")

    clerk.refresh_from_db()
    assert (
        output
        == "vendeuse@musees.localhost a maintenant accès au tableau de bord de la boutique.\n"
    )
    assert clerk.is_staff
    assert list(clerk.groups.values_list("name", flat=True)) == ["Équipe de la boutique"]
    client.force_login(clerk)
    assert client.get("/boutique/dashboard/catalogue/", HTTP_HOST=MUSEES).status_code == 200


def test_remove_takes_access_away(client, shop_catalogue, clerk):
    run(clerk.email)
    output = run(clerk.email, "--remove")

    clerk.refresh_from_db()
    assert output == "vendeuse@musees.localhost n'a plus accès au tableau de bord de la boutique.\n"
    assert not clerk.is_staff
    assert clerk.groups.count() == 0
    client.force_login(clerk)
    assert client.get("/boutique/dashboard/catalogue/", HTTP_HOST=MUSEES).status_code == 403


def test_unknown_email_rejected(db):
    with pytest.raises(CommandError, match="Aucun compte n'a l'adresse inconnu@musees.localhost"):
        run("inconnu@musees.localhost")
