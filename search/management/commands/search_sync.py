from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from search import engine, indexing
from search.models import SearchEntry


class Command(BaseCommand):
    help = (
        "Send to OpenSearch the search entries that changed while it was unreachable. "
        "Meant to run every few minutes from a timer."
    )

    def handle(self, *args, **options):
        if not engine.is_configured():
            self.stdout.write(_("No SEARCH_URL: the database backend is always up to date."))
            return
        waiting = SearchEntry.objects.pending().count()
        try:
            sent = indexing.push_pending()
        except engine.SearchUnavailable as error:
            raise CommandError(
                _("OpenSearch is unreachable; %(count)d entries still wait: %(error)s")
                % {"count": waiting, "error": error}
            ) from error
        self.stdout.write(_("%(count)d entries sent to OpenSearch.") % {"count": sent})
