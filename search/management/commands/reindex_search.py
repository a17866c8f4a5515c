from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _
from tqdm import tqdm

from search import engine, indexing
from search.models import SearchEntry

# Entries read from the database per bulk request to the engine.
ENGINE_CHUNK = 1000


class Command(BaseCommand):
    help = (
        "Rebuild the search entries from the pages and records, then, with OpenSearch, fill a new "
        "index per language and switch the aliases to it, so that search keeps serving meanwhile."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--engine-only",
            action="store_true",
            help="Skip rebuilding the entries; only copy the stored entries into new indices.",
        )

    def handle(self, *args, engine_only=False, **options):
        show_progress = options["verbosity"] > 0
        if not engine_only:
            with tqdm(desc=_("Search entries"), unit=_("sources"), disable=not show_progress) as bar:
                report = indexing.rebuild_all(progress=lambda _label, count: bar.update(count))
            self.stdout.write(
                _("Entries: %(created)d created, %(updated)d updated, %(unchanged)d unchanged, %(removed)d removed.")
                % vars(report)
            )
        if not engine.is_configured():
            # Entries left unchanged may still lack their database index rows (after a move from
            # OpenSearch back to the database backend, say): each visible entry without one is
            # indexed now.
            with tqdm(desc=_("Database index"), unit=_("entries"), disable=not show_progress) as bar:
                added = indexing.index_missing_in_database(progress=bar.update)
            self.stdout.write(_("%(count)d entries added to the database index.") % {"count": added})
            self.stdout.write(_("Search runs on the database backend (no SEARCH_URL)."))
            return

        started_at = timezone.now()
        total = SearchEntry.objects.visible().count()
        with tqdm(total=total, desc=_("OpenSearch"), unit=_("entries"), disable=not show_progress) as bar:
            counts = engine.rebuild(
                self.entries_for_language, progress=lambda _language, count: bar.update(count)
            )
        # Entries that changed during the rebuild went to the old indices: send them again.
        SearchEntry.objects.filter(updated_at__gte=started_at).update(pending=True)
        indexing.push_pending()
        for language, count in counts.items():
            self.stdout.write(
                _("Index %(alias)s: %(count)d documents.")
                % {"alias": engine.alias_name(language), "count": count}
            )

    def entries_for_language(self, language):
        queryset = SearchEntry.objects.visible().filter(language=language).order_by("pk")
        chunk = []
        for entry in queryset.iterator(chunk_size=ENGINE_CHUNK):
            chunk.append(entry)
            if len(chunk) == ENGINE_CHUNK:
                yield chunk
                chunk = []
        if chunk:
            yield chunk
