"""Legal pages of each site: legal notice, personal data and accessibility statement.

The structure follows what French law asks of public bodies' sites (loi pour la confiance dans
l'économie numérique for the legal notice, RGPD articles 13 and 14 for personal data, RGAA 4.1
for the accessibility statement). Names of officials and hosting details are placeholders that
the institutions fill in.
"""

from django.conf import settings
from django.utils.html import escape

from sites.demo.blocks import heading, paragraphs
from sites.models import LegalPage


def legal_notice(site_key, branding):
    return [
        heading("Éditeur du site"),
        paragraphs(
            f"{branding['organisation_name']}, {branding['street_address']}, "
            f"{branding['postal_code']} Compiègne. Téléphone : {branding['phone']}.",
            "Directeur ou directrice de la publication : à compléter par l'établissement.",
        ),
        heading("Hébergement"),
        paragraphs("Hébergeur : à compléter (raison sociale, adresse et téléphone)."),
        heading("Propriété intellectuelle"),
        paragraphs(
            "Les textes de ce site sont publiés sous Licence Ouverte 2.0, sauf mention "
            "contraire. Les photographies restent la propriété de leurs auteurs : leur crédit "
            "et leurs conditions de réutilisation sont indiqués à côté de chaque image.",
            "Les notices issues de bases nationales (Joconde, Archives nationales) gardent la "
            "licence de leur source, rappelée sur chaque notice.",
        ),
    ]


def privacy_notice(site_key, branding):
    return [
        heading("Ce que nous collectons"),
        paragraphs(
            "La consultation du site ne dépose aucun cookie de mesure d'audience ni de "
            "publicité. Les seuls cookies sont techniques : la session, la protection contre "
            "les requêtes frauduleuses et, sur la boutique, le panier.",
            "Les formulaires ne demandent que les données nécessaires à la demande : une "
            "adresse électronique pour vous répondre, un nom pour une réservation.",
        ),
        heading("Durées de conservation"),
        paragraphs(
            "Les messages envoyés par les formulaires sont conservés un an, les commandes de "
            "la boutique dix ans pour les obligations comptables, les journaux techniques du "
            "serveur six mois.",
        ),
        heading("Vos droits"),
        paragraphs(
            "Vous pouvez accéder à vos données, les faire rectifier ou effacer, et vous "
            f"opposer à leur traitement en écrivant à {branding['email']}. Si la réponse ne "
            "vous satisfait pas, vous pouvez saisir la Commission nationale de l'informatique "
            "et des libertés (CNIL).",
        ),
    ]


# Pages of each site that the automated browser checks cover (tests/browser), in every language
# the site publishes.
COMMON_CHECKED_PAGES = [
    "la page d'accueil",
    "une page de contenu",
    "les mentions légales",
    "la présente déclaration",
    "la page de résultats de recherche",
    "la page « page introuvable » (erreur 404)",
]
SITE_CHECKED_PAGES = {
    "musees": [
        "la liste du catalogue des collections",
        "une notice d'objet",
        "la boutique : catalogue, fiche produit et panier (vide et avec un article)",
    ],
    "memorial": [
        "la liste des convois",
        "la page d'un convoi",
        "la page des personnalités",
    ],
    "archives": [
        "la liste des inventaires",
        "un inventaire",
        "une unité de description d'un inventaire",
    ],
    "tourisme": [
        "la liste des offres touristiques",
        "la liste des offres d'un type",
        "la fiche d'une offre",
    ],
}

DEFENDER_OF_RIGHTS_FORM = "https://formulaire.defenseurdesdroits.fr/"


def rich_text(html):
    """Return a rich-text block from HTML whose variable parts the caller has escaped."""
    return {"type": "paragraph", "value": html}


def html_list(items):
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def accessibility_statement(site_key, branding):
    """Build an accessibility statement on the model of RGAA 4.1, without an audit rate.

    No RGAA audit has been made, so the status is "non conforme", which RGAA 4.1 requires when
    there is no valid audit result. The statement says what the automated checks cover and what
    they miss.
    """
    organisation = branding["organisation_name"]
    hostname = settings.PLATFORM_SITES[site_key]["hostname"]
    email = escape(branding["email"])
    checked_pages = COMMON_CHECKED_PAGES + SITE_CHECKED_PAGES[site_key]
    return [
        paragraphs(
            f"{organisation} s'engage à rendre son site internet accessible conformément à "
            "l'article 47 de la loi n° 2005-102 du 11 février 2005.",
            f"Cette déclaration d'accessibilité s'applique au site {hostname}.",
        ),
        heading("État de conformité"),
        paragraphs(
            f"Le site {hostname} est non conforme avec le référentiel général d'amélioration de "
            "l'accessibilité (RGAA), version 4.1 : aucun audit de conformité n'a encore été "
            "réalisé, ni par un organisme extérieur ni en interne.",
        ),
        heading("Résultats des tests"),
        paragraphs(
            "Faute d'audit, aucun taux de conformité aux critères du RGAA n'a été mesuré.",
            "Les pages listées plus bas sont vérifiées automatiquement à chaque modification du "
            "code du site, dans chaque langue publiée, avec le moteur axe-core et ses règles "
            "WCAG 2.0 et 2.1 de niveaux A et AA : ces vérifications ne relèvent aucune erreur. "
            "Elles ne couvrent qu'une partie des critères du RGAA : la pertinence des textes "
            "alternatifs, des titres et des intitulés de liens, l'ordre de lecture et la "
            "restitution par les lecteurs d'écran demandent une vérification humaine, qui n'a "
            "pas encore été faite.",
            "Des tests automatiques vérifient aussi l'usage au clavier seul : lien d'évitement, "
            "menu principal, choix de la langue, formulaire de recherche et ajout d'un article "
            "au panier de la boutique, avec un indicateur de focus visible. Ils vérifient enfin "
            "qu'à 320 pixels de large, chaque type de page s'affiche sans défilement horizontal, "
            "hors tableaux de données.",
        ),
        heading("Contenus non accessibles"),
        heading("Non-conformités", level="h3"),
        paragraphs(
            "Certains documents numérisés anciens (registres, presse) sont des images sans "
            "transcription ; les transcriptions sont produites progressivement.",
            "Dans les langues autres que le français, les textes qui ne sont pas encore "
            "traduits s'affichent en français sans que leur langue soit indiquée aux "
            "technologies d'assistance.",
        ),
        heading("Dérogations pour charge disproportionnée", level="h3"),
        paragraphs("Aucune dérogation n'est invoquée."),
        heading("Contenus non soumis à l'obligation d'accessibilité", level="h3"),
        paragraphs(
            "Aucun contenu du site n'est exclu du champ de l'obligation d'accessibilité.",
        ),
        heading("Établissement de cette déclaration"),
        paragraphs("Cette déclaration a été établie le 4 décembre 2026."),
        heading("Technologies utilisées pour la réalisation du site", level="h3"),
        rich_text(html_list(["HTML5", "CSS", "JavaScript", "WAI-ARIA"])),
        heading("Environnement de test", level="h3"),
        paragraphs(
            "Les vérifications automatiques utilisent le navigateur Chromium sous Linux (Debian), "
            "piloté par Playwright. Aucune technologie d'assistance (lecteur d'écran, loupe, "
            "commande vocale) n'a encore été utilisée pour tester le site.",
        ),
        heading("Outils pour évaluer l'accessibilité", level="h3"),
        rich_text(html_list(["axe-core 4.14 (Deque Systems)", "Playwright"])),
        heading("Pages du site ayant fait l'objet de la vérification de conformité", level="h3"),
        rich_text(html_list(checked_pages)),
        heading("Retour d'information et contact"),
        rich_text(
            "<p>Si vous n'arrivez pas à accéder à un contenu ou à un service, vous pouvez "
            "contacter le responsable du site pour être orienté vers une alternative accessible "
            "ou obtenir le contenu sous une autre forme :</p>"
            + "<ul>"
            + f'<li>par courriel : <a href="mailto:{email}">{email}</a> ;</li>'
            + f"<li>par courrier : {escape(organisation)}, {escape(branding['street_address'])}, "
            + f"{escape(branding['postal_code'])} Compiègne ;</li>"
            + f"<li>par téléphone : {escape(branding['phone'])}.</li>"
            + "</ul>"
        ),
        heading("Voies de recours"),
        rich_text(
            "<p>Cette procédure est à utiliser dans le cas suivant : vous avez signalé au "
            "responsable du site un défaut d'accessibilité qui vous empêche d'accéder à un "
            "contenu ou à un des services du site, et vous n'avez pas obtenu de réponse "
            "satisfaisante.</p>"
            "<ul>"
            f'<li>Écrire un message au Défenseur des droits : <a href="{DEFENDER_OF_RIGHTS_FORM}">'
            "formulaire en ligne du Défenseur des droits</a> ;</li>"
            "<li>Contacter le délégué du Défenseur des droits dans votre région ;</li>"
            "<li>Envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : "
            "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</li>"
            "</ul>"
        ),
    ]


LEGAL_PAGES = [
    ("mentions-legales", "Mentions légales", LegalPage.Kind.LEGAL_NOTICE, legal_notice),
    ("donnees-personnelles", "Données personnelles", LegalPage.Kind.PRIVACY, privacy_notice),
    (
        "accessibilite",
        "Déclaration d'accessibilité",
        LegalPage.Kind.ACCESSIBILITY,
        accessibility_statement,
    ),
]

LEGAL_TITLE_TRANSLATIONS = {
    "en": {
        "Mentions légales": "Legal notice",
        "Données personnelles": "Personal data",
        "Déclaration d'accessibilité": "Accessibility statement",
    },
    "de": {
        "Mentions légales": "Impressum",
        "Données personnelles": "Datenschutz",
        "Déclaration d'accessibilité": "Erklärung zur Barrierefreiheit",
    },
    "nl": {
        "Mentions légales": "Juridische informatie",
        "Données personnelles": "Persoonsgegevens",
        "Déclaration d'accessibilité": "Toegankelijkheidsverklaring",
    },
}
