import json
import re

import pytest

pytestmark = pytest.mark.django_db


def test_page_has_description_and_open_graph(client, built_sites):
    body = client.get("/visiter/musee-antoine-vivenel/", HTTP_HOST="musees.localhost").content.decode()
    assert '<meta name="description" content="Le musée Antoine Vivenel : histoire' in body
    assert '<meta property="og:title" content="Musée Antoine Vivenel">' in body
    assert '<meta property="og:locale" content="fr">' in body
    assert (
        '<link rel="canonical" href="http://musees.localhost/visiter/musee-antoine-vivenel/">'
        in body
    )


def test_organisation_json_ld(client, built_sites):
    body = client.get("/", HTTP_HOST="tourisme.localhost").content.decode()
    payload = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', body, re.S)
    data = json.loads(payload.group(1))
    assert data["@type"] == "Organization"
    assert data["name"] == "Office de tourisme de l'agglomération de Compiègne"
    assert data["address"]["postalCode"] == "60200"


def test_json_ld_escapes_script_end(client, built_sites):
    from sites.models import SiteBranding

    profile = built_sites["musees"]
    branding = SiteBranding.for_site(profile.site)
    branding.organisation_name = "Musées</script><script>alert(1)</script>"
    branding.save()
    body = client.get("/", HTTP_HOST="musees.localhost").content.decode()
    assert "</script><script>alert(1)" not in body
    assert "\\u003c/script\\u003e" in body


def test_robots_txt_points_to_site_sitemap(client, platform_sites):
    response = client.get("/robots.txt", HTTP_HOST="archives.localhost")
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://archives.localhost/sitemap.xml" in body


def test_legal_links_in_footer(client, built_sites):
    body = client.get("/", HTTP_HOST="memorial.localhost").content.decode()
    footer = body[body.index('<footer class="site-footer">') :]
    assert 'href="/mentions-legales/"' in footer
    assert 'href="/donnees-personnelles/"' in footer
    assert 'href="/accessibilite/"' in footer


def test_footer_legal_links_translated(client, built_sites):
    body = client.get("/de/", HTTP_HOST="memorial.localhost").content.decode()
    assert ">Erklärung zur Barrierefreiheit</a>" in body


def test_no_request_to_outside_host(client, built_sites):
    body = client.get("/", HTTP_HOST="musees.localhost").content.decode()
    sources = re.findall(r'<(?:link|script|img)[^>]+(?:href|src)="([^"]+)"', body)
    outside = [
        source
        for source in sources
        if source.startswith(("http://", "https://", "//"))
        and not source.startswith("http://musees.localhost")
    ]
    assert outside == []
