"""What each staff role can see and change, on each of the four sites.

Roles: the site's editor and moderator (sites.permissions), the shop manager and the ticket
staff (Oscar's dashboard only) and the administrator (superuser). Each case of the table is its
own test, named role-site-check.
"""

import pytest
from django.contrib.auth import get_user_model
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection
from wagtail.permissions import policy_registry

from sites.models import SiteBranding, SiteNavigation
from sites.permissions import (
    SITE_MODEL_PERMISSIONS,
    ensure_editor_group,
    ensure_moderator_group,
    ensure_shop_manager_group,
    ensure_ticket_staff_group,
)

pytestmark = pytest.mark.django_db

SITES = ["musees", "memorial", "archives", "tourisme"]
ROLES = ["editor", "moderator", "shop_manager", "ticket_staff", "administrator"]


def other_site(site_key):
    """The site that a role of site_key must not touch: the next one in SITES."""
    return SITES[(SITES.index(site_key) + 1) % len(SITES)]


def make_role_user(role, site_key, profiles):
    user = get_user_model().objects.create_user(
        username=f"{role}-{site_key}",
        email=f"{role}-{site_key}@example.org",
        password="correct-horse-battery-staple",
        is_staff=role in ("shop_manager", "ticket_staff", "administrator"),
        is_superuser=role == "administrator",
    )
    group_factories = {
        "editor": lambda: ensure_editor_group(profiles[site_key]),
        "moderator": lambda: ensure_moderator_group(profiles[site_key]),
        "shop_manager": ensure_shop_manager_group,
        "ticket_staff": ensure_ticket_staff_group,
    }
    if role in group_factories:
        user.groups.add(group_factories[role]())
    return user


def collection_of(profiles, site_key):
    return Collection.objects.get(name=profiles[site_key].site.site_name)


def page_permissions(user, profiles, site_key):
    return profiles[site_key].site.root_page.specific.permissions_for_user(user)


def media_permission(model, action, site_key):
    def check(user, profiles, own):
        collection = collection_of(profiles, own if site_key == "own" else other_site(own))
        policy = policy_registry.get_by_type(model)
        return policy.user_has_permission_for_instance(user, action, model(collection=collection))

    return check


def add_to_other_collection(user, profiles, own):
    policy = policy_registry.get_by_type(Image)
    allowed = policy.collections_user_has_permission_for(user, "add")
    return allowed.filter(pk=collection_of(profiles, other_site(own)).pk).exists()


def setting_permission(model, site_key):
    def check(user, profiles, own):
        site = profiles[own if site_key == "own" else other_site(own)].site
        policy = model.get_permission_policy()
        return policy.user_has_permission_for_instance(user, "change", model.for_site(site))

    return check


def own_site_records(user, profiles, own):
    """Change the first kind of record that the site's importers maintain."""
    changeable = [name for name in SITE_MODEL_PERMISSIONS[own] if ".change_" in name]
    return user.has_perm(changeable[0])


CHECKS = {
    "admin-access": lambda user, profiles, own: user.has_perm("wagtailadmin.access_admin"),
    "edit-own-page": lambda user, profiles, own: page_permissions(user, profiles, own).can_edit(),
    "publish-own-page": lambda user, profiles, own: (
        page_permissions(user, profiles, own).can_publish()
    ),
    "edit-other-page": lambda user, profiles, own: (
        page_permissions(user, profiles, other_site(own)).can_edit()
    ),
    "publish-other-page": lambda user, profiles, own: (
        page_permissions(user, profiles, other_site(own)).can_publish()
    ),
    "change-own-image": media_permission(Image, "change", "own"),
    "change-other-image": media_permission(Image, "change", "other"),
    "choose-other-image": media_permission(Image, "choose", "other"),
    "change-own-document": media_permission(Document, "change", "own"),
    "change-other-document": media_permission(Document, "change", "other"),
    "add-to-other-collection": add_to_other_collection,
    "change-own-branding": setting_permission(SiteBranding, "own"),
    "change-other-branding": setting_permission(SiteBranding, "other"),
    "change-own-navigation": setting_permission(SiteNavigation, "own"),
    "change-other-navigation": setting_permission(SiteNavigation, "other"),
    "change-offer-snippet": lambda user, profiles, own: user.has_perm("tourism.change_offer"),
    "change-own-records": own_site_records,
    "change-product": lambda user, profiles, own: user.has_perm("catalogue.change_product"),
    "change-shop-offer": lambda user, profiles, own: (
        user.has_perm("offer.change_conditionaloffer")
    ),
    "view-orders": lambda user, profiles, own: user.has_perm("order.view_order"),
}

SITE_EDITING = {
    "admin-access": True,
    "edit-own-page": True,
    "publish-own-page": False,
    "edit-other-page": False,
    "publish-other-page": False,
    "change-own-image": True,
    "change-other-image": False,
    "choose-other-image": False,
    "change-own-document": True,
    "change-other-document": False,
    "add-to-other-collection": False,
    "change-own-branding": True,
    "change-other-branding": False,
    "change-own-navigation": True,
    "change-other-navigation": False,
    "change-own-records": True,
    "change-product": False,
    "change-shop-offer": False,
    "view-orders": False,
}


def expected(role, site_key, check):
    if role == "administrator":
        return True
    if role in ("editor", "moderator"):
        if check == "change-offer-snippet":
            # Tourist offers are the tourism office's records, shown as a Wagtail snippet.
            return site_key == "tourisme"
        if check == "publish-own-page":
            return role == "moderator"
        return SITE_EDITING[check]
    if role == "shop_manager":
        return check in ("change-product", "change-shop-offer", "view-orders")
    if role == "ticket_staff":
        return check == "view-orders"
    raise AssertionError(f"no expectation for role {role}")


CASES = [
    pytest.param(role, site_key, check, expected(role, site_key, check), id=f"{role}-{site_key}-{check}")
    for role in ROLES
    for site_key in SITES
    for check in CHECKS
]


@pytest.mark.parametrize("role, site_key, check, allowed", CASES)
def test_role_permission(platform_sites, role, site_key, check, allowed):
    user = make_role_user(role, site_key, platform_sites)
    result = CHECKS[check](user, platform_sites, site_key)
    verb = "can" if allowed else "cannot"
    assert result is allowed, f"{role} of {site_key} {verb} {check} (got {result})"


MUSEES = "musees.localhost"
STAFF_PAGES = {
    "wagtail-admin": "/admin/",
    "dashboard-catalogue": "/boutique/dashboard/catalogue/",
    "dashboard-offers": "/boutique/dashboard/offers/",
    "dashboard-orders": "/boutique/dashboard/orders/",
}
PAGE_ACCESS = {
    "editor": {"wagtail-admin"},
    "moderator": {"wagtail-admin"},
    "shop_manager": {"dashboard-catalogue", "dashboard-offers", "dashboard-orders"},
    "ticket_staff": {"dashboard-orders"},
    "administrator": set(STAFF_PAGES),
}


@pytest.mark.parametrize(
    "role, page",
    [pytest.param(role, page, id=f"{role}-{page}") for role in ROLES for page in STAFF_PAGES],
)
def test_role_staff_page(client, platform_sites, role, page):
    client.force_login(make_role_user(role, "musees", platform_sites))
    response = client.get(STAFF_PAGES[page], HTTP_HOST=MUSEES)
    if page in PAGE_ACCESS[role]:
        assert response.status_code == 200, f"{role} cannot open {page}"
    else:
        assert response.status_code in (302, 403), f"{role} opens {page}"


def test_moderators_review_their_site_only(platform_sites):
    from wagtail.models import WorkflowPage

    for site_key in SITES:
        moderators = ensure_moderator_group(platform_sites[site_key])
        workflow = WorkflowPage.objects.get(page=platform_sites[site_key].site.root_page).workflow
        task_groups = {group for task in workflow.tasks.specific() for group in task.groups.all()}
        assert task_groups == {moderators}, site_key
