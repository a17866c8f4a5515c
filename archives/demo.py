"""Demo content of the archives site: the finding aids page and the shipped EAD files."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from archives.importers.ead import import_files
from archives.management.commands.import_ead import file_summary
from archives.models import ArchivesIndexPage
from sites.demo.pages import ensure_child_page, french_home_page
from sites.importing import ImportReport, record_run

EAD_FOLDER = settings.BASE_DIR / "data" / "archives" / "ead"
# The shipped files all come from the Archives nationales, under CC BY 4.0 (data/archives/SOURCES.md).
LICENCE = "CC BY 4.0"
ATTRIBUTION = "Archives nationales de France, CC BY 4.0"

INDEX_TITLE = "Inventaires et instruments de recherche"
INDEX_INTRO = (
    "Les inventaires décrivent les fonds conservés, du fonds entier jusqu'au dossier ou à la "
    "pièce. Parcourez-les niveau par niveau pour trouver la cote à demander en salle de lecture "
    "ou les images numérisées."
)


def populate(stdout):
    """Create the finding aids page of the archives site and import the shipped finding aids.

    The archives site is published in French only, so the page has no translation.
    """
    home = french_home_page("archives")
    ensure_child_page(
        home,
        ArchivesIndexPage,
        slug="inventaires",
        title=INDEX_TITLE,
        intro=INDEX_INTRO,
        search_description=INDEX_INTRO,
        show_in_menus=True,
    )

    report = ImportReport(sources=[str(EAD_FOLDER)])
    started_at = timezone.now()
    results = import_files([EAD_FOLDER], report, licence=LICENCE, attribution=ATTRIBUTION)
    record_run("ead", report, started_at)
    # Each line ends with "\n"; Django's OutputWrapper does not add a second one.
    for result in results:
        line = str(result.error) if result.error is not None else file_summary(result)
        stdout.write(f"{line}\n")
    stdout.write(_("Finding aids: %(summary)s") % {"summary": report.summary()} + "\n")
    return report
