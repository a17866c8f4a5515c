"""Tourist offers syndicated from Tourinsoft, their dates, and the state of each feed.

An offer is keyed on its feed (the name given at import time) and its Tourinsoft identifier
(``SyndicObjectID``). Fields listed in ``Offer.SYNCED_FIELDS`` belong to the feed: each import
overwrites them. The editor fields (``editor_note``, ``featured``, ``hidden``) belong to the
tourist office and no import ever writes them.
"""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Min, Q
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OfferType(models.TextChoices):
    """Kinds of offer shown on the site; feeds map their own type labels onto these."""

    # Labels are category names, plural where English needs it: they head the listing sections.
    ACCOMMODATION = "accommodation", _("Accommodation")
    RESTAURANT = "restaurant", _("Restaurants")
    EVENT = "event", _("Events and festivals")
    ACTIVITY = "activity", _("Leisure activities")
    HERITAGE = "heritage", _("Heritage and sightseeing")
    TASTING = "tasting", _("Local produce and tasting")
    ITINERARY = "itinerary", _("Walks and routes")
    SERVICE = "service", _("Practical services")
    OTHER = "other", _("Other offers")


class OfferQuerySet(models.QuerySet):
    def published(self):
        """Offers the site shows: present in their feed and not hidden by an editor."""
        return self.filter(published=True, hidden=False)

    def of_type(self, offer_type):
        return self.filter(offer_type=offer_type)

    def upcoming(self, today=None):
        """Offers with a period ending today or later, soonest first.

        Each offer is annotated with ``next_start`` and ``next_end``, the earliest start and end
        among those periods, so that a listing needs no query per offer.
        """
        today = today or timezone.localdate()
        current = Q(periods__end__gte=today)
        return (
            self.annotate(
                next_start=Min("periods__start", filter=current),
                next_end=Min("periods__end", filter=current),
            )
            .filter(next_end__isnull=False)
            .order_by("next_start", "name", "pk")
        )


class Offer(models.Model):
    # Fields that each import sets from the feed; editors see them read-only in the admin.
    SYNCED_FIELDS = (
        "name",
        "offer_type",
        "type_label",
        "category",
        "street",
        "postal_code",
        "town",
        "phone",
        "email",
        "website",
        "summary",
        "description",
        "latitude",
        "longitude",
        "images",
        "language",
        "source_updated",
        "source_updated_at",
        "raw",
        "content_hash",
        "published",
        "missing_since",
        "last_changed_at",
    )

    feed = models.CharField(
        pgettext_lazy("tourist offer", "feed"),
        max_length=50,
        help_text=_("Name of the feed given when importing it."),
    )
    source_id = models.CharField(
        _("Tourinsoft identifier"), max_length=64, help_text=_("SyndicObjectID in the feed.")
    )

    name = models.CharField(pgettext_lazy("tourist offer", "name"), max_length=255)
    offer_type = models.CharField(
        pgettext_lazy("tourist offer", "type"),
        max_length=20,
        choices=OfferType.choices,
        default=OfferType.OTHER,
    )
    type_label = models.CharField(
        _("type in the feed"), max_length=100, blank=True, help_text=_("ObjectTypeName.")
    )
    category = models.CharField(
        pgettext_lazy("tourist offer", "category"), max_length=255, blank=True
    )

    street = models.CharField(_("street address"), max_length=255, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    town = models.CharField(pgettext_lazy("tourist offer", "town"), max_length=100, blank=True)

    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), max_length=500, blank=True)

    summary = models.TextField(pgettext_lazy("tourist offer", "summary"), blank=True)
    description = models.TextField(pgettext_lazy("tourist offer", "description"), blank=True)

    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=7,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=10,
        decimal_places=7,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
    )

    images = models.JSONField(
        pgettext_lazy("tourist offer", "images"),
        default=list,
        blank=True,
        help_text=_(
            "External photos as given by the feed (address, title, credit). The site links to "
            "them and never embeds them."
        ),
    )
    language = models.CharField(
        _("language of the content"),
        max_length=10,
        default="fr",
        help_text=_("Language of the texts delivered by the feed."),
    )

    source_updated = models.CharField(
        _("updated in Tourinsoft"),
        max_length=50,
        blank=True,
        help_text=_("The Updated value of the feed, stored as received."),
    )
    source_updated_at = models.DateTimeField(_("updated in Tourinsoft at"), null=True, blank=True)
    raw = models.JSONField(_("raw record"), default=dict, help_text=_("The offer as received."))
    content_hash = models.CharField(_("content hash"), max_length=64, blank=True)

    published = models.BooleanField(
        _("in the feed"),
        default=True,
        help_text=_(
            "Set by each import: an offer missing from a complete feed is withdrawn from the "
            "site, never deleted, and comes back if it reappears."
        ),
    )
    missing_since = models.DateTimeField(_("missing from the feed since"), null=True, blank=True)
    first_imported_at = models.DateTimeField(_("first imported at"), auto_now_add=True)
    last_changed_at = models.DateTimeField(_("last changed by an import at"), default=timezone.now)

    # Editor enrichment: imports never write these fields.
    editor_note = models.TextField(
        _("tourist office's note"),
        blank=True,
        help_text=_(
            "Shown on the offer's page, above the description. Never overwritten by an import."
        ),
    )
    featured = models.BooleanField(
        pgettext_lazy("tourist offer", "featured"),
        default=False,
        help_text=_("Listed first in its type. Never overwritten by an import."),
    )
    hidden = models.BooleanField(
        _("hidden from the site"),
        default=False,
        help_text=_(
            "Removes the offer from the site, whatever the feed says. Never overwritten by an "
            "import."
        ),
    )

    objects = OfferQuerySet.as_manager()

    class Meta:
        verbose_name = _("tourist offer")
        verbose_name_plural = _("tourist offers")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["feed", "source_id"], name="tourism_offer_feed_source_id"
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="tourism_offer_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="tourism_offer_longitude_range",
            ),
        ]
        indexes = [models.Index(fields=["published", "hidden", "offer_type"])]

    def __str__(self):
        return self.name

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def openstreetmap_url(self):
        if not self.has_coordinates:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=17/{self.latitude}/{self.longitude}"
        )


class OfferPeriod(models.Model):
    """One date range of an offer: the dates of an event, or an opening season of a place."""

    offer = models.ForeignKey(
        Offer,
        verbose_name=pgettext_lazy("tourist offer", "offer"),
        on_delete=models.CASCADE,
        related_name="periods",
    )
    position = models.PositiveSmallIntegerField(
        pgettext_lazy("tourist offer", "position"), default=0
    )
    start = models.DateField(pgettext_lazy("tourist offer", "start"))
    end = models.DateField(pgettext_lazy("tourist offer", "end"))
    opening_times = models.CharField(
        _("opening times"),
        max_length=200,
        blank=True,
        help_text=_("For example 10:00–12:30, 15:30–19:00."),
    )
    weekly_hours = models.JSONField(
        _("hours by weekday"),
        default=dict,
        blank=True,
        help_text=_("Opening times of each weekday, keyed 0 (Monday) to 6 (Sunday)."),
    )
    open_days = models.CharField(_("open days"), max_length=300, blank=True)
    closed_days = models.CharField(_("closed days"), max_length=300, blank=True)
    note = models.TextField(pgettext_lazy("tourist offer", "details"), blank=True)

    class Meta:
        verbose_name = _("offer period")
        verbose_name_plural = _("offer periods")
        ordering = ["start", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=F("start")), name="tourism_period_end_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"

    @property
    def is_single_day(self):
        return self.start == self.end

    def weekly_hours_display(self):
        """Return (translated weekday name, hours) pairs, Monday first."""
        return [
            (WEEKDAYS[weekday], self.weekly_hours[str(weekday)])
            for weekday in range(7)
            if self.weekly_hours.get(str(weekday))
        ]


class FeedState(models.Model):
    """State of the last imports of one feed, used to judge whether a new import is plausible."""

    name = models.CharField(pgettext_lazy("tourist offer", "feed"), max_length=50, unique=True)
    mapping = models.CharField(_("field mapping"), max_length=100, blank=True)
    last_import_at = models.DateTimeField(_("last import at"), null=True, blank=True)
    last_complete_count = models.PositiveIntegerField(
        _("offers in the last complete import"), null=True, blank=True
    )
    last_complete_at = models.DateTimeField(_("last complete import at"), null=True, blank=True)

    class Meta:
        verbose_name = _("Tourinsoft feed")
        verbose_name_plural = _("Tourinsoft feeds")
        ordering = ["name"]

    def __str__(self):
        return self.name
