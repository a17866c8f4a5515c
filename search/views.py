"""The search page of each site and its autocomplete suggestions."""

from django.http import Http404, JsonResponse
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.views.decorators.http import require_GET
from wagtail.models import Site

from search import engine
from search.database import DatabaseBackend
from search.query import FACETS, SearchForm, run_search
from sites.i18n import LANGUAGE_NAMES, prefixed_path
from sites.models import SiteProfile

SUGGESTION_LIMIT = 8


def visitor_backend():
    return engine.EngineBackend if engine.is_configured() else DatabaseBackend


def site_roots():
    """Map each platform site key to the root URL of its Wagtail site."""
    profiles = SiteProfile.objects.select_related("site")
    return {profile.key: profile.site.root_url for profile in profiles}


@require_GET
def search(request):
    site = Site.find_for_request(request)
    profile = getattr(request, "platform_profile", None)
    if site is None or profile is None:
        raise Http404
    form = SearchForm(request.GET)
    parameters = form.parameters()
    language = get_language()
    roots = site_roots()

    outcome = None
    unavailable = False
    if parameters.text or parameters.filters:
        try:
            outcome = run_search(visitor_backend(), parameters, profile.key, language, list(roots))
            last_page = max(1, -(-outcome.total // parameters.per_page))
            if parameters.page > last_page:
                # A page past the end (an old link, a hand-edited URL) shows the last one.
                parameters.page = last_page
                outcome = run_search(visitor_backend(), parameters, profile.key, language, list(roots))
        except engine.SearchUnavailable:
            unavailable = True
        else:
            for hit in outcome.hits:
                hit.url = roots.get(hit.site, "") + hit.path
                hit.on_current_site = hit.site == profile.key

    context = {
        "query": parameters.text,
        "parameters": parameters,
        "outcome": outcome,
        "unavailable": unavailable,
        "site_key": profile.key,
        "highlights": visitor_backend().highlights,
        "operators": visitor_backend().supports_operators(),
        "alternates": search_page_alternates(request, profile),
        "sort_choices": form.fields["sort"].choices,
        "facet_links": facet_links(parameters, outcome) if outcome else [],
        "page_links": page_links(parameters, outcome) if outcome else {},
    }
    response = TemplateResponse(request, "search/search.html", context, status=503 if unavailable else 200)
    return response


def search_page_alternates(request, profile):
    """List the search page in each language of the site, keeping the query string."""
    current = get_language()
    query_string = request.META.get("QUERY_STRING", "")
    alternates = []
    for code in profile.languages:
        path = prefixed_path(code, "/recherche/")
        alternates.append(
            {
                "code": code,
                "name": LANGUAGE_NAMES[code],
                "url": f"{path}?{query_string}" if query_string else path,
                "available": True,
                "current": code == current,
            }
        )
    return alternates


def query_items(parameters, replace=None, page=None):
    """Return the query string items of ``parameters``, with one facet field's values replaced."""
    items = [("q", parameters.text)] if parameters.text else []
    for spec in FACETS:
        values = parameters.filters.get(spec.field, [])
        if replace and replace[0] == spec.field:
            values = replace[1]
        for value in values:
            items.append((spec.name, "1" if value is True else value))
    if parameters.sort != "relevance":
        items.append(("sort", parameters.sort))
    if page and page > 1:
        items.append(("page", page))
    return items


def facet_links(parameters, outcome):
    """Attach to each facet value the URL that toggles it, back on the first page."""
    for facet in outcome.facets:
        selected = parameters.filters.get(facet.spec.field, [])
        for value in facet.values:
            toggled = (
                [v for v in selected if v != value.value] if value.selected else selected + [value.value]
            )
            value.url = "?" + urlencode(query_items(parameters, replace=(facet.spec.field, toggled)))
    return outcome.facets


def page_links(parameters, outcome):
    last_page = max(1, -(-outcome.total // parameters.per_page))
    links = {"number": parameters.page, "last": last_page}
    if parameters.page > 1:
        links["previous"] = "?" + urlencode(query_items(parameters, page=min(parameters.page - 1, last_page)))
    if parameters.page < last_page:
        links["next"] = "?" + urlencode(query_items(parameters, page=parameters.page + 1))
    return links


@require_GET
def suggestions(request):
    """Return up to eight titles that complete what the visitor is typing, as JSON."""
    if getattr(request, "platform_profile", None) is None:
        raise Http404
    text = request.GET.get("q", "")[:100].strip()
    if len(text) < 2:
        return JsonResponse({"suggestions": []})
    roots = site_roots()
    profile = request.platform_profile
    other_sites = [key for key in roots if key != profile.key]
    backend = visitor_backend()
    try:
        # The current site's titles come first, as its results do on the search page.
        rows = backend.suggestions(text, get_language(), SUGGESTION_LIMIT, [profile.key])
        if len(rows) < SUGGESTION_LIMIT and other_sites:
            rows += backend.suggestions(text, get_language(), SUGGESTION_LIMIT - len(rows), other_sites)
    except engine.SearchUnavailable:
        return JsonResponse({"suggestions": [], "unavailable": True}, status=503)
    return JsonResponse(
        {"suggestions": [{"title": title, "url": roots.get(site, "") + path} for title, site, path in rows]}
    )
