"""Search within the requested site and language.

Cross-site results, facets and the OpenSearch engine are still to come.
"""

from django.core.paginator import Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page, Site

RESULTS_PER_PAGE = 20
MAX_QUERY_LENGTH = 200


def search(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results_page = None
    if query:
        root = site.root_page.get_translation_or_none(Locale.get_active()) or site.root_page
        results = Page.objects.live().public().descendant_of(root, inclusive=True).search(query)
        paginator = Paginator(results, RESULTS_PER_PAGE)
        results_page = paginator.get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "search/search.html", {"query": query, "results_page": results_page}
    )
