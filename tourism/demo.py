"""Demo content of the tourism site: the offer listing page and the shipped Tourinsoft samples.

``populate`` is idempotent: a second run finds the page and the offers as they are, so it
creates nothing and every import reports its offers as unchanged.
"""

from django.conf import settings
from django.utils import timezone

from sites.demo.pages import ensure_child_page, ensure_translation, french_home_page
from sites.importing import ImportReport, record_run
from tourism.importers.mapping import load_mapping
from tourism.importers.tourinsoft import import_feed
from tourism.models import OfferIndexPage

TOURINSOFT_DIR = settings.BASE_DIR / "data" / "tourinsoft"

INDEX_TITLE = "Que faire à Compiègne ?"
INDEX_INTRO = (
    "Fêtes, visites, restaurants et hébergements : les offres de la base régionale Tourinsoft. "
    "En attendant le flux d'Oise Tourisme, cette démonstration montre des offres réelles "
    "d'Eure-et-Loir."
)
TRANSLATIONS = {
    "en": {
        INDEX_TITLE: "What to do in Compiègne?",
        INDEX_INTRO: (
            "Festivals, visits, restaurants and places to stay: the offers of the regional "
            "Tourinsoft database. Until the Oise Tourisme feed is connected, this demonstration "
            "shows real offers from Eure-et-Loir."
        ),
    },
    "de": {
        INDEX_TITLE: "Was unternehmen in Compiègne?",
        INDEX_INTRO: (
            "Feste, Besichtigungen, Restaurants und Unterkünfte: die Angebote der regionalen "
            "Datenbank Tourinsoft. Bis der Datenfluss von Oise Tourisme angeschlossen ist, zeigt "
            "diese Demonstration echte Angebote aus dem Département Eure-et-Loir."
        ),
    },
    "nl": {
        INDEX_TITLE: "Wat te doen in Compiègne?",
        INDEX_INTRO: (
            "Evenementen, bezienswaardigheden, restaurants en overnachtingen: het aanbod uit de "
            "regionale database Tourinsoft. Zolang de gegevens van Oise Tourisme nog niet "
            "gekoppeld zijn, toont deze demonstratie echt aanbod uit Eure-et-Loir."
        ),
    },
}

# The real samples the demo imports: (feed name, mapping, files). The hotel excerpt in OData v2
# JSON is left out on purpose: it is the same cdt28 syndication and offer as the api-v3 file, so
# importing both would list "Hôtel du Perche" twice. The illustrative restaurant is fabricated
# and is never imported into the site.
DEMO_FEEDS = [
    ("cdt28-manifestations", "cdt28-geotrek", ["events-sample-wcf-v2-odata-verbose-cdt28.json"]),
    ("cdt28-hotels", "cdt28-geotrek", ["hotels-sample-v3-json-cdt28-geotrek-fixture.json"]),
]


def populate(stdout):
    """Create the offer listing under the tourism home page and import the shipped feeds."""
    home = french_home_page("tourisme")
    index = ensure_child_page(
        home,
        OfferIndexPage,
        slug="offres",
        title=INDEX_TITLE,
        intro=INDEX_INTRO,
        show_in_menus=True,
    )
    for language in settings.PLATFORM_SITES["tourisme"]["languages"]:
        if language != "fr":
            ensure_translation(index, language, TRANSLATIONS[language])

    for feed, mapping_name, file_names in DEMO_FEEDS:
        paths = [TOURINSOFT_DIR / name for name in file_names]
        report = ImportReport(sources=[str(path) for path in paths])
        started_at = timezone.now()
        result = import_feed(paths, feed, load_mapping(mapping_name), report)
        report.unpublished += result.unpublished
        record_run(f"tourinsoft:{feed}", report, started_at)
        stdout.write(f"Tourinsoft {feed}: {report.summary()}. {' '.join(result.messages())}\n")
    return index
