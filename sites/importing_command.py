"""Base class of the import management commands: progress on stderr, summary on stdout."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _
from tqdm import tqdm

from .importing import ImportReport, SourceError, record_run


class BaseImportCommand(BaseCommand):
    """Run an importer over files given on the command line and record the run.

    Subclasses set ``import_kind`` (a short name stored with the run) and implement
    ``run_import(paths, report, progress)``, which raises SourceError for a broken source.
    """

    import_kind = ""

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help=_("Files to import."))

    def run_import(self, paths, report, progress):
        raise NotImplementedError

    def handle(self, *args, paths, **options):
        report = ImportReport(sources=[str(path) for path in paths])
        started_at = timezone.now()
        bar = tqdm(desc=self.import_kind, unit=_("records"), file=self.stderr, disable=None)
        error = ""
        try:
            self.run_import(paths, report, bar.update)
        except SourceError as source_error:
            error = str(source_error)
        finally:
            bar.close()
            record_run(self.import_kind, report, started_at, error)

        for line in report.rejection_lines():
            self.stdout.write(self.style.WARNING(line))
        self.stdout.write(report.summary())
        if error:
            raise CommandError(error)
