"""Enqueue index updates, after commit, when pages, records or imports change what is visible."""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search import tasks
from search.sources import RECORD_SOURCES
from sites.importing import import_running
from sites.signals import import_finished


def subtree_ids(page):
    return list(Page.objects.filter(path__startswith=page.path).values_list("pk", flat=True))


def enqueue_pages(page_ids):
    if page_ids:
        transaction.on_commit(lambda: tasks.refresh_pages.enqueue(page_ids))


def enqueue_records(model_label, pks):
    if pks:
        transaction.on_commit(lambda: tasks.refresh_records.enqueue(model_label, pks))


def listing_sources(page):
    """Return the record sources that ``page`` serves, when it is a listing page."""
    return [
        label
        for label, source in RECORD_SOURCES.items()
        if isinstance(page.specific, apps.get_model(source.listing_page))
    ]


def page_changed(sender, instance, **kwargs):
    """Refresh the entries of ``page``'s subtree, whose URLs and visibility follow the page.

    A listing page also refreshes the records it serves.
    """
    page = instance if isinstance(instance, Page) else instance.page
    enqueue_pages(subtree_ids(page))
    for label in listing_sources(page):
        pks = list(RECORD_SOURCES[label].model.objects.values_list("pk", flat=True))
        enqueue_records(label, pks)


def page_deleting(sender, instance, **kwargs):
    if not isinstance(instance, Page):
        return
    # The ids are read before the rows go; the task then finds them gone and drops their entries.
    enqueue_pages(subtree_ids(instance))


def restriction_changed(sender, instance, **kwargs):
    enqueue_pages(subtree_ids(instance.page))


def record_saved(sender, instance, **kwargs):
    if kwargs.get("raw") or import_running.get():
        return
    enqueue_records(sender._meta.label_lower, [instance.pk])
    for label, pks in RECORD_SOURCES[sender._meta.label_lower].dependent_records(instance):
        enqueue_records(label, pks)


def record_deleted(sender, instance, **kwargs):
    enqueue_records(sender._meta.label_lower, [instance.pk])


def import_ended(sender, run, **kwargs):
    since = run.started_at.isoformat()
    transaction.on_commit(lambda: tasks.refresh_changed_records.enqueue(since))


def connect():
    page_published.connect(page_changed, dispatch_uid="search_page_published")
    page_unpublished.connect(page_changed, dispatch_uid="search_page_unpublished")
    post_page_move.connect(page_changed, dispatch_uid="search_page_moved")
    pre_delete.connect(page_deleting, dispatch_uid="search_page_deleting")
    for signal in (post_save, post_delete):
        signal.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid=f"search_restriction_{signal}")
    for source in RECORD_SOURCES.values():
        post_save.connect(record_saved, sender=source.model, dispatch_uid=f"search_saved_{source.model_label}")
        post_delete.connect(record_deleted, sender=source.model, dispatch_uid=f"search_deleted_{source.model_label}")
    import_finished.connect(import_ended, dispatch_uid="search_import_finished")
