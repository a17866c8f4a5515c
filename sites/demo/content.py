"""Editorial demo content of the four sites, written in French, with a few translations.

Public facts (names, addresses, short histories) are given as the institutions publish them.
Opening hours and prices are placeholders, marked as such on the page: the institutions confirm them
before going live. Each page is a dict: ``slug``, ``title``, ``intro``, ``description`` (search
engine description), ``body`` (StreamField data), ``children`` and ``translations`` (language
code to a mapping of French strings to translated strings).
"""

from sites.demo.blocks import accordion, call_to_action, heading, paragraphs, quote

PLACEHOLDER_HOURS = (
    "Horaires indicatifs, à confirmer par l'établissement avant publication : "
    "du mercredi au lundi, de 10 h à 13 h et de 14 h à 18 h ; fermé le mardi et les 1er janvier, "
    "1er mai, 1er novembre et 25 décembre."
)

MUSEES_PAGES = [
    {
        "slug": "visiter",
        "title": "Visiter les musées",
        "intro": (
            "Trois musées municipaux, au cœur de Compiègne, à quelques minutes à pied les uns "
            "des autres."
        ),
        "description": "Les trois musées municipaux de Compiègne : adresses, horaires et accès.",
        "body": [
            paragraphs(
                "La Ville de Compiègne gère trois musées aux collections très différentes : "
                "l'archéologie et les beaux-arts au musée Antoine Vivenel, la plus grande "
                "collection publique de figurines historiques au musée de la Figurine, et les "
                "vestiges d'une grande abbaye royale au cloître Saint-Corneille.",
                PLACEHOLDER_HOURS,
            ),
            accordion(
                "Questions fréquentes",
                [
                    (
                        "Les musées sont-ils accessibles en fauteuil roulant ?",
                        "L'accessibilité varie selon les bâtiments, qui sont anciens. Appelez "
                        "l'accueil avant votre venue : l'équipe vous indiquera les espaces "
                        "accessibles et l'aide qu'elle peut vous apporter.",
                    ),
                    (
                        "Peut-on photographier les œuvres ?",
                        "Oui, sans flash et pour un usage privé, sauf mention contraire dans "
                        "une exposition temporaire.",
                    ),
                ],
            ),
        ],
        "translations": {
            "en": {
                "Visiter les musées": "Visit the museums",
                "Trois musées municipaux, au cœur de Compiègne, à quelques minutes à pied les "
                "uns des autres.": (
                    "Three municipal museums in the heart of Compiègne, a few minutes' walk "
                    "from each other."
                ),
                "La Ville de Compiègne gère trois musées aux collections très différentes : "
                "l'archéologie et les beaux-arts au musée Antoine Vivenel, la plus grande "
                "collection publique de figurines historiques au musée de la Figurine, et les "
                "vestiges d'une grande abbaye royale au cloître Saint-Corneille.": (
                    "The town of Compiègne runs three museums with very different collections: "
                    "archaeology and fine arts at the Antoine Vivenel museum, the largest public "
                    "collection of historical figurines at the Figurine museum, and the remains "
                    "of a great royal abbey at the Saint-Corneille cloister."
                ),
                "visiter": "visit",
            }
        },
        "children": [
            {
                "slug": "musee-antoine-vivenel",
                "title": "Musée Antoine Vivenel",
                "intro": (
                    "Archéologie, beaux-arts et objets d'art, réunis à partir de la donation "
                    "d'Antoine Vivenel à sa ville natale."
                ),
                "description": "Le musée Antoine Vivenel : histoire, collections et visite.",
                "body": [
                    heading("Un musée né d'une donation"),
                    paragraphs(
                        "Antoine Vivenel (1799-1862), architecte et entrepreneur né à "
                        "Compiègne, fit don à sa ville, en 1839, des collections qu'il avait "
                        "rassemblées à Paris : antiquités, peintures, dessins et objets d'art.",
                        "Le musée occupe aujourd'hui l'hôtel de Songeons, une demeure du début "
                        "du XIXe siècle entourée d'un jardin, rue d'Austerlitz.",
                    ),
                    heading("Les collections"),
                    paragraphs(
                        "Vases grecs, antiquités égyptiennes et étrusques, archéologie régionale, "
                        "peintures et sculptures du Moyen Âge au XIXe siècle, ivoires et "
                        "émaux : les salles suivent l'histoire de l'art depuis l'Antiquité.",
                    ),
                    heading("Adresse et horaires"),
                    paragraphs("2, rue d'Austerlitz, 60200 Compiègne.", PLACEHOLDER_HOURS),
                ],
                "translations": {
                    "en": {
                        "Musée Antoine Vivenel": "Antoine Vivenel Museum",
                        "Archéologie, beaux-arts et objets d'art, réunis à partir de la "
                        "donation d'Antoine Vivenel à sa ville natale.": (
                            "Archaeology, fine arts and decorative arts, built on Antoine "
                            "Vivenel's gift to his home town."
                        ),
                        "Un musée né d'une donation": "A museum born of a gift",
                        "Les collections": "The collections",
                        "Adresse et horaires": "Address and opening hours",
                    }
                },
            },
            {
                "slug": "musee-de-la-figurine-historique",
                "title": "Musée de la Figurine historique",
                "intro": (
                    "Des soldats de plomb aux dioramas, la plus grande collection publique de "
                    "figurines historiques en France."
                ),
                "description": "Le musée de la Figurine historique : collections et visite.",
                "body": [
                    paragraphs(
                        "Ouvert en 1927, le musée conserve environ 155 000 figurines en étain, "
                        "en plomb, en carton ou en plastique, du XVIIIe siècle à nos jours.",
                        "Ses dioramas mettent en scène des épisodes de l'histoire de France, "
                        "dont une grande reconstitution de la bataille de Waterloo.",
                    ),
                    quote(
                        "Chaque figurine raconte une époque : l'uniforme, l'arme, le geste.",
                        "Texte de présentation du musée",
                    ),
                    heading("Adresse et horaires"),
                    paragraphs(
                        "28, place de l'Hôtel-de-Ville, 60200 Compiègne.", PLACEHOLDER_HOURS
                    ),
                ],
                "translations": {
                    "en": {
                        "Musée de la Figurine historique": "Historical Figurine Museum",
                        "Adresse et horaires": "Address and opening hours",
                    }
                },
            },
            {
                "slug": "cloitre-saint-corneille",
                "title": "Cloître Saint-Corneille",
                "intro": "Les vestiges de l'abbaye royale fondée par Charles le Chauve.",
                "description": "Le cloître Saint-Corneille : histoire et visite.",
                "body": [
                    paragraphs(
                        "Fondée au IXe siècle par Charles le Chauve, l'abbaye Saint-Corneille "
                        "fut l'une des plus importantes du royaume. Il en subsiste une partie "
                        "du cloître gothique, restauré, qui accueille expositions et "
                        "manifestations.",
                    ),
                    heading("Adresse et horaires"),
                    paragraphs("Rue Saint-Corneille, 60200 Compiègne.", PLACEHOLDER_HOURS),
                ],
            },
        ],
    },
    {
        "slug": "informations-pratiques",
        "title": "Informations pratiques",
        "intro": "Tarifs, gratuités, groupes et accessibilité.",
        "description": "Tarifs et conditions de visite des musées de Compiègne.",
        "body": [
            heading("Tarifs"),
            paragraphs(
                "Tarifs indicatifs, à confirmer avant publication : entrée de chaque musée "
                "4 €, tarif réduit 2 €, gratuit pour les moins de 18 ans et le premier dimanche "
                "du mois.",
            ),
            heading("Groupes et scolaires"),
            paragraphs(
                "Les visites de groupe se réservent au moins trois semaines à l'avance auprès "
                "du service des publics.",
            ),
            call_to_action(
                "La boutique des musées",
                "Catalogues, livres pour la jeunesse et figurines.",
                "/boutique/",
                "Visiter la boutique",
            ),
        ],
    },
]

MEMORIAL_PAGES = [
    {
        "slug": "histoire-du-camp",
        "title": "Histoire du camp de Royallieu",
        "intro": (
            "De la caserne au Frontstalag 122 : le principal camp d'internement et de transit "
            "de la zone occupée."
        ),
        "description": "Histoire du camp de Royallieu à Compiègne, 1941-1944.",
        "body": [
            paragraphs(
                "Construite au début du XXe siècle, la caserne de Royallieu est réquisitionnée "
                "par l'armée allemande en juin 1941 et devient le Frontstalag 122.",
                "Résistants, militants politiques et syndicaux, Juifs, civils raflés et "
                "ressortissants de pays ennemis de l'Allemagne y sont internés. Les sources "
                "avancent plus de 54 000 personnes passées par le camp entre 1941 et 1944.",
                "Le 27 mars 1942, un premier convoi quitte Compiègne pour Auschwitz. Jusqu'en "
                "août 1944, des dizaines de trains partent de la gare de Compiègne vers les "
                "camps de concentration et d'extermination.",
            ),
            heading("Des chiffres qui varient selon les sources"),
            paragraphs(
                "Le nombre de convois et de déportés diffère selon les auteurs et selon ce "
                "qu'ils comptent : trains, convois, personnes immatriculées à l'arrivée. La "
                "page des convois indique pour chaque chiffre ce qu'il compte et d'où il vient.",
            ),
        ],
        "translations": {
            "en": {
                "Histoire du camp de Royallieu": "History of the Royallieu camp",
                "De la caserne au Frontstalag 122 : le principal camp d'internement et de "
                "transit de la zone occupée.": (
                    "From barracks to Frontstalag 122: the main internment and transit camp of "
                    "the occupied zone."
                ),
                "Des chiffres qui varient selon les sources": "Figures that vary by source",
            },
            "de": {
                "Histoire du camp de Royallieu": "Geschichte des Lagers Royallieu",
                "De la caserne au Frontstalag 122 : le principal camp d'internement et de "
                "transit de la zone occupée.": (
                    "Von der Kaserne zum Frontstalag 122: das wichtigste Internierungs- und "
                    "Durchgangslager der besetzten Zone."
                ),
                "Des chiffres qui varient selon les sources": "Zahlen, die je nach Quelle abweichen",
            },
        },
    },
    {
        "slug": "visiter-le-memorial",
        "title": "Visiter le Mémorial",
        "intro": "Le Mémorial occupe trois bâtiments conservés de l'ancien camp.",
        "description": "Adresse, horaires et visites du Mémorial de Royallieu.",
        "body": [
            paragraphs(
                "Le Mémorial de l'internement et de la déportation a ouvert en 2008 sur le site "
                "de l'ancien camp, avenue des Martyrs-de-la-Liberté.",
                PLACEHOLDER_HOURS,
            ),
        ],
    },
    {
        "slug": "jeune-public",
        "title": "Jeune public et scolaires",
        "intro": "Des ateliers et des parcours adaptés à chaque âge, du CM2 au lycée.",
        "description": "Médiation pour les jeunes visiteurs et les classes.",
        "body": [
            paragraphs(
                "Les médiateurs accueillent les classes sur réservation. Les parcours partent "
                "de documents d'archives et de témoignages pour comprendre l'internement, la "
                "déportation et la mémoire.",
            ),
        ],
    },
]

ARCHIVES_PAGES = [
    {
        "slug": "consulter",
        "title": "Consulter les archives",
        "intro": "Salle de lecture, documents numérisés et demandes à distance.",
        "description": "Comment consulter les archives de l'agglomération.",
        "body": [
            paragraphs(
                "Les archives intercommunales conservent les fonds de la ville de Compiègne, "
                "de Margny-lès-Compiègne et de l'agglomération : registres paroissiaux et "
                "d'état civil, délibérations, plans, presse locale et photographies.",
                "Plus de 100 000 images numérisées de registres et de journaux sont "
                "consultables en ligne ; les originaux se consultent en salle de lecture.",
                PLACEHOLDER_HOURS,
            ),
            accordion(
                "Communicabilité",
                [
                    (
                        "Tous les documents sont-ils consultables ?",
                        "La plupart des archives publiques sont communicables immédiatement. "
                        "Certaines le deviennent après un délai fixé par le code du "
                        "patrimoine, par exemple 75 ans pour l'état civil des naissances.",
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "communes",
        "title": "Rechercher par commune",
        "intro": "Compiègne, Margny-lès-Compiègne et les communes de l'agglomération.",
        "description": "Les fonds d'archives classés par commune.",
        "body": [
            paragraphs(
                "Chaque commune de l'agglomération a ses propres fonds. Les inventaires "
                "indiquent pour chaque dossier la commune concernée.",
            ),
        ],
    },
    {
        "slug": "projets-participatifs",
        "title": "Projets participatifs",
        "intro": "Aidez-nous à transcrire et à indexer les registres numérisés.",
        "description": "Participer à la transcription des archives.",
        "body": [
            paragraphs(
                "Les bénévoles transcrivent des registres anciens et identifient des lieux et "
                "des personnes sur les photographies. Chaque contribution est relue par un "
                "archiviste avant publication.",
            ),
        ],
    },
]

TOURISME_PAGES = [
    {
        "slug": "decouvrir",
        "title": "Découvrir Compiègne",
        "intro": "Ville impériale, forêt domaniale et lieux de mémoire.",
        "description": "Les incontournables de Compiègne et de sa région.",
        "body": [
            paragraphs(
                "Le château de Compiègne, résidence royale puis impériale, ouvre ses "
                "appartements et son musée national de la Voiture.",
                "La forêt de Compiègne, l'une des plus grandes forêts domaniales de France, se "
                "parcourt à pied, à vélo ou à cheval.",
                "À la clairière de l'Armistice, un musée rappelle les armistices de 1918 et de "
                "1940.",
            ),
        ],
        "translations": {
            "en": {
                "Découvrir Compiègne": "Discover Compiègne",
                "Ville impériale, forêt domaniale et lieux de mémoire.": (
                    "Imperial town, state forest and places of remembrance."
                ),
            },
            "de": {
                "Découvrir Compiègne": "Compiègne entdecken",
                "Ville impériale, forêt domaniale et lieux de mémoire.": (
                    "Kaiserstadt, Staatswald und Gedenkorte."
                ),
            },
            "nl": {
                "Découvrir Compiègne": "Compiègne ontdekken",
                "Ville impériale, forêt domaniale et lieux de mémoire.": (
                    "Keizerstad, staatsbos en plaatsen van herinnering."
                ),
            },
        },
    },
    {
        "slug": "office-de-tourisme",
        "title": "L'office de tourisme",
        "intro": "Accueil, conseils et billetterie, place de l'Hôtel-de-Ville.",
        "description": "Adresse et horaires de l'office de tourisme de Compiègne.",
        "body": [
            paragraphs(
                "L'équipe de l'office vous conseille sur les visites, les hébergements et les "
                "sorties, et vend des billets pour les visites guidées.",
                "Place de l'Hôtel-de-Ville, 60200 Compiègne.",
                PLACEHOLDER_HOURS,
            ),
        ],
    },
]

HOME_CONTENT = {
    "musees": {
        "intro": (
            "Archéologie, beaux-arts, figurines historiques et patrimoine médiéval : trois "
            "musées municipaux à découvrir au cœur de Compiègne."
        ),
        "body": [
            paragraphs(
                "Les musées de Compiègne conservent des collections réunies depuis le XIXe "
                "siècle grâce aux dons des Compiégnois et aux acquisitions de la Ville.",
            ),
        ],
        "translations": {
            "en": {
                "Archéologie, beaux-arts, figurines historiques et patrimoine médiéval : trois "
                "musées municipaux à découvrir au cœur de Compiègne.": (
                    "Archaeology, fine arts, historical figurines and medieval heritage: three "
                    "municipal museums in the heart of Compiègne."
                ),
            }
        },
    },
    "memorial": {
        "intro": (
            "Sur le site de l'ancien camp de Royallieu, le Mémorial retrace l'histoire des "
            "internés et des déportés partis de Compiègne entre 1941 et 1944."
        ),
        "body": [
            paragraphs(
                "Le Mémorial transmet l'histoire du camp par les archives, les objets et les "
                "témoignages, et accueille chaque année de nombreux élèves.",
            ),
        ],
        "translations": {
            "en": {
                "Sur le site de l'ancien camp de Royallieu, le Mémorial retrace l'histoire "
                "des internés et des déportés partis de Compiègne entre 1941 et 1944.": (
                    "On the site of the former Royallieu camp, the Memorial tells the story of "
                    "the people interned there and deported from Compiègne between 1941 and "
                    "1944."
                ),
            },
            "de": {
                "Sur le site de l'ancien camp de Royallieu, le Mémorial retrace l'histoire "
                "des internés et des déportés partis de Compiègne entre 1941 et 1944.": (
                    "Auf dem Gelände des ehemaligen Lagers Royallieu erzählt die Gedenkstätte "
                    "die Geschichte der Menschen, die hier interniert und zwischen 1941 und "
                    "1944 von Compiègne aus deportiert wurden."
                ),
            },
        },
    },
    "archives": {
        "intro": (
            "Les archives de Compiègne, de Margny-lès-Compiègne et de l'agglomération : "
            "inventaires, registres numérisés et presse locale."
        ),
        "body": [
            paragraphs(
                "Recherchez dans les inventaires, consultez les registres numérisés et "
                "participez à l'indexation des fonds.",
            ),
        ],
        "translations": {},
    },
    "tourisme": {
        "intro": (
            "Château impérial, forêt, musées et mémoire : préparez votre séjour à Compiègne et "
            "dans son agglomération."
        ),
        "body": [
            paragraphs(
                "Restaurants, hébergements, visites et événements : l'office de tourisme "
                "sélectionne pour vous les adresses de la destination.",
            ),
        ],
        "translations": {
            "en": {
                "Château impérial, forêt, musées et mémoire : préparez votre séjour à "
                "Compiègne et dans son agglomération.": (
                    "Imperial palace, forest, museums and remembrance: plan your stay in "
                    "Compiègne and the surrounding area."
                ),
            },
            "de": {
                "Château impérial, forêt, musées et mémoire : préparez votre séjour à "
                "Compiègne et dans son agglomération.": (
                    "Kaiserschloss, Wald, Museen und Erinnerung: Planen Sie Ihren Aufenthalt in "
                    "Compiègne und Umgebung."
                ),
            },
            "nl": {
                "Château impérial, forêt, musées et mémoire : préparez votre séjour à "
                "Compiègne et dans son agglomération.": (
                    "Keizerlijk kasteel, bos, musea en herinnering: plan uw verblijf in "
                    "Compiègne en omgeving."
                ),
            },
        },
    },
}

SITE_PAGES = {
    "musees": MUSEES_PAGES,
    "memorial": MEMORIAL_PAGES,
    "archives": ARCHIVES_PAGES,
    "tourisme": TOURISME_PAGES,
}

BRANDING = {
    "musees": {
        "name": "Musées de Compiègne",
        "short_name": "Musées",
        "tagline": "Vivenel, Figurine historique, cloître Saint-Corneille",
        "organisation_name": "Ville de Compiègne, direction des musées",
        "primary_colour": "#5c2a4a",
        "accent_colour": "#8a3b12",
        "street_address": "2, rue d'Austerlitz",
        "postal_code": "60200",
        "phone": "03 44 00 00 00",
        "email": "musees@musees.localhost",
    },
    "memorial": {
        "name": "Mémorial de l'internement et de la déportation",
        "short_name": "Mémorial",
        "tagline": "Camp de Royallieu, Compiègne",
        "organisation_name": "Mémorial de l'internement et de la déportation – Camp de Royallieu",
        "primary_colour": "#2b2d42",
        "accent_colour": "#8d0801",
        "street_address": "2 bis, avenue des Martyrs-de-la-Liberté",
        "postal_code": "60200",
        "phone": "03 44 00 00 01",
        "email": "memorial@memorial.localhost",
    },
    "archives": {
        "name": "Archives de l'agglomération",
        "short_name": "Archives",
        "tagline": "Compiègne, Margny-lès-Compiègne et l'agglomération",
        "organisation_name": "Archives intercommunales de l'agglomération de Compiègne",
        "primary_colour": "#1b4332",
        "accent_colour": "#7f4f24",
        "street_address": "Adresse à confirmer",
        "postal_code": "60200",
        "phone": "03 44 00 00 02",
        "email": "archives@archives.localhost",
    },
    "tourisme": {
        "name": "Office de tourisme de Compiègne",
        "short_name": "Tourisme",
        "tagline": "Compiègne et sa forêt",
        "organisation_name": "Office de tourisme de l'agglomération de Compiègne",
        "primary_colour": "#03506f",
        "accent_colour": "#a4161a",
        "street_address": "Place de l'Hôtel-de-Ville",
        "postal_code": "60200",
        "phone": "03 44 00 00 03",
        "email": "accueil@tourisme.localhost",
    },
}

# Strings shared by several pages, merged into each page's own translations.
COMMON_TRANSLATIONS = {
    "en": {
        PLACEHOLDER_HOURS: (
            "Indicative opening hours, to be confirmed by the institution before publication: "
            "Wednesday to Monday, 10 am to 1 pm and 2 pm to 6 pm; closed on Tuesdays and on "
            "1 January, 1 May, 1 November and 25 December."
        ),
        "Adresse et horaires": "Address and opening hours",
        "Questions fréquentes": "Frequently asked questions",
    },
    "de": {
        PLACEHOLDER_HOURS: (
            "Vorläufige Öffnungszeiten, vor der Veröffentlichung von der Einrichtung zu "
            "bestätigen: Mittwoch bis Montag, 10 bis 13 Uhr und 14 bis 18 Uhr; dienstags sowie "
            "am 1. Januar, 1. Mai, 1. November und 25. Dezember geschlossen."
        ),
        "Adresse et horaires": "Adresse und Öffnungszeiten",
    },
    "nl": {
        PLACEHOLDER_HOURS: (
            "Voorlopige openingstijden, vóór publicatie door de instelling te bevestigen: "
            "woensdag tot en met maandag, van 10 tot 13 uur en van 14 tot 18 uur; gesloten op "
            "dinsdag en op 1 januari, 1 mei, 1 november en 25 december."
        ),
    },
}

MUSEES_PAGES[0]["translations"]["en"].update(
    {
        "Les trois musées municipaux de Compiègne : adresses, horaires et accès.": (
            "The three municipal museums of Compiègne: addresses, opening hours and access."
        ),
        "Les musées sont-ils accessibles en fauteuil roulant ?": (
            "Can wheelchair users visit the museums?"
        ),
        "L'accessibilité varie selon les bâtiments, qui sont anciens. Appelez l'accueil avant "
        "votre venue : l'équipe vous indiquera les espaces accessibles et l'aide qu'elle peut "
        "vous apporter.": (
            "Access differs from one historic building to another. Call the front desk before "
            "your visit: the team will tell you which rooms you can reach and how they can help."
        ),
        "Peut-on photographier les œuvres ?": "May I take photographs of the works?",
        "Oui, sans flash et pour un usage privé, sauf mention contraire dans une exposition "
        "temporaire.": (
            "Yes, without flash and for private use, unless a temporary exhibition says "
            "otherwise."
        ),
    }
)

HOME_CONTENT["musees"]["translations"]["en"].update(
    {
        "Les musées de Compiègne conservent des collections réunies depuis le XIXe siècle "
        "grâce aux dons des Compiégnois et aux acquisitions de la Ville.": (
            "The museums of Compiègne hold collections gathered since the 19th century through "
            "gifts from the town's residents and the town's own acquisitions."
        ),
    }
)

HOME_CONTENT["memorial"]["translations"]["en"].update(
    {
        "Le Mémorial transmet l'histoire du camp par les archives, les objets et les "
        "témoignages, et accueille chaque année de nombreux élèves.": (
            "The Memorial tells the camp's history through archives, objects and testimonies, "
            "and welcomes many school pupils every year."
        ),
    }
)
HOME_CONTENT["memorial"]["translations"]["de"].update(
    {
        "Le Mémorial transmet l'histoire du camp par les archives, les objets et les "
        "témoignages, et accueille chaque année de nombreux élèves.": (
            "Die Gedenkstätte vermittelt die Geschichte des Lagers durch Archivalien, Objekte "
            "und Zeitzeugenberichte und empfängt jedes Jahr viele Schülerinnen und Schüler."
        ),
    }
)

_HISTORY_PARAGRAPHS = {
    "Construite au début du XXe siècle, la caserne de Royallieu est réquisitionnée par "
    "l'armée allemande en juin 1941 et devient le Frontstalag 122.": {
        "en": (
            "Built in the early 20th century, the Royallieu barracks were requisitioned by the "
            "German army in June 1941 and became Frontstalag 122."
        ),
        "de": (
            "Die zu Beginn des 20. Jahrhunderts erbaute Kaserne Royallieu wurde im Juni 1941 "
            "von der deutschen Armee beschlagnahmt und zum Frontstalag 122."
        ),
    },
    "Le 27 mars 1942, un premier convoi quitte Compiègne pour Auschwitz. Jusqu'en août 1944, "
    "des dizaines de trains partent de la gare de Compiègne vers les camps de concentration et "
    "d'extermination.": {
        "en": (
            "On 27 March 1942 a first convoy left Compiègne for Auschwitz. Until August 1944, "
            "dozens of trains left Compiègne station for the concentration and extermination "
            "camps."
        ),
        "de": (
            "Am 27. März 1942 verließ ein erster Transport Compiègne in Richtung Auschwitz. Bis "
            "August 1944 fuhren Dutzende Züge vom Bahnhof Compiègne in die Konzentrations- und "
            "Vernichtungslager."
        ),
    },
}
for _french, _by_language in _HISTORY_PARAGRAPHS.items():
    for _language, _translated in _by_language.items():
        MEMORIAL_PAGES[0]["translations"][_language][_french] = _translated
