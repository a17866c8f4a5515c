"""Security settings of production, and sessions and CSRF on two hosts at once."""

import json
import os
import subprocess
import sys
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from django.test import Client

from tests.security.conftest import STAFF_PASSWORD

ROOT = Path(__file__).resolve().parent.parent.parent

PRODUCTION_ENVIRONMENT = {
    "SECRET_KEY": "a-long-random-production-key-for-this-test-only-0123456789abcdef",
    "DATABASE_URL": "postgres://platform@127.0.0.1:5432/platform",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "MEDIA_ROOT": "/tmp/platform-media",
    "WAGTAILADMIN_BASE_URL": "https://musees-compiegne.fr",
    "EMAIL_HOST": "127.0.0.1",
    "DEFAULT_FROM_EMAIL": "contact@musees-compiegne.fr",
    "MUSEES_HOST": "musees-compiegne.fr",
    "MEMORIAL_HOST": "memorial-compiegne.fr",
    "ARCHIVES_HOST": "archives.agglo-compiegne.fr",
    "TOURISME_HOST": "compiegne-tourisme.fr",
}

PRINTED_SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "SESSION_COOKIE_DOMAIN",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_SAMESITE",
    "CSRF_COOKIE_DOMAIN",
    "CSRF_TRUSTED_ORIGINS",
    "ALLOWED_HOSTS",
    "X_FRAME_OPTIONS",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "STAFF_TWO_FACTOR_REQUIRED",
    "CLIENT_IP_HEADER",
    "SILENCED_SYSTEM_CHECKS",
]


def production_settings(**overrides):
    """Load sites.settings.production in a new interpreter and return the settings above."""
    script = (
        "import json, django; from django.conf import settings; django.setup(); "
        f"print(json.dumps({{name: getattr(settings, name) for name in {PRINTED_SETTINGS!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "sites.settings.production",
            **PRODUCTION_ENVIRONMENT,
            **overrides,
        },
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def production():
    return production_settings()


EXPECTED = {
    "SECURE_SSL_REDIRECT": True,
    "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
    "SECURE_HSTS_SECONDS": 31_536_000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": False,
    "SESSION_COOKIE_SECURE": True,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_DOMAIN": None,
    "CSRF_COOKIE_SECURE": True,
    "CSRF_COOKIE_SAMESITE": "Lax",
    "CSRF_COOKIE_DOMAIN": None,
    "X_FRAME_OPTIONS": "DENY",
    "SECURE_REFERRER_POLICY": "strict-origin-when-cross-origin",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY": "same-origin",
    "STAFF_TWO_FACTOR_REQUIRED": True,
    "CLIENT_IP_HEADER": "HTTP_X_REAL_IP",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_production_setting(production, name):
    assert production[name] == EXPECTED[name], name


def test_trusted_origins_are_the_four_hosts(production):
    assert production["CSRF_TRUSTED_ORIGINS"] == [
        "https://archives.agglo-compiegne.fr",
        "https://compiegne-tourisme.fr",
        "https://memorial-compiegne.fr",
        "https://musees-compiegne.fr",
    ]


def test_allowed_hosts_default_to_the_four_hosts(production):
    assert sorted(production["ALLOWED_HOSTS"]) == [
        "archives.agglo-compiegne.fr",
        "compiegne-tourisme.fr",
        "memorial-compiegne.fr",
        "musees-compiegne.fr",
    ]


def test_hsts_preload_is_opt_in():
    opted_in = production_settings(HSTS_PRELOAD="true")
    assert opted_in["SECURE_HSTS_PRELOAD"] is True
    assert "security.W021" not in opted_in.get("SILENCED_SYSTEM_CHECKS", [])


def test_hsts_boolean_rejects_typo():
    with pytest.raises(subprocess.CalledProcessError) as error:
        production_settings(HSTS_INCLUDE_SUBDOMAINS="yes")
    assert "HSTS_INCLUDE_SUBDOMAINS must be true or false" in error.value.stderr


HOSTS = ("musees.localhost", "memorial.localhost")


@pytest.fixture
def production_cookies(settings):
    """Cookie and CSRF settings of production, for HTTPS requests on the local hosts."""
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    settings.SESSION_COOKIE_SAMESITE = "Lax"
    settings.CSRF_COOKIE_SAMESITE = "Lax"
    settings.CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in HOSTS]


class HostOnlyCookieClient(Client):
    """A test client that keeps one cookie jar per host, as browsers do for host-only cookies.

    Django's test client sends every cookie to every host; browsers send a cookie without a
    Domain attribute only to the host that set it (test_cookies_are_host_only checks that
    attribute).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.jars = {}

    def request(self, **request):
        self.cookies = self.jars.setdefault(request.get("HTTP_HOST", "testserver"), SimpleCookie())
        return super().request(**request)


def admin_login(client, host, username):
    """Sign in to the Wagtail admin on one host with CSRF checks on; return the POST response."""
    form_page = client.get("/admin/login/", HTTP_HOST=host, secure=True)
    token = client.cookies["csrftoken"].value
    assert form_page.status_code == 200, host
    return client.post(
        "/admin/login/",
        {"username": username, "password": STAFF_PASSWORD, "csrfmiddlewaretoken": token},
        HTTP_HOST=host,
        HTTP_ORIGIN=f"https://{host}",
        secure=True,
    )


@pytest.mark.django_db
def test_login_on_two_hosts_in_one_client(production_cookies, make_user, platform_sites):
    make_user("regisseur", superuser=True)
    client = HostOnlyCookieClient(enforce_csrf_checks=True)

    first = admin_login(client, HOSTS[0], "regisseur")
    assert first.status_code == 302, f"login on {HOSTS[0]}"
    signed_out = client.get("/admin/", HTTP_HOST=HOSTS[1], secure=True)
    assert signed_out.status_code == 302, f"{HOSTS[1]} reused the session of {HOSTS[0]}"

    second = admin_login(client, HOSTS[1], "regisseur")
    assert second.status_code == 302, f"login on {HOSTS[1]}"
    for host in HOSTS:
        dashboard = client.get("/admin/", HTTP_HOST=host, secure=True)
        assert dashboard.status_code == 200, f"admin on {host} after both logins"
    assert client.jars[HOSTS[0]]["sessionid"].value != client.jars[HOSTS[1]]["sessionid"].value


@pytest.mark.django_db
def test_post_from_other_host_rejected(production_cookies, make_user, platform_sites):
    make_user("regisseur", superuser=True)
    client = Client(enforce_csrf_checks=True)
    client.get("/admin/login/", HTTP_HOST=HOSTS[0], secure=True)
    response = client.post(
        "/admin/login/",
        {
            "username": "regisseur",
            "password": STAFF_PASSWORD,
            "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
        },
        HTTP_HOST=HOSTS[0],
        HTTP_ORIGIN="https://attacker.example",
        secure=True,
    )
    assert response.status_code == 403


@pytest.mark.django_db
def test_cookies_are_host_only(production_cookies, make_user, platform_sites):
    make_user("regisseur", superuser=True)
    client = Client(enforce_csrf_checks=True)
    response = admin_login(client, HOSTS[1], "regisseur")

    session = response.cookies["sessionid"]
    assert session["domain"] == ""
    assert session["secure"] is True
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"
    csrf = client.cookies["csrftoken"]
    assert csrf["domain"] == ""
    assert csrf["secure"] is True
