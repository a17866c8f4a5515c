"""The catalogue page: a filtered list of published objects and one sub-URL per object."""

from django import forms
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from sites.i18n import site_languages
from sites.models import BasePage

from .catalogue import CatalogueObject, Museum


class CatalogueFilterForm(forms.Form):
    """GET filters of the object list; the choices are the values published objects have."""

    museum = forms.ChoiceField(label=_("Museum"), required=False)
    type = forms.ChoiceField(label=_("Object type"), required=False)

    def __init__(self, data, museum_choices, type_choices):
        super().__init__(data)
        self.fields["museum"].choices = [("", _("All museums")), *museum_choices]
        self.fields["type"].choices = [("", _("All object types")), *type_choices]

    def filters(self):
        """Return the valid, non-empty filter values; an invalid one is ignored (and reported)."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {name: value for name, value in cleaned.items() if value}


class CatalogueIndexPage(RoutablePageMixin, BasePage):
    """The collections catalogue of the museums' site, listing imported catalogue objects."""

    intro = models.TextField(_("introduction"), blank=True)
    objects_per_page = models.PositiveSmallIntegerField(
        _("objects per page"),
        default=24,
        validators=[MinValueValidator(6), MaxValueValidator(100)],
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("objects_per_page"),
    ]

    parent_page_types = ["core.HomePage", "core.ContentPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("collections catalogue")
        verbose_name_plural = _("collections catalogues")

    def get_template(self, request, *args, **kwargs):
        return "museums/catalogue_index_page.html"

    @path("", name="object_list")
    def object_list(self, request):
        form = CatalogueFilterForm(request.GET or None, *self._filter_choices())
        filters = form.filters() if form.is_bound else {}
        objects = CatalogueObject.objects.published().for_display()
        if "museum" in filters:
            objects = objects.filter(museum__slug=filters["museum"])
        if "type" in filters:
            objects = objects.filter(object_type=filters["type"])

        paginator = Paginator(objects, self.objects_per_page)
        page_of_objects = paginator.get_page(request.GET.get("page"))
        list_url = self.get_url(request)
        for catalogue_object in page_of_objects:
            catalogue_object.page_url = list_url + self.reverse_subpage(
                "object_detail", kwargs={"slug": catalogue_object.slug}
            )
        # Pagination links keep the filters, so they are built from the query without "page".
        query = request.GET.copy()
        query.pop("page", None)
        return self.render(
            request,
            context_overrides={
                "filter_form": form,
                "filters": filters,
                "page_of_objects": page_of_objects,
                "filter_query": query.urlencode(),
            },
        )

    @path("objet/<slug:slug>/", name="object_detail")
    def object_detail(self, request, slug):
        catalogue_object = get_object_or_404(
            CatalogueObject.objects.published().for_display(), slug=slug
        )
        subpath = self.reverse_subpage("object_detail", kwargs={"slug": slug})
        context = self.get_context(request)
        # The language links point at the same object under each translation of this page.
        for alternate in context["alternates"]:
            if alternate["url"]:
                alternate["url"] += subpath
        context.update(
            {
                "catalogue_object": catalogue_object,
                "object_full_url": self.get_full_url(request) + subpath,
                "list_url": self.get_url(request),
            }
        )
        return TemplateResponse(request, "museums/catalogue_object.html", context)

    def _filter_choices(self):
        """Return (museum choices, object type choices) of published objects, in two queries."""
        museums = (
            Museum.objects.filter(catalogue_objects__published=True)
            .distinct()
            .order_by("name")
            .values_list("slug", "name")
        )
        object_types = (
            CatalogueObject.objects.published()
            .exclude(object_type="")
            .order_by("object_type")
            .values_list("object_type", flat=True)
            .distinct()
        )
        return list(museums), [(value, value) for value in object_types]

    def get_extra_sitemap_urls(self, request):
        """List every published object once, with its URL under each live translation."""
        base_url = self.get_full_url(request)
        if base_url is None:
            return []
        languages = site_languages(request)
        translations = [
            (translation.locale.language_code, translation.get_full_url(request))
            for translation in self.get_translations()
            .live()
            .public()
            .select_related("locale")
            .filter(locale__language_code__in=languages)
        ]
        own_language = self.locale.language_code

        entries = []
        rows = CatalogueObject.objects.published().order_by("pk").values_list("slug", "updated_at")
        for slug, updated_at in rows.iterator():
            subpath = self.reverse_subpage("object_detail", kwargs={"slug": slug})
            location = base_url + subpath
            alternates = []
            if translations:
                alternates = [{"code": own_language, "url": location}] + [
                    {"code": code, "url": url + subpath} for code, url in translations if url
                ]
            entries.append({"location": location, "lastmod": updated_at, "alternates": alternates})
        return entries
