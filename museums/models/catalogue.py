"""Museums and the objects of the shared collections catalogue.

Catalogue objects are ordinary models, not pages, because a catalogue contains tens of
thousands of them. They are written by the importers (``museums.importers``) and served by
``CatalogueIndexPage`` at a sub-URL each.
"""

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Museum(models.Model):
    """A museum keeping catalogue objects, identified by its Muséofile code when it has one."""

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    museofile_code = models.CharField(
        _("Muséofile code"),
        max_length=10,
        unique=True,
        null=True,
        blank=True,
        help_text=_(
            "Code of the museum in the Muséofile directory of the musées de France, for example "
            "M5009. Joconde records are matched to the museum through it."
        ),
    )
    external_identifier = models.CharField(
        _("other identifier"),
        max_length=255,
        unique=True,
        null=True,
        blank=True,
        help_text=_(
            "Identifier of a museum outside France in another directory (ISIL, ULAN…), as found "
            "in LIDO records."
        ),
    )
    town = models.CharField(_("town"), max_length=120, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("museum")
        verbose_name_plural = _("museums")

    def __str__(self):
        return self.name


class Creator(models.Model):
    """A person or workshop named as author of objects, spelt as in the source."""

    name = models.CharField(_("name"), max_length=255, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("creator")
        verbose_name_plural = _("creators")

    def __str__(self):
        return self.name


class CatalogueObjectQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def for_display(self):
        """Fetch what a listing or object page shows, in two queries whatever the count."""
        return self.select_related("museum").prefetch_related(
            Prefetch(
                "object_creators",
                queryset=ObjectCreator.objects.select_related("creator").order_by("position"),
            )
        )


class CatalogueObject(models.Model):
    """One museum object described by an imported record, keyed on its source and identifier."""

    class Source(models.TextChoices):
        JOCONDE = "joconde", pgettext_lazy("catalogue source", "Joconde")
        LIDO = "lido", pgettext_lazy("catalogue source", "LIDO")

    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    source_identifier = models.CharField(
        _("source identifier"),
        max_length=255,
        help_text=_("Joconde reference (REF) or LIDO record identifier (lidoRecID)."),
    )
    slug = models.SlugField(_("slug"), max_length=150, unique=True)

    title = models.CharField(_("title"), max_length=500)
    object_type = models.CharField(
        _("object type"),
        max_length=255,
        blank=True,
        db_index=True,
        help_text=_("Denomination of the object, for example « tableau » or « fragment »."),
    )
    creators = models.ManyToManyField(
        Creator,
        through="ObjectCreator",
        related_name="catalogue_objects",
        verbose_name=_("creators"),
    )
    date_text = models.CharField(
        _("date"),
        max_length=255,
        blank=True,
        help_text=_("Period or year of creation, as written in the source."),
    )
    technique = models.CharField(_("materials and techniques"), max_length=500, blank=True)
    dimensions = models.TextField(
        _("dimensions"), blank=True, help_text=_("Measurements as written in the source.")
    )
    inventory_number = models.CharField(_("inventory number"), max_length=255, blank=True)
    museum = models.ForeignKey(
        Museum, on_delete=models.PROTECT, related_name="catalogue_objects", verbose_name=_("museum")
    )
    subject = models.TextField(_("subject depicted"), blank=True)
    description = models.TextField(_("description"), blank=True)

    record_licence = models.CharField(
        _("licence of the record"),
        max_length=255,
        blank=True,
        help_text=_("Licence under which the text of the record may be reused."),
    )
    record_licence_url = models.URLField(_("address of the licence"), max_length=500, blank=True)
    copyright_notice = models.TextField(
        _("rights"),
        blank=True,
        help_text=_("Copyright notice of the record and its images (Joconde COPY, LIDO rights)."),
    )
    image_credit = models.TextField(
        _("photo credit"),
        blank=True,
        help_text=_(
            "Credit and conditions of use of the photographs (Joconde PHOT, LIDO resources)."
        ),
    )
    source_url = models.URLField(
        _("source address"),
        max_length=500,
        blank=True,
        help_text=_("Public page of the record at its source, such as the POP notice."),
    )

    missing = models.BooleanField(
        _("reported missing"),
        default=False,
        help_text=_(
            "The museum reported the object missing or stolen after the inventory check "
            "(Joconde MANQUANT). The page says so, to help find it."
        ),
    )
    missing_note = models.TextField(_("note on the missing object"), blank=True)
    published = models.BooleanField(
        _("published"),
        default=True,
        help_text=_("Only published objects appear on the site. Imports never change this flag."),
    )

    raw_data = models.JSONField(
        _("source data"),
        default=dict,
        help_text=_("The fields of the record as read from the source, kept for traceability."),
    )
    content_hash = models.CharField(
        _("content hash"),
        max_length=64,
        help_text=_(
            "SHA-256 of the imported values; an import skips a record whose hash is equal."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = CatalogueObjectQuerySet.as_manager()

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("catalogue object")
        verbose_name_plural = _("catalogue objects")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_identifier"], name="museums_object_source_identifier"
            )
        ]
        indexes = [models.Index(fields=["published", "title"], name="museums_object_listing")]

    def __str__(self):
        return self.title

    @property
    def content_language(self):
        """Language of the record's text when one is known: Joconde records are in French.

        LIDO records mix languages (the title may be French and the rest German), so none is
        claimed for them.
        """
        return "fr" if self.source == self.Source.JOCONDE else ""


class ObjectCreator(models.Model):
    """The part a creator played in making one object, in the order the source lists them."""

    catalogue_object = models.ForeignKey(
        CatalogueObject, on_delete=models.CASCADE, related_name="object_creators"
    )
    creator = models.ForeignKey(Creator, on_delete=models.PROTECT, related_name="object_roles")
    role = models.CharField(_("role"), max_length=255, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("creator of an object")
        verbose_name_plural = _("creators of objects")

    def __str__(self):
        return f"{self.creator.name} ({self.role})" if self.role else self.creator.name
