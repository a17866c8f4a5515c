"""Login throttling (django-axes) and password rules of staff accounts."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command

from tests.security.conftest import STAFF_PASSWORD

pytestmark = pytest.mark.django_db

MUSEES = "musees.localhost"


def admin_login(client, username, password, address="203.0.113.7"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        HTTP_HOST=MUSEES,
        REMOTE_ADDR=address,
    )


@pytest.fixture
def failure_limit(settings):
    settings.AXES_FAILURE_LIMIT = 3
    return 3


def test_lockout_after_failures(client, make_user, platform_sites, failure_limit):
    make_user("archiviste", superuser=True)
    for attempt in range(failure_limit - 1):
        assert admin_login(client, "archiviste", "wrong").status_code == 200, attempt

    locked = admin_login(client, "archiviste", "wrong")

    assert locked.status_code == 429
    assert "Trop de tentatives de connexion" in locked.content.decode()


def test_lockout_refuses_right_password(client, make_user, platform_sites, failure_limit):
    make_user("archiviste", superuser=True)
    for _attempt in range(failure_limit):
        admin_login(client, "archiviste", "wrong")
    assert admin_login(client, "archiviste", STAFF_PASSWORD).status_code == 429


def test_lockout_is_per_username_and_address(client, make_user, platform_sites, failure_limit):
    make_user("archiviste", superuser=True)
    make_user("guide", superuser=True)
    for _attempt in range(failure_limit):
        admin_login(client, "archiviste", "wrong")

    other_user = admin_login(client, "guide", STAFF_PASSWORD)
    other_address = admin_login(client, "archiviste", STAFF_PASSWORD, address="198.51.100.4")

    assert other_user.status_code == 302
    assert other_address.status_code == 302


def test_shop_login_locked_out_too(client, make_user, platform_sites, failure_limit):
    make_user("cliente")
    for _attempt in range(failure_limit):
        response = client.post(
            "/boutique/accounts/login/",
            {
                "login-username": "cliente@example.org",
                "login-password": "wrong",
                "login_submit": "1",
            },
            HTTP_HOST=MUSEES,
            REMOTE_ADDR="203.0.113.9",
        )
    assert response.status_code == 429


def test_unlock_command_lifts_lockout(client, make_user, platform_sites, failure_limit):
    make_user("archiviste", superuser=True)
    for _attempt in range(failure_limit):
        admin_login(client, "archiviste", "wrong")

    call_command("axes_reset_username", "archiviste", verbosity=0)

    assert admin_login(client, "archiviste", STAFF_PASSWORD).status_code == 302


def test_client_ip_header_used_when_set(client, make_user, platform_sites, failure_limit, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    make_user("archiviste", superuser=True)
    for _attempt in range(failure_limit):
        client.post(
            "/admin/login/",
            {"username": "archiviste", "password": "wrong"},
            HTTP_HOST=MUSEES,
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_REAL_IP="203.0.113.7",
        )
    behind_same_proxy = client.post(
        "/admin/login/",
        {"username": "archiviste", "password": STAFF_PASSWORD},
        HTTP_HOST=MUSEES,
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_REAL_IP="198.51.100.4",
    )
    assert behind_same_proxy.status_code == 302


@pytest.mark.parametrize(
    "password, expected_code",
    [
        pytest.param("Court-123!", "password_too_short", id="shorter-than-12"),
        pytest.param("123456789012345", "password_entirely_numeric", id="only-digits"),
        pytest.param("password1234", "password_too_common", id="common"),
        pytest.param("archiviste-compiegne", "password_too_similar", id="like-username"),
    ],
)
def test_password_validators_reject(make_user, password, expected_code):
    user = make_user("archiviste-compiegne", staff=True)
    with pytest.raises(ValidationError) as error:
        validate_password(password, user)
    assert expected_code in [item.code for item in error.value.error_list]


def test_password_validators_accept_long_passphrase(make_user):
    user = make_user("archiviste", staff=True)
    assert validate_password("rivière-oise-forêt-1918", user) is None
