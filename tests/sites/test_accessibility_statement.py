"""Each site's accessibility statement follows the RGAA 4.1 model, and every footer links to it."""

import re

import lxml.html
import pytest
from django.conf import settings

from sites.demo.content import BRANDING
from sites.models import AccessibilityStatus, SiteBranding

pytestmark = pytest.mark.django_db

# Sections of the RGAA 4.1 model statement, as the demo titles them.
REQUIRED_SECTIONS = {
    "h2": [
        "État de conformité",
        "Résultats des tests",
        "Contenus non accessibles",
        "Établissement de cette déclaration",
        "Retour d'information et contact",
        "Voies de recours",
    ],
    "h3": [
        "Non-conformités",
        "Dérogations pour charge disproportionnée",
        "Contenus non soumis à l'obligation d'accessibilité",
        "Technologies utilisées pour la réalisation du site",
        "Environnement de test",
        "Outils pour évaluer l'accessibilité",
        "Pages du site ayant fait l'objet de la vérification de conformité",
    ],
}

SITE_KEYS = list(settings.PLATFORM_SITES)


def get_main(client, host, path):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, (host, path, response.status_code)
    document = lxml.html.fromstring(response.content.decode())
    return document, document.find(".//main")


def footer_status_link(document):
    links = document.findall(".//footer//p[@class='site-footer__accessibility']/a")
    assert len(links) == 1, "the footer must state the accessibility status exactly once"
    return links[0]


@pytest.mark.parametrize("site_key", SITE_KEYS)
def test_statement_has_rgaa_sections(client, built_sites, hosts, site_key):
    _document, main = get_main(client, hosts[site_key], "/accessibilite/")

    for level, titles in REQUIRED_SECTIONS.items():
        found = [element.text_content().strip() for element in main.iter(level)]
        for title in titles:
            assert title in found, f"{site_key}: missing {level} « {title} »"


@pytest.mark.parametrize("site_key", SITE_KEYS)
def test_statement_names_entity_status_and_contact(client, built_sites, hosts, site_key):
    _document, main = get_main(client, hosts[site_key], "/accessibilite/")
    text = " ".join(main.text_content().split())
    branding = BRANDING[site_key]

    assert branding["organisation_name"] in text
    assert f"s'applique au site {hosts[site_key]}" in text
    assert "est non conforme avec le référentiel général d'amélioration" in text
    assert "aucun audit de conformité n'a encore été réalisé" in text
    assert f"mailto:{branding['email']}" in [link.get("href") for link in main.iter("a")]


@pytest.mark.parametrize("site_key", SITE_KEYS)
def test_statement_claims_no_conformance_rate(client, built_sites, hosts, site_key):
    _document, main = get_main(client, hosts[site_key], "/accessibilite/")
    text = main.text_content()

    assert re.search(r"\d\s*%", text) is None


@pytest.mark.parametrize("site_key", SITE_KEYS)
def test_statement_gives_defender_of_rights(client, built_sites, hosts, site_key):
    _document, main = get_main(client, hosts[site_key], "/accessibilite/")
    text = " ".join(main.text_content().split())

    assert "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07" in text
    assert "https://formulaire.defenseurdesdroits.fr/" in [
        link.get("href") for link in main.iter("a")
    ]


def test_statement_lists_checked_pages_of_site(client, built_sites, hosts):
    _document, main = get_main(client, hosts["archives"], "/accessibilite/")
    text = main.text_content()

    assert "la liste des inventaires" in text
    assert "une notice d'objet" not in text


@pytest.mark.parametrize("site_key", SITE_KEYS)
def test_footer_states_status_with_link(client, built_sites, hosts, site_key):
    document, _main = get_main(client, hosts[site_key], "/")

    link = footer_status_link(document)

    assert link.text_content() == "Accessibilité : non conforme"
    assert link.get("href") == "/accessibilite/"


def test_footer_status_in_page_language(client, built_sites, hosts):
    document, _main = get_main(client, hosts["memorial"], "/de/")

    link = footer_status_link(document)

    assert link.text_content() == "Barrierefreiheit: nicht konform"
    assert link.get("href") == "/de/accessibilite/"


def test_footer_status_follows_setting(client, built_sites, hosts):
    site = built_sites["tourisme"].site
    branding = SiteBranding.for_site(site)
    branding.accessibility_status = AccessibilityStatus.PARTIALLY_COMPLIANT
    branding.save()

    document, _main = get_main(client, hosts["tourisme"], "/nl/")

    assert footer_status_link(document).text_content() == (
        "Toegankelijkheid: gedeeltelijk conform"
    )


def test_shop_footer_states_status(client, built_sites, hosts):
    document, _main = get_main(client, hosts["musees"], "/boutique/catalogue/")

    assert footer_status_link(document).text_content() == "Accessibilité : non conforme"
