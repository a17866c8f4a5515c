"""Group of the shop staff: what they need in Oscar's dashboard to manage the catalogue."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext as _

# Model permissions checked by Oscar's dashboard views (oscar.apps.dashboard.*.apps), by app
# label and model: products with their images, categories, attribute values and
# recommendations, and the stock records that give a product its price.
SHOP_STAFF_PERMISSIONS = {
    "catalogue": {
        "product": ["view", "add", "change", "delete"],
        "productimage": ["view", "add", "change", "delete"],
        "productcategory": ["view", "add", "change", "delete"],
        "productattributevalue": ["view", "add", "change", "delete"],
        "productrecommendation": ["view", "add", "change", "delete"],
        "category": ["view", "add", "change"],
        "productclass": ["view"],
        "option": ["view"],
    },
    "partner": {
        "stockrecord": ["view", "add", "change", "delete"],
        "partner": ["view"],
        "stockalert": ["view"],
    },
}


@transaction.atomic
def ensure_shop_staff_group():
    """Create or update the shop staff group and return it.

    Members also need the "staff status" flag on their user account, which Oscar's dashboard
    checks before any permission.
    """
    group, _created = Group.objects.get_or_create(name=_("Shop staff"))
    codenames = {
        (app_label, f"{action}_{model}")
        for app_label, models in SHOP_STAFF_PERMISSIONS.items()
        for model, actions in models.items()
        for action in actions
    }
    permissions = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in sorted(codenames)
    ]
    group.permissions.add(*permissions)
    return group
