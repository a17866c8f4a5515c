import re

import pytest

pytestmark = pytest.mark.django_db

SITE_LANGUAGES = {
    "musees.localhost": ["fr", "en"],
    "memorial.localhost": ["fr", "en", "de"],
    "archives.localhost": ["fr"],
    "tourisme.localhost": ["fr", "en", "de", "nl"],
}
ALL_LANGUAGES = ["fr", "en", "de", "nl"]


def home_path(language):
    return "/" if language == "fr" else f"/{language}/"


def test_each_site_serves_its_languages(client, built_sites):
    for host, languages in SITE_LANGUAGES.items():
        for language in languages:
            response = client.get(home_path(language), HTTP_HOST=host)
            assert response.status_code == 200, (host, language)
            assert f'<html lang="{language}"' in response.content.decode(), (host, language)


def test_other_languages_answer_not_found(client, built_sites):
    for host, languages in SITE_LANGUAGES.items():
        for language in set(ALL_LANGUAGES) - set(languages):
            response = client.get(home_path(language), HTTP_HOST=host)
            assert response.status_code == 404, (host, language)
            body = response.content.decode()
            assert "Ce site n'est pas publié en" in body, (host, language)


def test_switcher_lists_only_site_languages(client, built_sites):
    for host, languages in SITE_LANGUAGES.items():
        body = client.get("/", HTTP_HOST=host).content.decode()
        switcher = re.search(r'<nav class="language-switcher".*?</nav>', body, re.S)
        if len(languages) == 1:
            assert switcher is None, host
            continue
        offered = set(re.findall(r'lang="(\w\w)"', switcher.group(0)))
        assert offered == set(languages), host


def test_hreflang_lists_translated_site_languages(client, built_sites):
    body = client.get("/", HTTP_HOST="memorial.localhost").content.decode()
    hreflangs = re.findall(r'<link rel="alternate" hreflang="(\w\w)"', body)
    assert sorted(hreflangs) == ["de", "en", "fr"]


def test_untranslated_page_links_french(client, built_sites):
    # "Informations pratiques" exists in French only on the musées site.
    response = client.get("/en/informations-pratiques/", HTTP_HOST="musees.localhost")
    body = response.content.decode()
    assert response.status_code == 404
    assert "This page is not available in English yet" in body
    assert 'href="/informations-pratiques/"' in body


def test_switcher_marks_untranslated_page(client, built_sites):
    body = client.get("/informations-pratiques/", HTTP_HOST="musees.localhost").content.decode()
    assert 'href="/en/informations-pratiques/"' in body
    assert "(pas encore traduite)" in body


def test_translated_page_served_in_english(client, built_sites):
    response = client.get("/en/visit/musee-antoine-vivenel/", HTTP_HOST="musees.localhost")
    body = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Antoine Vivenel Museum</h1>" in body
    assert "Skip to main content" in body


def test_german_interface_strings(client, built_sites):
    body = client.get("/de/", HTTP_HOST="tourisme.localhost").content.decode()
    assert "Zum Hauptinhalt springen" in body
    assert "Website durchsuchen" in body


def test_dutch_interface_strings(client, built_sites):
    body = client.get("/nl/", HTTP_HOST="tourisme.localhost").content.decode()
    assert "Naar de hoofdinhoud" in body


def test_sitemap_lists_only_site_languages(client, built_sites):
    body = client.get("/sitemap.xml", HTTP_HOST="memorial.localhost").content.decode()
    locations = re.findall(r"<loc>(.*?)</loc>", body)
    assert "http://memorial.localhost/" in locations
    assert "http://memorial.localhost/de/" in locations
    assert not any("/nl/" in location for location in locations)
    assert not any("musees.localhost" in location for location in locations)
    assert 'hreflang="de"' in body


def test_french_site_sitemap_has_no_alternates(client, built_sites):
    body = client.get("/sitemap.xml", HTTP_HOST="archives.localhost").content.decode()
    assert "<loc>http://archives.localhost/consulter/</loc>" in body
    assert "hreflang" not in body


def test_admin_login_in_french(client, platform_sites):
    response = client.get("/admin/login/", HTTP_HOST="musees.localhost")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="fr"' in body
    assert "Nom d’utilisateur" in body
