"""Context processors of the shop, limited to the shop's own pages."""

from oscar.apps.search.context_processors import search_form as oscar_search_form

SHOP_PREFIX = "/boutique/"


def search_form(request):
    """Add Oscar's product search form on shop pages only.

    Oscar's own processor adds it to every template, and the Wagtail admin then shows the
    shop's sort menu in its header, because it renders any ``search_form`` it is given.
    """
    if not request.path.startswith(SHOP_PREFIX):
        return {}
    return oscar_search_form(request)
