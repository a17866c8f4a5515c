"""Background tasks that keep the search entries and the engine up to date (django-tasks).

They are enqueued after commit by ``search.signals``. Each one ends by sending the pending
entries to OpenSearch when it is configured. If the engine is down, the entries stay pending
until a later task or the ``search_sync`` command sends them.
"""

import logging

from django.utils.dateparse import parse_datetime
from django_tasks import task

from search import engine, indexing

logger = logging.getLogger(__name__)


def push_to_engine():
    try:
        return indexing.push_pending()
    except engine.SearchUnavailable as error:
        logger.warning("Search engine unavailable, entries stay pending: %s", error)
        return 0


@task()
def refresh_pages(page_ids):
    indexing.refresh_pages(page_ids)
    push_to_engine()


@task()
def refresh_records(model_label, pks):
    indexing.refresh_records(model_label, pks)
    push_to_engine()


@task()
def refresh_changed_records(since):
    """Refresh what an import changed; ``since`` is its start, as an ISO 8601 string."""
    indexing.refresh_changed_records(parse_datetime(since))
    push_to_engine()


@task()
def push_pending():
    return push_to_engine()
