"""Import Joconde records (field-code text, Actimuse export, POP JSON, derived CSV)."""

from django.utils.translation import gettext as _

from museums.importers.joconde import FORMAT_NAMES, import_joconde_files
from sites.importing_command import BaseImportCommand


class Command(BaseImportCommand):
    help = _(
        "Import Joconde records into the collections catalogue. Every file is checked before "
        "anything is stored; a second run of the same files changes nothing."
    )
    import_kind = "joconde"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--format",
            dest="format_name",
            choices=FORMAT_NAMES,
            default="auto",
            help=_(
                "Shape of the files: text (Joconde field codes), actimuse (Actimuse CSV export), "
                "pop-json (POP notice), mashup-csv (Joconde × Wikidata table), or auto to "
                "recognise it from the first line (default)."
            ),
        )
        parser.add_argument(
            "--museum",
            dest="museum_code",
            default="",
            help=_(
                "Muséofile code (for example M0354) of the museum of records that name none, "
                "as in the export of a single museum's collection software."
            ),
        )

    def handle(self, *args, format_name="auto", museum_code="", **options):
        self.format_name = format_name
        self.museum_code = museum_code.strip()
        return super().handle(*args, **options)

    def run_import(self, paths, report, progress):
        import_joconde_files(
            paths,
            report,
            format_name=self.format_name,
            museum_code=self.museum_code,
            progress=progress,
        )
