"""Which pages anonymous visitors may see, without a query per page listing.

Wagtail's ``PageQuerySet.public()`` reads every PageViewRestriction each time it is called, so a
page with a language switcher and a list of subpages read them twice. These helpers read them once
per site and cache generation: saving or deleting a restriction purges every site's cache, and
moving a page (which changes the paths below) purges its site's cache (sites.cache).
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from sites.cache import cached_fragment


def restricted_paths(request):
    """Return the tree paths of the pages that carry a view restriction."""
    return cached_fragment(
        request,
        "restricted-paths",
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
        per_language=False,
    )


def public_pages(queryset, request):
    """Filter ``queryset`` like ``public()``: drop restricted pages and their descendants."""
    private = Q()
    for path in restricted_paths(request):
        private |= Q(path__startswith=path)
    return queryset.exclude(private) if private else queryset
