"""Import EAD 2002 finding aids: ``manage.py import_ead FILE_OR_FOLDER… [--licence] [--attribution]``."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from archives.importers.ead import REJECTED, import_files
from sites.importing import SourceError
from sites.importing_command import BaseImportCommand


class Command(BaseImportCommand):
    help = _(
        "Import EAD 2002 finding aids from files or folders (every .xml file inside). Each "
        "finding aid is applied completely or not at all; components missing from a "
        "re-imported file are unpublished, not deleted."
    )
    import_kind = "ead"

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help=_("EAD files, or folders of EAD files."))
        parser.add_argument(
            "--licence",
            default=None,
            help=_(
                "Licence of the finding aids, for example “CC BY 4.0”. Without it, a "
                "re-import keeps the stored licence."
            ),
        )
        parser.add_argument(
            "--attribution",
            default=None,
            help=_(
                "Credit line shown with the finding aids. Without it, a re-import keeps the "
                "stored attribution."
            ),
        )

    def handle(self, *args, **options):
        self.licence = options["licence"]
        self.attribution = options["attribution"]
        return super().handle(*args, **options)

    def run_import(self, paths, report, progress):
        results = import_files(
            paths,
            report,
            progress=progress,
            licence=self.licence,
            attribution=self.attribution,
        )
        errors = []
        for result in results:
            if result.error is not None:
                errors.append(result.error)
                self.stdout.write(self.style.ERROR(str(result.error)))
                continue
            self.stdout.write(file_summary(result))
        if len(errors) == 1:
            raise errors[0]
        if errors:
            raise SourceError(
                _("%(count)d files") % {"count": len(errors)},
                _("not imported: %(files)s") % {"files": ", ".join(error.source for error in errors)},
            )


def file_summary(result):
    """Return the translated one-line summary of one imported file."""
    outcomes = {
        "created": pgettext("import outcome of one finding aid", "created"),
        "updated": pgettext("import outcome of one finding aid", "updated"),
        "unchanged": pgettext("import outcome of one finding aid", "unchanged"),
        REJECTED: pgettext("import outcome of one finding aid", "rejected"),
    }
    return _(
        "%(eadid)s (%(file)s): %(outcome)s; components: %(created)d created, %(updated)d "
        "updated, %(unchanged)d unchanged, %(unpublished)d unpublished"
    ) % {
        "eadid": result.eadid,
        "file": result.path.name,
        "outcome": outcomes[result.outcome],
        "created": result.counts.created,
        "updated": result.counts.updated,
        "unchanged": result.counts.unchanged,
        "unpublished": result.counts.unpublished,
    }
