"""The page that publishes the finding aids and lets visitors browse their trees level by level."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.search import index

from sites.models import BasePage

from .records import Component, FindingAid

# Fields a list of child components needs; the long notes stay in the database.
LIST_FIELDS = (
    "key",
    "finding_aid",
    "parent",
    "unit_id",
    "title",
    "dates_text",
    "level",
    "other_level",
    "tree_path",
    "digital_objects",
)


def paginate(request, queryset, per_page):
    """Return the requested page of ``queryset``; a missing or invalid page number is a 404."""
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404(str(error)) from error


class ArchivesIndexPage(RoutablePageMixin, BasePage):
    """Lists the published finding aids and serves each one, and each component, at a sub-URL.

    URLs: ``<page>/`` the list, ``<page>/<eadid>/`` a finding aid and its top-level components,
    ``<page>/<eadid>/<component key>/`` one component and its children.
    """

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["core.HomePage"]
    subpage_types = []

    finding_aids_per_page = 50
    components_per_page = 50

    class Meta:
        verbose_name = _("finding aids index page")
        verbose_name_plural = _("finding aids index pages")

    # URLs -----------------------------------------------------------------------------------

    def finding_aid_path(self, eadid):
        return self.reverse_subpage("finding_aid", kwargs={"eadid": eadid})

    def component_path(self, eadid, key):
        return self.reverse_subpage("component", kwargs={"eadid": eadid, "key": key})

    def get_extra_sitemap_urls(self, request):
        base_url = self.get_full_url(request)
        if not base_url:
            return []
        entries = [
            {
                "location": base_url + self.finding_aid_path(eadid),
                "lastmod": updated_at,
                "alternates": [],
            }
            for eadid, updated_at in FindingAid.objects.published()
            .order_by("eadid")
            .values_list("eadid", "updated_at")
        ]
        components = (
            Component.objects.published()
            .order_by("finding_aid__eadid", "tree_path")
            .values_list("finding_aid__eadid", "key", "updated_at")
        )
        entries.extend(
            {
                "location": base_url + self.component_path(eadid, key),
                "lastmod": updated_at,
                "alternates": [],
            }
            for eadid, key, updated_at in components
        )
        return entries

    # Views ----------------------------------------------------------------------------------

    def _attach_urls(self, base_url, eadid, components):
        for component in components:
            component.url = base_url + self.component_path(eadid, component.key)
        return components

    @path("")
    def index_route(self, request):
        base_url = self.get_url(request)
        finding_aids = paginate(
            request,
            FindingAid.objects.published().with_component_counts().defer(
                "scope_content", "access_conditions", "use_conditions", "notes"
            ),
            self.finding_aids_per_page,
        )
        for finding_aid in finding_aids:
            finding_aid.url = base_url + self.finding_aid_path(finding_aid.eadid)
        return self.render(request, context_overrides={"finding_aids": finding_aids})

    @re_path(r"^(?P<eadid>[\w.-]+)/$", name="finding_aid")
    def finding_aid_route(self, request, eadid):
        finding_aid = get_object_or_404(FindingAid.objects.published(), eadid=eadid)
        base_url = self.get_url(request)
        components = paginate(
            request,
            finding_aid.components.filter(published=True)
            .top_level()
            .only(*LIST_FIELDS)
            .with_child_counts()
            .ordered(),
            self.components_per_page,
        )
        self._attach_urls(base_url, eadid, components)
        return self.render(
            request,
            template="archives/finding_aid.html",
            context_overrides={
                "finding_aid": finding_aid,
                "finding_aid_url": base_url + self.finding_aid_path(eadid),
                "components": components,
            },
        )

    @re_path(r"^(?P<eadid>[\w.-]+)/(?P<key>[^/]+)/$", name="component")
    def component_route(self, request, eadid, key):
        component = get_object_or_404(
            Component.objects.published().select_related("finding_aid"),
            finding_aid__eadid=eadid,
            key=key,
        )
        finding_aid = component.finding_aid
        base_url = self.get_url(request)
        ancestors = list(
            Component.objects.filter(
                finding_aid=finding_aid,
                published=True,
                tree_path__in=component.ancestor_paths(),
            )
            .only(*LIST_FIELDS, "access_conditions")
            .order_by("tree_path")
        )
        self._attach_urls(base_url, eadid, ancestors)
        children = paginate(
            request,
            component.children.filter(published=True)
            .only(*LIST_FIELDS)
            .with_child_counts()
            .ordered(),
            self.components_per_page,
        )
        self._attach_urls(base_url, eadid, children)

        # Access conditions given higher in the tree apply when this level states none.
        access_source = None
        if not component.access_conditions:
            access_source = next(
                (ancestor for ancestor in reversed(ancestors) if ancestor.access_conditions),
                finding_aid if finding_aid.access_conditions else None,
            )
        return self.render(
            request,
            template="archives/component.html",
            context_overrides={
                "finding_aid": finding_aid,
                "finding_aid_url": base_url + self.finding_aid_path(eadid),
                "component": component,
                "component_url": base_url + self.component_path(eadid, component.key),
                "ancestors": ancestors,
                "children": children,
                "access_source": access_source,
                "inherits_from_finding_aid": access_source is finding_aid,
                "digital_objects": (
                    component.digital_object_links() if component.is_communicable() else []
                ),
                "images_withheld": bool(component.digital_objects)
                and not component.is_communicable(),
            },
        )
