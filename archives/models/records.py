"""Finding aids (EAD "instruments de recherche") and the tree of components they describe.

Both are plain Django models filled by ``archives.importers.ead``; the public pages are served by
``ArchivesIndexPage`` at sub-URLs keyed on ``FindingAid.eadid`` and ``Component.key``.
"""

from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from archives.access import AccessStatus
from archives.digital import build_links


class Level(models.TextChoices):
    """Description levels of EAD 2002 (attribute ``level`` of ``archdesc`` and ``c``)."""

    CLASS = "class", pgettext_lazy("archival level", "Class")
    COLLECTION = "collection", pgettext_lazy("archival level", "Collection")
    FONDS = "fonds", pgettext_lazy("archival level", "Fonds")
    SUBFONDS = "subfonds", pgettext_lazy("archival level", "Sub-fonds")
    RECORDGRP = "recordgrp", pgettext_lazy("archival level", "Record group")
    SUBGRP = "subgrp", pgettext_lazy("archival level", "Sub-group")
    SERIES = "series", pgettext_lazy("archival level", "Series")
    SUBSERIES = "subseries", pgettext_lazy("archival level", "Sub-series")
    FILE = "file", pgettext_lazy("archival level", "File")
    ITEM = "item", pgettext_lazy("archival level", "Item")
    OTHERLEVEL = "otherlevel", pgettext_lazy("archival level", "Other level")


# Headings of the narrative notes kept in ``notes``, by EAD element name.
NOTE_LABELS = {
    "bioghist": _("Biographical or administrative history"),
    "custodhist": _("Custodial history"),
    "acqinfo": _("Immediate source of acquisition"),
    "appraisal": _("Appraisal, destruction and scheduling"),
    "arrangement": _("System of arrangement"),
    "accruals": _("Accruals"),
    "processinfo": _("Processing information"),
    "separatedmaterial": _("Separated material"),
    "relatedmaterial": _("Related material"),
    "originalsloc": _("Existence and location of originals"),
    "altformavail": _("Existence and location of copies"),
    "otherfindaid": _("Other finding aids"),
    "bibliography": _("Bibliography"),
    "odd": _("Other descriptive data"),
    "phystech": _("Physical characteristics and technical requirements"),
    "prefercite": _("Preferred citation"),
}


class AccessFieldsMixin(models.Model):
    """Access and reuse conditions shared by a finding aid and its components."""

    access_conditions = models.TextField(
        _("access conditions"),
        blank=True,
        help_text=_("HTML built from the EAD accessrestrict notes of this level."),
    )
    use_conditions = models.TextField(
        _("conditions of use"),
        blank=True,
        help_text=_("HTML built from the EAD userestrict notes of this level."),
    )
    access_status = models.CharField(
        _("communicability"),
        max_length=10,
        choices=AccessStatus.choices,
        default=AccessStatus.UNSTATED,
        help_text=_(
            "Derived from the access conditions of this level or, when it has none, of the "
            "nearest level above."
        ),
    )
    communicable_from_year = models.SmallIntegerField(
        _("communicable from"),
        null=True,
        blank=True,
        help_text=_("Year the documents become accessible, when the conditions give a delay."),
    )

    class Meta:
        abstract = True

    def labelled_notes(self):
        """Return the narrative notes with their translated headings, in the file's order."""
        return [
            {"label": NOTE_LABELS.get(note["element"], note["element"]), "html": note["html"]}
            for note in self.notes
        ]

    def access_summary(self, year=None):
        """Return one sentence on communicability, or "" when only the conditions' text gives it."""
        year = year or timezone.localdate().year
        if self.access_status == AccessStatus.OPEN:
            return _("Freely accessible.")
        if self.access_status == AccessStatus.CLOSED:
            return _("Not accessible.")
        if self.access_status == AccessStatus.DELAYED and self.communicable_from_year:
            values = {"year": self.communicable_from_year}
            if self.communicable_from_year <= year:
                return _("Accessible since %(year)d.") % values
            return _("Accessible from %(year)d.") % values
        return ""

    def is_communicable(self, year=None):
        year = year or timezone.localdate().year
        if self.access_status == AccessStatus.CLOSED:
            return False
        if self.access_status == AccessStatus.DELAYED:
            return self.communicable_from_year is not None and self.communicable_from_year <= year
        return True


def communicable_filter(year=None):
    """Q object selecting descriptions whose documents can be consulted in ``year``.

    UNSTATED counts as communicable: the description is public and the reading room applies the
    legal rule quoted in the text.
    """
    year = year or timezone.localdate().year
    return Q(access_status__in=[AccessStatus.OPEN, AccessStatus.UNSTATED]) | Q(
        access_status=AccessStatus.DELAYED, communicable_from_year__lte=year
    )


class FindingAidQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def communicable(self, year=None):
        return self.filter(communicable_filter(year))

    def with_component_counts(self):
        """Annotate ``component_count`` (published components) and ``top_level_count``."""
        published = Component.objects.filter(finding_aid=OuterRef("pk"), published=True).order_by()
        return self.annotate(
            component_count=Coalesce(Subquery(_count_of(published, "finding_aid")), 0),
            top_level_count=Coalesce(
                Subquery(_count_of(published.filter(parent__isnull=True), "finding_aid")), 0
            ),
        )


def _count_of(queryset, outer_field):
    """Turn a queryset correlated on ``outer_field`` into a subquery returning its row count."""
    return queryset.values(outer_field).annotate(count=Count("pk")).values("count")


class FindingAid(AccessFieldsMixin):
    eadid = models.CharField(
        _("EAD identifier"),
        max_length=100,
        unique=True,
        help_text=_("The eadid of the file, for example FRAN_IR_003500; part of the page URL."),
    )
    title = models.TextField(_("title"))
    subtitle = models.TextField(_("subtitle"), blank=True)
    author = models.TextField(
        _("author"), blank=True, help_text=_("Archivists credited in the finding aid.")
    )
    publisher = models.CharField(_("publisher"), max_length=255, blank=True)
    publication_date = models.CharField(_("publication date"), max_length=100, blank=True)
    repository = models.CharField(_("repository"), max_length=255, blank=True)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, blank=True)
    other_level = models.CharField(_("other level"), max_length=100, blank=True)
    unit_id = models.TextField(_("reference code"), blank=True)
    dates_text = models.TextField(_("dates"), blank=True)
    start_year = models.SmallIntegerField(_("start year"), null=True, blank=True)
    end_year = models.SmallIntegerField(_("end year"), null=True, blank=True)
    extent = models.TextField(_("extent"), blank=True)
    origination = models.TextField(_("creator"), blank=True)
    abstract = models.TextField(_("abstract"), blank=True)
    scope_content = models.TextField(
        _("scope and content"), blank=True, help_text=_("HTML built from scopecontent.")
    )
    notes = models.JSONField(
        _("other notes"),
        default=list,
        blank=True,
        help_text=_("Other narrative notes, each as {element, html}, in the file's order."),
    )
    languages = models.JSONField(
        _("languages of the material"),
        default=list,
        blank=True,
        help_text=_("Each as {code, label}, from langmaterial."),
    )
    licence = models.CharField(
        _("licence"), max_length=100, blank=True, help_text=_("For example CC BY 4.0.")
    )
    attribution = models.CharField(
        _("attribution"),
        max_length=255,
        blank=True,
        help_text=_("Credit line shown on every page of the finding aid."),
    )
    source_url = models.URLField(
        _("source URL"), blank=True, help_text=_("Where the producer publishes this finding aid.")
    )
    source_file = models.CharField(_("source file"), max_length=255)
    content_hash = models.CharField(
        _("content hash"), max_length=64, help_text=_("SHA-256 of the imported file.")
    )
    published = models.BooleanField(
        _("published"),
        default=True,
        help_text=_("Unpublished finding aids and all their components are hidden from the site."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = FindingAidQuerySet.as_manager()

    class Meta:
        ordering = ["title", "eadid"]
        verbose_name = _("finding aid")
        verbose_name_plural = _("finding aids")

    def __str__(self):
        return f"{self.eadid} — {self.title}"

    @property
    def level_label(self):
        """The level's name; "" for “other level” without the producer's own name."""
        if self.level == Level.OTHERLEVEL:
            return self.other_level
        return self.get_level_display() if self.level else ""


class ComponentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True, finding_aid__published=True)

    def communicable(self, year=None):
        return self.filter(communicable_filter(year))

    def top_level(self):
        return self.filter(parent__isnull=True)

    def ordered(self):
        """Order by position among siblings, which is also the order of the whole tree."""
        return self.order_by("finding_aid_id", "tree_path")

    def with_child_counts(self):
        """Annotate ``child_count``, the number of published children, in the same query."""
        children = Component.objects.filter(parent=OuterRef("pk"), published=True).order_by()
        return self.annotate(child_count=Coalesce(Subquery(_count_of(children, "parent")), 0))


class Component(AccessFieldsMixin):
    """One node of a finding aid's description tree (an EAD ``c`` or ``c01``…``c12``).

    ``key`` is the component's ``id`` attribute. When a component has no usable ``id``, the
    importer derives a key from its parent's key, reference code, title and dates (see
    ``archives.importers.ead.derive_key``), so that it stays the same across re-imports as
    long as those four values do.
    """

    finding_aid = models.ForeignKey(
        FindingAid,
        verbose_name=_("finding aid"),
        on_delete=models.CASCADE,
        related_name="components",
    )
    key = models.CharField(_("key"), max_length=255)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, blank=True)
    other_level = models.CharField(
        _("other level"),
        max_length=100,
        blank=True,
        help_text=_("The producer's own level name, when the level is “other level”."),
    )
    position = models.PositiveIntegerField(_("position"), help_text=_("1 for the first sibling."))
    depth = models.PositiveSmallIntegerField(_("depth"), help_text=_("1 for a top-level component."))
    tree_path = models.CharField(
        _("tree path"),
        max_length=600,
        help_text=_("Positions from the top, five digits each, joined by dots: 00002.00013."),
    )
    unit_id = models.TextField(_("reference code"), blank=True)
    other_unit_ids = models.JSONField(
        _("other reference codes"), default=list, blank=True, help_text=_("Each as {label, value}.")
    )
    title = models.TextField(_("title"), blank=True)
    other_titles = models.JSONField(
        _("other titles"), default=list, blank=True, help_text=_("Further unittitle values.")
    )
    dates_text = models.TextField(_("dates"), blank=True)
    start_year = models.SmallIntegerField(_("start year"), null=True, blank=True)
    end_year = models.SmallIntegerField(_("end year"), null=True, blank=True)
    extent = models.TextField(_("extent"), blank=True)
    origination = models.TextField(_("creator"), blank=True)
    scope_content = models.TextField(
        _("scope and content"), blank=True, help_text=_("HTML built from scopecontent.")
    )
    notes = models.JSONField(_("other notes"), default=list, blank=True)
    digital_objects = models.JSONField(
        _("digitised images"),
        default=list,
        blank=True,
        help_text=_("References from dao/daoloc: each as {href, first, last, title}."),
    )
    record_hash = models.CharField(
        _("record hash"), max_length=64, help_text=_("SHA-256 of the imported values.")
    )
    published = models.BooleanField(
        _("published"),
        default=True,
        help_text=_("Cleared when a re-imported finding aid no longer contains this component."),
    )
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    objects = ComponentQuerySet.as_manager()

    class Meta:
        ordering = ["finding_aid_id", "tree_path"]
        verbose_name = _("component")
        verbose_name_plural = _("components")
        constraints = [
            models.UniqueConstraint(
                fields=["finding_aid", "key"], name="archives_component_unique_key"
            )
        ]
        indexes = [
            models.Index(
                fields=["finding_aid", "parent", "tree_path"], name="archives_component_children"
            ),
            models.Index(fields=["finding_aid", "tree_path"], name="archives_component_tree"),
        ]

    def __str__(self):
        return f"{self.unit_id} {self.display_title}".strip()

    @property
    def display_title(self):
        """The title, or the dates or reference code when the file gives no title."""
        return self.title or self.dates_text or self.unit_id or self.key

    @property
    def level_label(self):
        """The level's name; "" for “other level” without the producer's own name."""
        if self.level == Level.OTHERLEVEL:
            return self.other_level
        return self.get_level_display() if self.level else ""

    def ancestor_paths(self):
        """Tree paths of the ancestors, from the top level down."""
        parts = self.tree_path.split(".")
        return [".".join(parts[:index]) for index in range(1, len(parts))]

    def digital_object_links(self):
        return build_links(self.digital_objects)
