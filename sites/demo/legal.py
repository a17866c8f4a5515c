"""Legal pages of each site: legal notice, personal data and accessibility statement.

The structure follows what French law asks of public bodies' sites (loi pour la confiance dans
l'économie numérique for the legal notice, RGPD articles 13 and 14 for personal data, RGAA 4.1
for the accessibility statement). Names of officials and hosting details are placeholders that
the institutions fill in.
"""

from sites.demo.blocks import heading, paragraphs
from sites.models import LegalPage


def legal_notice(branding):
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


def privacy_notice(branding):
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


def accessibility_statement(branding):
    return [
        paragraphs(
            f"{branding['organisation_name']} s'engage à rendre ce site accessible "
            "conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005.",
        ),
        heading("État de conformité"),
        paragraphs(
            "Ce site est non conforme au référentiel général d'amélioration de "
            "l'accessibilité (RGAA 4.1) : aucun audit complet n'a encore été réalisé.",
        ),
        heading("Contenus non accessibles"),
        paragraphs(
            "Certains documents numérisés anciens (registres, presse) sont des images sans "
            "transcription ; les transcriptions sont produites progressivement.",
        ),
        heading("Établissement de cette déclaration"),
        paragraphs(
            "Cette déclaration a été établie lors de la mise en ligne du site. Les pages "
            "d'accueil, de contenu, de listes et de notices sont vérifiées automatiquement "
            "avec un navigateur à chaque modification du code.",
        ),
        heading("Retour d'information et contact"),
        paragraphs(
            "Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez à "
            f"{branding['email']} pour être orienté vers une alternative accessible ou obtenir "
            "le contenu sous une autre forme.",
        ),
        heading("Voies de recours"),
        paragraphs(
            "Si vous nous avez signalé un défaut d'accessibilité sans obtenir de réponse "
            "satisfaisante, vous pouvez écrire au Défenseur des droits, le contacter par le "
            "formulaire de son site, ou vous adresser à son délégué dans votre région.",
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
