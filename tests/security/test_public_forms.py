"""Rate limits of the public POST forms and the spam guard of the shop registration."""

import pytest
from django.contrib.auth import get_user_model
from django.core import signing
from django.utils import timezone

from sites.security.public_forms import FORM_STARTED_SALT, sign_form_start
from tests.security.conftest import parse_html

pytestmark = pytest.mark.django_db

MUSEES = "musees.localhost"
PASSWORD = "rivière-oise-forêt-1918"


@pytest.fixture(autouse=True)
def empty_cache(settings):
    """Turn the rate limits on, with counters that start from zero.

    The counters live in the cache, which outlives each test's transaction.
    """
    from django.core.cache import cache

    settings.RATELIMIT_ENABLE = True
    cache.clear()
    yield
    cache.clear()


def signed_start(seconds_ago):
    return signing.dumps(timezone.now().timestamp() - seconds_ago, salt=FORM_STARTED_SALT)


def registration_data(email, *, started=None, honeypot="", prefix="registration-"):
    return {
        f"{prefix}email": email,
        f"{prefix}password1": PASSWORD,
        f"{prefix}password2": PASSWORD,
        f"{prefix}website": honeypot,
        f"{prefix}form_started": started if started is not None else signed_start(30),
        "registration_submit": "1",
    }


def register(client, data, path="/boutique/accounts/login/", address="203.0.113.20"):
    return client.post(path, data, HTTP_HOST=MUSEES, REMOTE_ADDR=address)


def test_registration_form_has_guard_fields(client, platform_sites):
    document = parse_html(client.get("/boutique/accounts/login/", HTTP_HOST=MUSEES))
    honeypot = document.xpath("//input[@name='registration-website']")
    started = document.xpath("//input[@name='registration-form_started']")
    assert len(honeypot) == 1
    assert honeypot[0].get("tabindex") == "-1"
    assert len(started) == 1
    assert started[0].get("type") == "hidden"
    assert started[0].get("value")


def test_registration_accepted_after_minimum_time(client, platform_sites):
    response = register(client, registration_data("lectrice@example.org"))
    assert response.status_code == 302
    assert get_user_model().objects.filter(email="lectrice@example.org").exists()


def test_registration_page_view_accepted(client, platform_sites):
    response = register(
        client,
        registration_data("lecteur@example.org", prefix=""),
        path="/boutique/accounts/register/",
    )
    assert response.status_code == 302
    assert get_user_model().objects.filter(email="lecteur@example.org").exists()


def test_registration_with_honeypot_rejected(client, platform_sites):
    response = register(
        client, registration_data("robot@example.org", honeypot="http://spam.example")
    )
    assert response.status_code == 200
    assert "Votre inscription n’a pas pu être acceptée" in response.content.decode()
    assert not get_user_model().objects.filter(email="robot@example.org").exists()


def test_registration_sent_too_fast_rejected(client, platform_sites):
    response = register(client, registration_data("rapide@example.org", started=sign_form_start()))
    assert response.status_code == 200
    assert "envoyé trop vite" in response.content.decode()
    assert not get_user_model().objects.filter(email="rapide@example.org").exists()


@pytest.mark.parametrize("started", ["", "1700000000", "forged:token"])
def test_registration_without_valid_start_rejected(client, platform_sites, started):
    response = register(client, registration_data("sans@example.org", started=started))
    assert response.status_code == 200, started
    assert not get_user_model().objects.filter(email="sans@example.org").exists(), started


def test_login_posts_rate_limited(client, platform_sites, settings):
    settings.PUBLIC_FORM_RATE_LIMITS = [("/boutique/accounts/login/", "3/m")]
    data = {"login-username": "x@example.org", "login-password": "wrong", "login_submit": "1"}
    statuses = [
        client.post(
            "/boutique/accounts/login/", data, HTTP_HOST=MUSEES, REMOTE_ADDR="203.0.113.30"
        ).status_code
        for _attempt in range(4)
    ]
    assert statuses[:3] == [200, 200, 200]
    assert statuses[3] == 429


def test_rate_limit_message_in_french(client, platform_sites, settings):
    settings.PUBLIC_FORM_RATE_LIMITS = [("/boutique/basket/", "1/m")]
    for _attempt in range(2):
        response = client.post(
            "/boutique/basket/", {}, HTTP_HOST=MUSEES, REMOTE_ADDR="203.0.113.31"
        )
    assert response.status_code == 429
    assert "Ce formulaire a été envoyé trop de fois" in response.content.decode()


def test_rate_limit_counts_per_address(client, platform_sites, settings):
    settings.PUBLIC_FORM_RATE_LIMITS = [("/boutique/accounts/login/", "1/m")]
    data = {"login-username": "x@example.org", "login-password": "wrong", "login_submit": "1"}
    first = client.post("/boutique/accounts/login/", data, HTTP_HOST=MUSEES, REMOTE_ADDR="203.0.113.40")
    other = client.post("/boutique/accounts/login/", data, HTTP_HOST=MUSEES, REMOTE_ADDR="203.0.113.41")
    assert first.status_code == 200
    assert other.status_code == 200


def test_get_requests_not_rate_limited(client, platform_sites, settings):
    settings.PUBLIC_FORM_RATE_LIMITS = [("/boutique/", "1/m")]
    statuses = {
        client.get("/boutique/catalogue/", HTTP_HOST=MUSEES, REMOTE_ADDR="203.0.113.50").status_code
        for _attempt in range(3)
    }
    assert statuses == {200}


def test_default_limits_cover_every_shop_post_form(settings):
    from sites.security.public_forms import matching_rate

    for path in (
        "/boutique/accounts/login/",
        "/boutique/accounts/register/",
        "/boutique/password-reset/",
        "/boutique/basket/add/1/",
        "/boutique/basket/vouchers/add/",
        "/boutique/accounts/addresses/add/",
    ):
        assert matching_rate(path) is not None, path
