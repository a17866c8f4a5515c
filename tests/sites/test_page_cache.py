"""Front-end cache of anonymous pages: hits, isolation, purges, and what is never cached."""

import pytest
from django.core.cache import cache
from django.utils.cache import cc_delim_re

from sites.cache import CACHE_STATUS_HEADER
from sites.models import ContentPage, ImportRun

pytestmark = pytest.mark.django_db

MUSEES = "musees.localhost"
TOURISME = "tourisme.localhost"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PLATFORM_PAGE_CACHE = True
    cache.clear()
    yield
    cache.clear()


def cache_status(response):
    return response.headers.get(CACHE_STATUS_HEADER)


def vary_fields(response):
    return {field.lower() for field in cc_delim_re.split(response.get("Vary", "")) if field}


def publish_new_title(page, title, django_capture_on_commit_callbacks):
    page.title = title
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()


def test_second_request_is_hit_without_queries(client, built_sites, django_assert_num_queries):
    first = client.get("/visiter/", HTTP_HOST=MUSEES)
    assert first.status_code == 200
    assert cache_status(first) == "MISS"

    with django_assert_num_queries(0):
        second = client.get("/visiter/", HTTP_HOST=MUSEES)
    assert second.status_code == 200
    assert cache_status(second) == "HIT"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Language"] == "fr"


def test_hit_headers_vary_on_cookie_only(client, built_sites):
    first = client.get("/en/", HTTP_HOST=MUSEES)
    second = client.get("/en/", HTTP_HOST=MUSEES)
    for response in (first, second):
        assert "cookie" in vary_fields(response)
        # The language comes from the URL prefix, never from Accept-Language.
        assert "accept-language" not in vary_fields(response)
        assert not response.cookies
    assert int(second["Age"]) >= 0


def test_sites_do_not_share_entries(client, built_sites):
    musees = client.get("/", HTTP_HOST=MUSEES)
    tourisme = client.get("/", HTTP_HOST=TOURISME)
    assert cache_status(musees) == "MISS"
    assert cache_status(tourisme) == "MISS"
    assert musees.content != tourisme.content
    assert 'class="site-tourisme"' in client.get("/", HTTP_HOST=TOURISME).content.decode()
    assert 'class="site-musees"' in client.get("/", HTTP_HOST=MUSEES).content.decode()


def test_languages_do_not_share_entries(client, built_sites):
    french = client.get("/", HTTP_HOST=MUSEES)
    english = client.get("/en/", HTTP_HOST=MUSEES)
    assert cache_status(english) == "MISS"
    assert '<html lang="fr"' in french.content.decode()
    assert '<html lang="en"' in english.content.decode()
    assert '<html lang="en"' in client.get("/en/", HTTP_HOST=MUSEES).content.decode()
    # Accept-Language neither picks the language nor another entry.
    german_browser = client.get("/", HTTP_HOST=MUSEES, HTTP_ACCEPT_LANGUAGE="de")
    assert cache_status(german_browser) == "HIT"
    assert '<html lang="fr"' in german_browser.content.decode()


def test_publish_purges_site(client, built_sites, django_capture_on_commit_callbacks):
    client.get("/visiter/", HTTP_HOST=MUSEES)
    client.get("/", HTTP_HOST=MUSEES)
    publish_new_title(
        ContentPage.objects.get(slug="visiter", locale__language_code="fr"),
        "Visiter les musées aujourd'hui",
        django_capture_on_commit_callbacks,
    )

    page = client.get("/visiter/", HTTP_HOST=MUSEES)
    assert cache_status(page) == "MISS"
    assert "Visiter les musées aujourd&#x27;hui" in page.content.decode()
    # The home page's menu shows the new title too, so the whole site is purged.
    assert cache_status(client.get("/", HTTP_HOST=MUSEES)) == "MISS"


def test_publish_keeps_other_sites(client, built_sites, django_capture_on_commit_callbacks):
    client.get("/", HTTP_HOST=TOURISME)
    publish_new_title(
        ContentPage.objects.get(slug="visiter", locale__language_code="fr"),
        "Visiter",
        django_capture_on_commit_callbacks,
    )
    assert cache_status(client.get("/", HTTP_HOST=TOURISME)) == "HIT"


def test_unpublish_purges_site(client, built_sites, django_capture_on_commit_callbacks):
    assert client.get("/informations-pratiques/", HTTP_HOST=MUSEES).status_code == 200
    page = ContentPage.objects.get(slug="informations-pratiques", locale__language_code="fr")
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert client.get("/informations-pratiques/", HTTP_HOST=MUSEES).status_code == 404


def test_delete_purges_site(client, built_sites, django_capture_on_commit_callbacks):
    assert client.get("/informations-pratiques/", HTTP_HOST=MUSEES).status_code == 200
    page = ContentPage.objects.get(slug="informations-pratiques", locale__language_code="fr")
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert client.get("/informations-pratiques/", HTTP_HOST=MUSEES).status_code == 404


def test_move_purges_site(client, built_sites, django_capture_on_commit_callbacks):
    assert client.get("/informations-pratiques/", HTTP_HOST=MUSEES).status_code == 200
    page = ContentPage.objects.get(slug="informations-pratiques", locale__language_code="fr")
    new_parent = ContentPage.objects.get(slug="visiter", locale__language_code="fr")
    with django_capture_on_commit_callbacks(execute=True):
        page.move(new_parent, pos="last-child")
    # Wagtail redirects the old address to the new one rather than serving the cached page.
    old_address = client.get("/informations-pratiques/", HTTP_HOST=MUSEES)
    assert old_address.status_code == 301
    moved = client.get("/visiter/informations-pratiques/", HTTP_HOST=MUSEES)
    assert moved.status_code == 200


def test_import_run_purges_every_site(client, built_sites, django_capture_on_commit_callbacks):
    from django.utils import timezone

    from sites.importing import ImportReport

    client.get("/", HTTP_HOST=MUSEES)
    client.get("/", HTTP_HOST=TOURISME)
    with django_capture_on_commit_callbacks(execute=True):
        ImportRun.record("tourinsoft:test", ImportReport(), timezone.now())
    assert cache_status(client.get("/", HTTP_HOST=MUSEES)) == "MISS"
    assert cache_status(client.get("/", HTTP_HOST=TOURISME)) == "MISS"


def test_settings_save_purges_site(client, built_sites, django_capture_on_commit_callbacks):
    from sites.models import SiteBranding

    client.get("/", HTTP_HOST=MUSEES)
    branding = SiteBranding.for_site(built_sites["musees"].site)
    branding.tagline = "Trois musées, une ville"
    with django_capture_on_commit_callbacks(execute=True):
        branding.save()
    response = client.get("/", HTTP_HOST=MUSEES)
    assert cache_status(response) == "MISS"


def test_logged_in_user_never_cached(client, built_sites, django_user_model):
    client.get("/visiter/", HTTP_HOST=MUSEES)
    user = django_user_model.objects.create_user("visitor", "visitor@example.org", "x" * 12)
    client.force_login(user)
    for _ in range(2):
        response = client.get("/visiter/", HTTP_HOST=MUSEES)
        assert response.status_code == 200
        assert cache_status(response) is None


def test_draft_view_not_cached_nor_leaked(client, built_sites, django_user_model):
    page = ContentPage.objects.get(slug="visiter", locale__language_code="fr")
    client.get("/visiter/", HTTP_HOST=MUSEES)
    page.title = "Titre du brouillon"
    page.save_revision()

    admin = django_user_model.objects.create_superuser("editor", "editor@example.org", "x" * 12)
    client.force_login(admin)
    draft = client.get(f"/admin/pages/{page.pk}/view_draft/", HTTP_HOST=MUSEES)
    assert draft.status_code == 200
    assert "Titre du brouillon" in draft.content.decode()
    assert cache_status(draft) is None

    client.logout()
    live = client.get("/visiter/", HTTP_HOST=MUSEES)
    assert cache_status(live) == "HIT"
    assert "Titre du brouillon" not in live.content.decode()


def test_basket_cookie_bypasses_cache(client, built_sites):
    client.get("/visiter/", HTTP_HOST=MUSEES)
    client.cookies["oscar_open_basket"] = "1:signature"
    response = client.get("/visiter/", HTTP_HOST=MUSEES)
    assert response.status_code == 200
    assert cache_status(response) is None


def test_shop_never_cached(client, built_sites):
    for _ in range(2):
        response = client.get("/boutique/catalogue/", HTTP_HOST=MUSEES)
        assert response.status_code == 200
        assert cache_status(response) is None


def test_post_never_cached(client, built_sites):
    client.get("/visiter/", HTTP_HOST=MUSEES)
    response = client.post("/visiter/", HTTP_HOST=MUSEES)
    assert cache_status(response) is None


@pytest.mark.urls("tests.sites.page_cache_urls")
def test_csrf_token_page_never_cached(client, built_sites):
    for _ in range(2):
        response = client.get("/test-form/", HTTP_HOST=MUSEES)
        assert response.status_code == 200
        assert cache_status(response) is None
        assert "csrftoken" in response.cookies


@pytest.mark.urls("tests.sites.page_cache_urls")
def test_private_cache_control_never_cached(client, built_sites):
    for _ in range(2):
        response = client.get("/test-private/", HTTP_HOST=MUSEES)
        assert cache_status(response) is None


def test_not_found_never_cached(client, built_sites):
    for _ in range(2):
        response = client.get("/nulle-part/", HTTP_HOST=MUSEES)
        assert response.status_code == 404
        assert cache_status(response) is None


def test_disabled_by_setting(client, built_sites, settings):
    settings.PLATFORM_PAGE_CACHE = False
    for _ in range(2):
        assert cache_status(client.get("/", HTTP_HOST=MUSEES)) is None


def test_hit_keeps_csp_nonce_of_html(client, built_sites):
    import re

    first = client.get("/visiter/", HTTP_HOST=MUSEES)
    second = client.get("/visiter/", HTTP_HOST=MUSEES)

    assert cache_status(second) == "HIT"
    html_nonces = set(re.findall(r'nonce="([^"]+)"', second.content.decode()))
    assert len(html_nonces) == 1
    header_nonce = re.search(r"'nonce-([^']+)'", second["Content-Security-Policy"]).group(1)
    assert html_nonces == {header_nonce}
    assert first["Content-Security-Policy"] == second["Content-Security-Policy"]
