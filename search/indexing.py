"""Keep the search entries in step with their sources, and the engine in step with the entries.

``refresh_records`` and ``refresh_pages`` rebuild the entries of some sources; each call writes in
one transaction, so a search never finds half of a record's languages. Without OpenSearch the rows
are indexed by Wagtail's database backend in that same transaction. With OpenSearch the changed
rows are marked ``pending`` and ``push_pending`` sends them to the engine later, after commit: if
the engine is down, they stay pending and the next push (or the ``search_sync`` command) applies
them once it is back.
"""

import logging
from dataclasses import dataclass, field

from django.db import models, transaction
from django.utils import timezone
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from search import engine
from search.database import uses_wagtail_index
from search.models import SearchEntry
from search.sources import RECORD_SOURCES, page_entry, site_keys_by_site_id

logger = logging.getLogger(__name__)

PAGE_SOURCE = "wagtailcore.page"
# Number of sources whose entries are rebuilt per transaction.
BATCH_SIZE = 500
ENTRY_FIELDS = [
    "site",
    "kind",
    "title",
    "summary",
    "body",
    "path",
    "date",
    "undated",
    "museum",
    "century",
    "commune",
    "object_type",
    "has_images",
]
FIELD_DEFAULTS = {name: SearchEntry._meta.get_field(name).get_default() for name in ENTRY_FIELDS}


@dataclass
class IndexingReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    # Source model labels and counts of entries written, for the command's summary.
    by_source: dict = field(default_factory=dict)

    def merge(self, other):
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.removed += other.removed
        for label, count in other.by_source.items():
            self.by_source[label] = self.by_source.get(label, 0) + count


def store_entries(source_model, source_pks, built):
    """Make the entries of ``source_pks`` match ``built``, a dict (pk, language) -> fields.

    Entries of those sources missing from ``built`` are removed: the source was unpublished,
    deleted, made private or its listing page went away.
    """
    report = IndexingReport()
    existing = {
        (entry.source_pk, entry.language): entry
        for entry in SearchEntry.objects.filter(source_model=source_model, source_pk__in=source_pks)
    }
    engine_mode = engine.is_configured()
    to_create, to_update, to_index, to_remove = [], [], [], []

    for key, values in built.items():
        values = {**FIELD_DEFAULTS, **values}
        values["undated"] = values["date"] is None
        entry = existing.pop(key, None)
        if entry is None:
            entry = SearchEntry(
                source_model=source_model, source_pk=key[0], language=key[1], **values
            )
            entry.pending = engine_mode
            to_create.append(entry)
            continue
        changed = [name for name in ENTRY_FIELDS if getattr(entry, name) != values[name]]
        if not changed and entry.visible:
            report.unchanged += 1
            continue
        for name in changed:
            setattr(entry, name, values[name])
        entry.visible = True
        entry.pending = engine_mode
        entry.updated_at = timezone.now()
        to_update.append(entry)

    to_remove = [entry for entry in existing.values() if entry.visible or not engine_mode]

    with transaction.atomic():
        SearchEntry.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
        SearchEntry.objects.bulk_update(
            to_update, ENTRY_FIELDS + ["visible", "pending", "updated_at"], batch_size=BATCH_SIZE
        )
        if engine_mode:
            # The engine still has these documents: hide the rows until push_pending deletes them.
            SearchEntry.objects.filter(pk__in=[entry.pk for entry in to_remove]).update(
                visible=False, pending=True, updated_at=timezone.now()
            )
        else:
            to_index = to_create + to_update
            if to_create:
                # bulk_create leaves primary keys unset on some databases; reload them.
                to_index = to_update + list(
                    SearchEntry.objects.filter(
                        source_model=source_model,
                        source_pk__in=[entry.source_pk for entry in to_create],
                    )
                )
            index_in_database(to_index)
            remove_from_database(to_remove)
            SearchEntry.objects.filter(pk__in=[entry.pk for entry in to_remove]).delete()

    report.created = len(to_create)
    report.updated = len(to_update)
    report.removed = len(to_remove)
    report.by_source[source_model] = len(built)
    return report


def index_in_database(entries):
    if entries and uses_wagtail_index():
        get_search_backend().add_bulk(SearchEntry, entries)


def index_missing_in_database(progress=None):
    """Index the visible entries that Wagtail's database backend lacks; return how many."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.db.models.functions import Cast

    if not uses_wagtail_index():
        return 0
    index_entry_model = apps.get_model("wagtailsearch", "IndexEntry")
    indexed_ids = index_entry_model.objects.filter(
        content_type=ContentType.objects.get_for_model(SearchEntry)
    ).values("object_id")
    missing = (
        SearchEntry.objects.visible()
        .annotate(text_pk=Cast("pk", models.CharField()))
        .exclude(text_pk__in=indexed_ids)
        .order_by("pk")
    )
    count = 0
    batch = []
    for entry in missing.iterator(chunk_size=BATCH_SIZE):
        batch.append(entry)
        if len(batch) == BATCH_SIZE:
            index_in_database(batch)
            count += len(batch)
            if progress:
                progress(len(batch))
            batch = []
    index_in_database(batch)
    if progress and batch:
        progress(len(batch))
    return count + len(batch)


def remove_from_database(entries):
    if not uses_wagtail_index():
        return
    backend = get_search_backend()
    for entry in entries:
        backend.delete(entry)


def refresh_records(model_label, pks, listings=None):
    """Rebuild the entries of the records ``pks`` of the source model ``model_label``."""
    source = RECORD_SOURCES[model_label.lower()]
    listings = source.listings() if listings is None else listings
    report = IndexingReport()
    pks = list(pks)
    for start in range(0, len(pks), BATCH_SIZE):
        batch = pks[start : start + BATCH_SIZE]
        objects = source.visible().filter(pk__in=batch)
        built = {(pk, language): values for pk, language, values in source.entries(objects, listings)}
        report.merge(store_entries(source.model_label.lower(), batch, built))
    return report


def refresh_pages(page_ids):
    """Rebuild the entries of the pages ``page_ids`` (deleted pages lose theirs)."""
    site_keys = site_keys_by_site_id()
    report = IndexingReport()
    page_ids = list(page_ids)
    for start in range(0, len(page_ids), BATCH_SIZE):
        batch = page_ids[start : start + BATCH_SIZE]
        built = {}
        for page in Page.objects.filter(pk__in=batch).select_related("locale"):
            result = page_entry(page, site_keys)
            if result is not None:
                language, values = result
                built[(page.pk, language)] = values
        report.merge(store_entries(PAGE_SOURCE, batch, built))
    return report


def refresh_changed_records(since):
    """Rebuild the entries of every record changed at or after ``since`` (an import's start)."""
    report = IndexingReport()
    for label, source in RECORD_SOURCES.items():
        changed = source.model.objects.filter(**{f"{source.changed_field}__gte": since})
        report.merge(refresh_records(label, changed.values_list("pk", flat=True)))
    return report


def rebuild_all(progress=None):
    """Rebuild every entry from the sources; ``progress(label, done)`` follows each batch."""
    report = IndexingReport()
    for label, source in RECORD_SOURCES.items():
        listings = source.listings()
        pks = list(source.model.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(pks), BATCH_SIZE):
            batch = pks[start : start + BATCH_SIZE]
            report.merge(refresh_records(label, batch, listings=listings))
            if progress:
                progress(label, len(batch))
        report.merge(remove_orphans(label, pks))

    page_ids = list(Page.objects.filter(depth__gt=1).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(page_ids), BATCH_SIZE):
        batch = page_ids[start : start + BATCH_SIZE]
        report.merge(refresh_pages(batch))
        if progress:
            progress(PAGE_SOURCE, len(batch))
    report.merge(remove_orphans(PAGE_SOURCE, page_ids))
    return report


def remove_orphans(source_model, existing_pks):
    """Remove the entries of ``source_model`` whose source no longer exists."""
    orphan_pks = set(
        SearchEntry.objects.filter(source_model=source_model).values_list("source_pk", flat=True)
    ) - set(existing_pks)
    if not orphan_pks:
        return IndexingReport()
    return store_entries(source_model, list(orphan_pks), {})


def push_pending(batch_size=BATCH_SIZE):
    """Send the pending entries to OpenSearch; return how many were sent.

    Raises ``engine.SearchUnavailable`` when the engine cannot be reached, leaving the rows
    pending for the next attempt.
    """
    if not engine.is_configured():
        return 0
    sent = 0
    while True:
        read_at = timezone.now()
        batch = list(SearchEntry.objects.pending().order_by("pk")[:batch_size])
        if not batch:
            return sent
        engine.write_entries(batch)
        batch_pks = [entry.pk for entry in batch]
        # An entry changed again while this batch was sent has a newer ``updated_at`` and stays
        # pending for the next round.
        SearchEntry.objects.filter(pk__in=batch_pks, updated_at__lte=read_at).update(pending=False)
        SearchEntry.objects.filter(pk__in=batch_pks, visible=False, pending=False).delete()
        sent += len(batch)
