"""Import LIDO XML records into the collections catalogue."""

from django.utils.translation import gettext as _

from museums.importers.lido import import_lido_files
from sites.importing_command import BaseImportCommand


class Command(BaseImportCommand):
    help = _(
        "Import LIDO 1.0 or 1.1 XML files (one lido:lido record or a lido:lidoWrap of many) into "
        "the collections catalogue. Files with a DOCTYPE are rejected; a second run of the same "
        "files changes nothing."
    )
    import_kind = "lido"

    def run_import(self, paths, report, progress):
        import_lido_files(paths, report, progress=progress)
