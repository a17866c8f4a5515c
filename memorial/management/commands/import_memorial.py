"""Import the memorial's CSV files: convoys, key figures and public figures."""

import json
from pathlib import Path

from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from memorial.importers import IMPORT_ORDER, MAPPINGS, detect_kind, import_file
from sites.importing import ImportReport, SourceError
from sites.importing_command import BaseImportCommand


class Command(BaseImportCommand):
    help = _(
        "Import memorial CSV files (convoys, key figures, public figures). The kind of each file "
        "is detected from its header unless --kind is given; convoys are imported first."
    )
    import_kind = "memorial"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--kind",
            choices=sorted(MAPPINGS),
            help=_("Kind of every file given; by default it is detected from each file's header."),
        )
        parser.add_argument(
            "--mapping",
            type=Path,
            help=_(
                "JSON file mapping importer fields to the file's column names, for example "
                '{"departure_date": "date_depart"}; a field read from several columns takes a list.'
            ),
        )

    def handle(self, *args, paths, kind=None, mapping=None, **options):
        if mapping and not kind:
            raise CommandError(
                _("--mapping needs --kind: a file with other column names is not recognised from its header.")
            )
        overrides = self.read_mapping(mapping) if mapping else None
        paths_by_kind = self.group_by_kind(paths, kind)

        for current_kind in IMPORT_ORDER:
            if current_kind not in paths_by_kind:
                continue
            self.current_kind = current_kind
            self.current_mapping = self.build_mapping(current_kind, overrides)
            self.import_kind = f"memorial-{current_kind}"
            super().handle(*args, paths=paths_by_kind[current_kind], **options)

    def run_import(self, paths, report, progress):
        for path in paths:
            import_file(
                self.current_kind, path, report=report, progress=progress, mapping=self.current_mapping
            )

    def group_by_kind(self, paths, kind):
        """Return the paths grouped by kind, detecting each file's kind from its header."""
        if kind:
            return {kind: list(paths)}
        grouped = {}
        for path in paths:
            try:
                detected = detect_kind(path)
            except SourceError as error:
                self.record_failed_run(paths, error)
                raise CommandError(str(error)) from error
            grouped.setdefault(detected, []).append(path)
        return grouped

    def record_failed_run(self, paths, error):
        from sites.models import ImportRun

        report = ImportReport(sources=[str(path) for path in paths])
        ImportRun.record(self.import_kind, report, timezone.now(), str(error))

    def read_mapping(self, mapping_path):
        try:
            overrides = json.loads(Path(mapping_path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(
                _("cannot read the mapping file %(path)s: %(error)s")
                % {"path": mapping_path, "error": error}
            ) from error
        valid = isinstance(overrides, dict) and all(
            isinstance(value, str)
            or (isinstance(value, list) and value and all(isinstance(item, str) for item in value))
            for value in overrides.values()
        )
        if not valid:
            raise CommandError(
                _("the mapping file %(path)s must hold a JSON object of field: column name(s)")
                % {"path": mapping_path}
            )
        return overrides

    def build_mapping(self, kind, overrides):
        if not overrides:
            return MAPPINGS[kind]
        try:
            return MAPPINGS[kind].with_overrides(overrides)
        except ValueError as error:
            raise CommandError(str(error)) from error
