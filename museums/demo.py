"""Demo content of the museums' site: the collections catalogue and the shipped records."""

from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from sites.demo.pages import ensure_child_page, ensure_translation, french_home_page
from sites.importing import ImportReport, record_run

from .importers.joconde import import_joconde_files
from .importers.lido import import_lido_files
from .models import CatalogueIndexPage

DATA_DIR = Path(settings.BASE_DIR) / "data" / "collections"

CATALOGUE_TITLE = "Collections"
CATALOGUE_INTRO = (
    "Les œuvres et objets des musées, décrits par leurs notices d'inventaire. Filtrez par musée "
    "ou par type d'objet ; chaque notice renvoie à sa source."
)
CATALOGUE_TRANSLATIONS = {
    "en": {
        CATALOGUE_TITLE: "Collections",
        CATALOGUE_INTRO: (
            "The works and objects of the museums, described by their inventory records. Filter "
            "by museum or by object type; each record links to its source."
        ),
    },
}

# (file, format, museum code for records naming none). The file with warnings is left out,
# because it contains a record damaged on purpose for tests.
JOCONDE_FILES = [
    ("joconde/pop_import_joconde_utf8.txt", "text", ""),
    ("joconde/pop_import_joconde_iso-8859-1.txt", "text", ""),
    ("joconde/pop_notice_joconde_000PE001028.json", "pop-json", ""),
    # An Actimuse export comes from one museum's software and its records carry no MUSEO:
    # these two are from the musée départemental Albert Demard in Champlitte.
    ("joconde/actimuse_dmf_export_sample.csv", "actimuse", "M0354"),
    ("joconde/joconde_wikidata_mashup_compiegne_M5009.csv", "mashup-csv", ""),
]
LIDO_FILES = [
    "lido/lido11_example_uffizi_primavera.xml",
    "lido/lido_ddb_ghwk_wannsee_memorial_photo.xml",
    "lido/lido_ddb_smb_skulpturensammlung_kniender_engel.xml",
    "lido/lido_minimal_record_ddb_recommendation.xml",
]


def ensure_catalogue_page():
    """Create or update the catalogue page under the museums' home, with its translations."""
    home = french_home_page("musees")
    page = ensure_child_page(
        home,
        CatalogueIndexPage,
        slug="collections",
        title=CATALOGUE_TITLE,
        intro=CATALOGUE_INTRO,
        search_description=CATALOGUE_INTRO,
        show_in_menus=True,
    )
    for language in settings.PLATFORM_SITES["musees"]["languages"]:
        if language in CATALOGUE_TRANSLATIONS:
            ensure_translation(page, language, CATALOGUE_TRANSLATIONS[language])
    return page


def populate(stdout):
    ensure_catalogue_page()
    for relative_path, format_name, museum_code in JOCONDE_FILES:
        report = ImportReport(sources=[relative_path])
        started_at = timezone.now()
        import_joconde_files(
            [DATA_DIR / relative_path], report, format_name=format_name, museum_code=museum_code
        )
        record_run("joconde", report, started_at)
        _write_summary(stdout, relative_path, report)
    for relative_path in LIDO_FILES:
        report = ImportReport(sources=[relative_path])
        started_at = timezone.now()
        import_lido_files([DATA_DIR / relative_path], report)
        record_run("lido", report, started_at)
        _write_summary(stdout, relative_path, report)


def _write_summary(stdout, relative_path, report):
    # Each line ends with a newline: a management command's OutputWrapper adds none when
    # the text has one, and a plain stream needs it.
    stdout.write(
        _("Collections, %(file)s: %(summary)s")
        % {"file": relative_path, "summary": report.summary()}
        + "\n"
    )
    for line in report.rejection_lines():
        stdout.write(f"  {line}\n")
