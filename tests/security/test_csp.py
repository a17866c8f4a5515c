"""Content-Security-Policy header and nonces on the public pages and the staff interfaces."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from tests.security.conftest import parse_html

pytestmark = pytest.mark.django_db

MUSEES = "musees.localhost"


def policy_directives(response):
    header = response.headers["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.fixture
def every_page_type(platform_sites):
    """Add one index page of each app to its site, next to the editorial pages."""
    from archives.models import ArchivesIndexPage
    from memorial.models import ConvoyIndexPage, PublicFigureIndexPage
    from museums.demo import ensure_catalogue_page
    from sites.demo.pages import ensure_child_page, french_home_page
    from tourism.models import OfferIndexPage

    ensure_catalogue_page()
    for site_key, model, slug in (
        ("archives", ArchivesIndexPage, "inventaires"),
        ("memorial", ConvoyIndexPage, "convois"),
        ("memorial", PublicFigureIndexPage, "personnalites"),
        ("tourisme", OfferIndexPage, "offres"),
    ):
        ensure_child_page(french_home_page(site_key), model, slug=slug, title=slug.capitalize())
    return platform_sites


def one_live_page_per_type(sites):
    """Return one live page of each page type used by the four sites, with its host."""
    pages = {}
    for profile in sites.values():
        for page in Page.objects.live().descendant_of(profile.site.root_page, inclusive=True):
            pages.setdefault(page.content_type_id, (page, profile.site.hostname))
    return [(ContentType.objects.get_for_id(type_id).model, page, host)
            for type_id, (page, host) in sorted(pages.items())]


def inline_elements(document):
    """Return the <script> elements without src and every <style> element of a page."""
    scripts = [element for element in document.iter("script") if not element.get("src")]
    return scripts + list(document.iter("style"))


def assert_inline_elements_carry_nonce(response, label):
    nonce_sources = [
        value for value in policy_directives(response)["script-src"] if value.startswith("'nonce-")
    ]
    assert len(nonce_sources) == 1, f"{label}: script-src has no single nonce"
    nonce = nonce_sources[0][len("'nonce-"):-1]
    assert f"'nonce-{nonce}'" in policy_directives(response)["style-src"], (
        f"{label}: style-src lacks the nonce"
    )

    elements = inline_elements(parse_html(response))
    assert elements, f"{label}: no inline script or style found to check"
    for element in elements:
        assert element.get("nonce") == nonce, (
            f"{label}: <{element.tag}> without the request's nonce: "
            f"{lxml_source(element)[:120]}"
        )


def lxml_source(element):
    import lxml.html

    return lxml.html.tostring(element, encoding="unicode")


def test_public_policy_directives(client, platform_sites):
    response = client.get("/", HTTP_HOST=MUSEES)
    directives = policy_directives(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    for name in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in directives[name], f"{name} allows unsafe-inline"
        assert "'unsafe-eval'" not in directives[name], f"{name} allows unsafe-eval"


def test_public_policy_names_no_other_host(client, platform_sites):
    header = client.get("/", HTTP_HOST=MUSEES).headers["Content-Security-Policy"]
    assert not re.search(r"https?:|\*", header), header


def test_every_page_type_nonces_inline_elements(client, every_page_type):
    checked = one_live_page_per_type(every_page_type)
    assert len(checked) == 8, f"only {len(checked)} page types found"
    for model_name, page, host in checked:
        response = client.get(page.get_url(), HTTP_HOST=host)
        assert response.status_code == 200, f"{model_name} at {page.url_path}"
        assert_inline_elements_carry_nonce(response, f"{model_name} {page.url_path} on {host}")


@pytest.mark.parametrize(
    "path",
    ["/boutique/catalogue/", "/boutique/basket/", "/boutique/accounts/login/", "/recherche/?q=musee"],
)
def test_shop_and_search_nonce_inline_elements(client, platform_sites, path):
    response = client.get(path, HTTP_HOST=MUSEES, follow=True)
    assert response.status_code == 200, path
    assert_inline_elements_carry_nonce(response, path)


def test_not_found_page_nonces_inline_elements(client, platform_sites):
    response = client.get("/no-such-page/", HTTP_HOST=MUSEES)
    assert response.status_code == 404
    assert_inline_elements_carry_nonce(response, "404 page")


def test_nonce_changes_per_response(client, platform_sites):
    first = policy_directives(client.get("/", HTTP_HOST=MUSEES))["script-src"]
    second = policy_directives(client.get("/", HTTP_HOST=MUSEES))["script-src"]
    assert first != second


def test_staff_paths_get_staff_policy(client, platform_sites):
    response = client.get("/admin/login/", HTTP_HOST=MUSEES)
    directives = policy_directives(response)
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]


def test_staff_policy_does_not_leak_to_public_paths(client, platform_sites):
    directives = policy_directives(client.get("/boutique/catalogue/", HTTP_HOST=MUSEES))
    assert "'unsafe-inline'" not in directives["script-src"]


def test_admin_pages_render_under_policy(client, make_user, platform_sites):
    admin = make_user("admin-csp", superuser=True)
    client.force_login(admin)
    home = platform_sites["musees"].site.root_page
    for path in (
        "/admin/",
        f"/admin/pages/{home.pk}/edit/",
        "/admin/images/",
        "/admin/documents/",
        "/boutique/dashboard/",
        "/boutique/dashboard/catalogue/",
    ):
        response = client.get(path, HTTP_HOST=MUSEES)
        assert response.status_code == 200, path
        assert "unsafe-inline" in response.headers["Content-Security-Policy"], path
