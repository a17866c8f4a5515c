"""``manage.py import_tourinsoft FILE... --feed NAME [--mapping NAME_OR_PATH]``."""

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from sites.importing_command import BaseImportCommand
from tourism.importers.mapping import MappingError, load_mapping
from tourism.importers.tourinsoft import FeedNameError, import_feed, validate_feed_name

DEFAULT_MAPPING = "cdt28-geotrek"


class Command(BaseImportCommand):
    help = _(
        "Import tourist offers from Tourinsoft syndication files (JSON). Offers missing from a "
        "complete feed are unpublished, never deleted."
    )
    import_kind = "tourinsoft"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--feed",
            required=True,
            help=_(
                "Name of the feed the files belong to, such as oise-fetes: lower-case letters, "
                "digits and hyphens. Offers are keyed on this name and their Tourinsoft id."
            ),
        )
        parser.add_argument(
            "--mapping",
            default=DEFAULT_MAPPING,
            help=_(
                "Field mapping of the feed: the name of a mapping shipped in "
                "tourism/importers/mappings/, or the path of a JSON file (default: %(default)s)."
            ),
        )
        parser.add_argument(
            "--partial",
            action="store_true",
            help=_(
                "The files hold only part of the feed (an incremental pull, a selection): "
                "unpublish nothing."
            ),
        )
        parser.add_argument(
            "--allow-shrink",
            action="store_true",
            help=_(
                "Import a complete feed even if it has fewer than half the offers of the last "
                "complete import."
            ),
        )

    def handle(self, *args, **options):
        try:
            validate_feed_name(options["feed"])
            self.mapping = load_mapping(options["mapping"])
        except (FeedNameError, MappingError) as error:
            raise CommandError(str(error)) from error
        self.feed = options["feed"]
        self.partial = options["partial"]
        self.allow_shrink = options["allow_shrink"]
        # The run is stored as "tourinsoft:<feed>" so that import reports can be filtered by feed.
        self.import_kind = f"tourinsoft:{self.feed}"
        return super().handle(*args, **options)

    def run_import(self, paths, report, progress):
        result = import_feed(
            paths,
            self.feed,
            self.mapping,
            report,
            progress=progress,
            partial=self.partial,
            allow_shrink=self.allow_shrink,
        )
        report.unpublished += result.unpublished
        for line in result.messages():
            self.stdout.write(line)
