"""The search entries: one row per indexed thing and language, built from the sources.

Each source (a page, a catalogue object, a finding-aid component, a convoy, a person, a tourist
offer) is flattened into a ``SearchEntry`` per language it is published in. Both engines read
these rows: Wagtail's database backend indexes them directly, and OpenSearch receives them as
documents. Only what a visitor may see gets an entry, so a search can never reveal a draft, a
private page or a document that is not yet communicable.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelsearch import index


class EntryKind(models.TextChoices):
    PAGE = "page", _("Page")
    OBJECT = "object", _("Collection object")
    FINDING_AID = "finding_aid", _("Finding aid")
    COMPONENT = "component", _("Archival description")
    CONVOY = "convoy", _("Deportation convoy")
    PERSON = "person", pgettext_lazy("search result kind", "Person")
    OFFER = "offer", _("Tourist offer")


class SearchEntryQuerySet(models.QuerySet):
    def visible(self):
        """Entries a visitor may find; hidden ones only wait for the engine to drop them."""
        return self.filter(visible=True)

    def pending(self):
        return self.filter(pending=True)


class SearchEntry(index.Indexed, models.Model):
    source_model = models.CharField(
        _("source model"), max_length=60, help_text=_("App label and model name of the source.")
    )
    source_pk = models.PositiveBigIntegerField(_("source identifier"))
    language = models.CharField(_("language"), max_length=8)
    site = models.CharField(_("site"), max_length=20)
    kind = models.CharField(_("kind"), max_length=20, choices=EntryKind.choices)

    title = models.TextField(_("title"))
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("text"), blank=True)
    path = models.CharField(
        _("path"), max_length=1000, help_text=_("Address of the result on its site, from /.")
    )
    date = models.DateField(
        _("date"), null=True, blank=True, help_text=_("The date results are sorted by.")
    )

    # Lets the database backend sort undated entries last in both directions, as NULLs sort
    # first in PostgreSQL and last in SQLite for a descending order.
    undated = models.BooleanField(_("undated"), default=False)

    # Facets. Empty strings and null mean "does not apply".
    museum = models.CharField(_("museum"), max_length=255, blank=True)
    century = models.SmallIntegerField(
        _("century"), null=True, blank=True, help_text=_("19 for the 19th century, -1 for 1st BC.")
    )
    commune = models.CharField(_("commune"), max_length=120, blank=True)
    object_type = models.CharField(_("type"), max_length=255, blank=True)
    has_images = models.BooleanField(_("has images"), default=False)

    visible = models.BooleanField(
        _("visible"),
        default=True,
        help_text=_("False while the search engine still has to remove this entry."),
    )
    pending = models.BooleanField(
        _("waiting for the search engine"),
        default=False,
        db_index=True,
        help_text=_("Changed since the search engine last received it."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = SearchEntryQuerySet.as_manager()

    # The search app writes these rows and indexes them itself (search.indexing), in batches
    # and after commit, so Wagtail's per-save signal handlers are turned off.
    search_auto_update = False
    search_fields = [
        index.SearchField("title", boost=4),
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.AutocompleteField("title"),
        index.FilterField("site"),
        index.FilterField("language"),
        index.FilterField("kind"),
        index.FilterField("museum"),
        index.FilterField("century"),
        index.FilterField("commune"),
        index.FilterField("object_type"),
        index.FilterField("has_images"),
        index.FilterField("date"),
        index.FilterField("undated"),
        index.FilterField("id"),
        index.FilterField("visible"),
    ]

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(
                fields=["source_model", "source_pk", "language"], name="search_entry_source"
            )
        ]
        indexes = [models.Index(fields=["language", "site", "kind"], name="search_entry_scope")]

    def __str__(self):
        return self.title

    @classmethod
    def get_indexed_objects(cls):
        # With OpenSearch the entries live in the search app's own indices, and on PostgreSQL in
        # an indexed column of their table: Wagtail's update_index has nothing to copy then.
        from search import engine
        from search.database import uses_wagtail_index

        if engine.is_configured() or not uses_wagtail_index():
            return cls.objects.none()
        return cls.objects.visible()

    @property
    def document_id(self):
        """Identifier of the entry's document in the search engine, stable across rebuilds."""
        return f"{self.source_model}:{self.source_pk}"
