"""Editor groups: each site's editors work on that site's pages, media and settings only."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
)

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
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
    return group
