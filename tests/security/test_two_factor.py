"""Two-factor authentication of staff on the Wagtail admin and Oscar's dashboard."""

import re

import pytest
from django.core.management import call_command
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from sites.security.two_factor import pending_device

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("two_factor_required")]

MUSEES = "musees.localhost"
STAFF_PATHS = ["/admin/", "/admin/pages/", "/admin/documents/", "/boutique/dashboard/"]


def current_token(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


@pytest.fixture
def enrolled_admin(make_user):
    user = make_user("conservateur", superuser=True)
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    return user, device


@pytest.mark.parametrize("path", STAFF_PATHS)
def test_staff_without_device_sent_to_setup(client, make_user, platform_sites, path):
    client.force_login(make_user("nouvelle", superuser=True))
    response = client.get(path, HTTP_HOST=MUSEES)
    assert response.status_code == 302, path
    assert response["Location"].startswith("/admin/2fa/setup/?next="), path


@pytest.mark.parametrize("path", STAFF_PATHS)
def test_staff_with_device_sent_to_verify(client, enrolled_admin, platform_sites, path):
    client.force_login(enrolled_admin[0])
    response = client.get(path, HTTP_HOST=MUSEES)
    assert response.status_code == 302, path
    assert response["Location"].startswith("/admin/2fa/verify/?next="), path


def test_wagtail_editor_without_staff_flag_needs_code(client, make_user, platform_sites):
    from django.contrib.auth.models import Group

    editor = make_user("redactrice")
    editor.groups.add(Group.objects.get(name="Musées de Compiègne – éditeurs"))
    client.force_login(editor)
    response = client.get("/admin/", HTTP_HOST=MUSEES)
    assert response["Location"].startswith("/admin/2fa/setup/")


def test_customer_not_asked_for_code(client, make_user, platform_sites):
    client.force_login(make_user("visiteur"))
    response = client.get("/boutique/accounts/", HTTP_HOST=MUSEES, follow=True)
    assert response.status_code == 200
    assert all("/admin/2fa/" not in url for url, _status in response.redirect_chain)


def test_setup_shows_qr_code_and_secret(client, make_user, platform_sites):
    client.force_login(make_user("nouvelle", superuser=True))
    response = client.get("/admin/2fa/setup/?next=/admin/", HTTP_HOST=MUSEES)
    body = response.content.decode()
    assert response.status_code == 200
    assert 'src="data:image/svg+xml;base64,' in body
    assert re.search(r"<code>([A-Z2-7]{4} ){7}[A-Z2-7]{4}</code>", body)
    assert "Configurer la double authentification" in body


def test_setup_accepts_totp_and_opens_admin(client, make_user, platform_sites):
    user = make_user("nouvelle", superuser=True)
    client.force_login(user)
    device = pending_device(user)

    response = client.post(
        "/admin/2fa/setup/",
        {"token": current_token(device), "next": "/admin/pages/"},
        HTTP_HOST=MUSEES,
    )

    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/", HTTP_HOST=MUSEES).status_code == 200
    assert client.get("/boutique/dashboard/", HTTP_HOST=MUSEES).status_code == 200


def test_setup_rejects_wrong_code(client, make_user, platform_sites):
    user = make_user("nouvelle", superuser=True)
    client.force_login(user)
    device = pending_device(user)
    wrong = f"{(int(current_token(device)) + 1) % 1_000_000:06d}"

    response = client.post("/admin/2fa/setup/", {"token": wrong}, HTTP_HOST=MUSEES)

    assert response.status_code == 200
    assert "Ce code n’est pas valide" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get("/admin/", HTTP_HOST=MUSEES).status_code == 302


def test_verify_accepts_totp(client, enrolled_admin, platform_sites):
    user, device = enrolled_admin
    client.force_login(user)
    session_key = client.session.session_key

    response = client.post(
        "/admin/2fa/verify/",
        {"token": current_token(device), "next": "/admin/"},
        HTTP_HOST=MUSEES,
    )

    assert response["Location"] == "/admin/"
    assert client.get("/admin/", HTTP_HOST=MUSEES).status_code == 200
    assert client.session.session_key != session_key


def test_verify_rejects_wrong_code(client, enrolled_admin, platform_sites):
    user, device = enrolled_admin
    client.force_login(user)
    wrong = f"{(int(current_token(device)) + 1) % 1_000_000:06d}"

    response = client.post("/admin/2fa/verify/", {"token": wrong}, HTTP_HOST=MUSEES)

    assert response.status_code == 200
    assert client.get("/admin/", HTTP_HOST=MUSEES).status_code == 302


def test_verify_refuses_outside_next_url(client, enrolled_admin, platform_sites):
    user, device = enrolled_admin
    client.force_login(user)
    response = client.post(
        "/admin/2fa/verify/",
        {"token": current_token(device), "next": "https://attacker.example/"},
        HTTP_HOST=MUSEES,
    )
    assert response["Location"] == "/admin/"


def test_verified_session_does_not_survive_logout(client, enrolled_admin, platform_sites):
    user, device = enrolled_admin
    client.force_login(user)
    client.post("/admin/2fa/verify/", {"token": current_token(device)}, HTTP_HOST=MUSEES)
    client.post("/admin/logout/", HTTP_HOST=MUSEES)
    client.force_login(user)
    assert client.get("/admin/", HTTP_HOST=MUSEES)["Location"].startswith("/admin/2fa/verify/")


def test_reset_command_removes_devices(enrolled_admin):
    user, _device = enrolled_admin
    call_command("reset_two_factor", user.username, verbosity=0)
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_reset_command_rejects_unknown_user(db):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="inconnu"):
        call_command("reset_two_factor", "personne", verbosity=0)
