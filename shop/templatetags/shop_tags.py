"""Template tags of the shop's layout."""

from django import template
from oscar.core.loading import get_model

register = template.Library()


@register.simple_tag
def shop_categories():
    """Return the public top-level categories for the shop navigation, in tree order."""
    Category = get_model("catalogue", "Category")
    return list(Category.objects.browsable().filter(depth=1).order_by("path"))
