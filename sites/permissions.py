"""Staff roles as groups: editors and moderators per site, shop managers and ticket staff.

Editors and moderators work on their own site's pages, media and settings only; moderators also
publish. Shop managers and ticket staff reach Oscar's dashboard only, and administrators are
superusers (no group). tests/security/test_permission_matrix.py checks each role on each site.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page", "unlock_page"]
# Page permissions of moderators on top of the editors' ones: publishing, unpublishing and
# deleting page trees.
MODERATOR_PAGE_PERMISSIONS = ["publish_page", "bulk_delete_page"]
IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image", "delete_image"]
DOCUMENT_PERMISSIONS = ["add_document", "change_document", "choose_document", "delete_document"]
SETTING_MODELS = ["sitebranding", "sitenavigation"]

# Records that each site's importers maintain and its editors may inspect or enrich in the admin.
# Imported fields are overwritten by the next import, and the apps' admin views mark which.
SITE_MODEL_PERMISSIONS = {
    "musees": [
        "museums.view_museum",
        "museums.change_museum",
        "museums.view_catalogueobject",
        "museums.change_catalogueobject",
        "museums.view_creator",
    ],
    "memorial": [
        "memorial.view_convoy",
        "memorial.change_convoy",
        "memorial.view_convoyfigure",
        "memorial.view_keyfigure",
        "memorial.change_keyfigure",
        "memorial.view_publicfigure",
        "memorial.change_publicfigure",
    ],
    "archives": [
        "archives.view_findingaid",
        "archives.change_findingaid",
        "archives.view_component",
    ],
    "tourisme": ["tourism.view_offer", "tourism.change_offer"],
}


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def site_collection(profile):
    """Return the image and document collection of a site, created under the root collection."""
    root = Collection.get_first_root_node()
    name = profile.site.site_name
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


@transaction.atomic
def ensure_editor_group(profile):
    """Create or update the editor group of one site and return it.

    Page permissions are granted on the site's home page in every locale, because each
    translation of the home page is a separate tree root in Wagtail.
    """
    group, _created = Group.objects.get_or_create(
        name=_("%(site)s – editors") % {"site": profile.site.site_name}
    )
    grant_site_editing(group, profile)
    # Editors published directly before moderators existed; databases built then still grant it.
    GroupPagePermission.objects.filter(
        group=group, permission__codename__in=MODERATOR_PAGE_PERMISSIONS
    ).delete()
    return group


def grant_site_editing(group, profile):
    """Give a group the editing rights of one site: pages, media, settings and records."""
    group.permissions.add(
        _permission("wagtailadmin", "access_admin"),
        _permission("wagtail_localize", "submit_translation"),
        _permission("core", "view_importrun"),
    )

    for dotted in SITE_MODEL_PERMISSIONS.get(profile.key, []):
        app_label, codename = dotted.split(".")
        group.permissions.add(_permission(app_label, codename))

    home = profile.site.root_page
    for root in Page.objects.filter(translation_key=home.translation_key):
        for codename in PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=_permission("wagtailcore", codename)
            )

    collection = site_collection(profile)
    for app_label, codenames in (
        ("wagtailimages", IMAGE_PERMISSIONS),
        ("wagtaildocs", DOCUMENT_PERMISSIONS),
    ):
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_permission(app_label, codename)
            )

    for model_name in SETTING_MODELS:
        GroupSitePermission.objects.get_or_create(
            group=group,
            site=profile.site,
            permission=_permission("core", f"change_{model_name}"),
        )


@transaction.atomic
def ensure_moderator_group(profile):
    """Create or update the moderator group of one site: its editors' rights plus publishing.

    Editors save drafts and submit them for moderation; the site's moderators approve and
    publish them, through the site's workflow (ensure_moderation_workflow).
    """
    group, _created = Group.objects.get_or_create(
        name=_("%(site)s – moderators") % {"site": profile.site.site_name}
    )
    grant_site_editing(group, profile)
    home = profile.site.root_page
    for root in Page.objects.filter(translation_key=home.translation_key):
        for codename in MODERATOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=_permission("wagtailcore", codename)
            )
    ensure_moderation_workflow(profile, group)
    return group


def ensure_moderation_workflow(profile, moderators):
    """Route the site's submissions for moderation to its own moderators.

    Without it, Wagtail's default workflow sends every site's submissions to its global
    "Moderators" group.
    """
    name = _("%(site)s – review") % {"site": profile.site.site_name}
    task, _created = GroupApprovalTask.objects.get_or_create(name=name)
    task.groups.set([moderators])
    workflow, _created = Workflow.objects.get_or_create(name=name)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    home = profile.site.root_page
    for root in Page.objects.filter(translation_key=home.translation_key):
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return workflow


# Shop managers run the shop in Oscar's dashboard: the shop staff's catalogue and stock rights,
# plus offers, ranges and orders.
SHOP_MANAGER_EXTRA_PERMISSIONS = {
    "offer": {
        "conditionaloffer": ["view", "add", "change", "delete"],
        "range": ["view", "add", "change", "delete"],
        "condition": ["view", "add", "change", "delete"],
        "benefit": ["view", "add", "change", "delete"],
    },
    "order": {"order": ["view", "change"]},
}

# NOTE: ticketing does not exist yet. Ticket staff can only read the shop's orders in Oscar's
# dashboard until it does; its models' permissions belong here then.
TICKET_STAFF_PERMISSIONS = {"order": {"order": ["view"]}}


def _model_permissions(table):
    return [
        _permission(app_label, f"{action}_{model}")
        for app_label, models in table.items()
        for model, actions in models.items()
        for action in actions
    ]


@transaction.atomic
def ensure_shop_manager_group():
    """Create or update the shop managers' group. Members also need the staff status flag."""
    from shop.permissions import SHOP_STAFF_PERMISSIONS

    group, _created = Group.objects.get_or_create(name=_("Shop managers"))
    group.permissions.add(
        *_model_permissions(SHOP_STAFF_PERMISSIONS),
        *_model_permissions(SHOP_MANAGER_EXTRA_PERMISSIONS),
    )
    return group


@transaction.atomic
def ensure_ticket_staff_group():
    """Create or update the ticket staff's group. Members also need the staff status flag."""
    group, _created = Group.objects.get_or_create(name=_("Ticket staff"))
    group.permissions.add(*_model_permissions(TICKET_STAFF_PERMISSIONS))
    return group


def ensure_staff_groups(profiles):
    """Create or update every staff group: editors and moderators of each site, shop roles."""
    for profile in profiles:
        ensure_editor_group(profile)
        ensure_moderator_group(profile)
    ensure_shop_manager_group()
    ensure_ticket_staff_group()
