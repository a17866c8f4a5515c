"""Admin views of the collections catalogue: imported objects and the museums holding them.

Imports overwrite an object's fields whenever its record changes, so editors change only
whether an object is published. Everything else is corrected in the source and re-imported.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from museums.models import CatalogueObject, Museum


class ImportedObjectPermissionPolicy(ModelPermissionPolicy):
    """Objects are created by the importers; deleting one would bring it back at the next import."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)


class CatalogueObjectViewSet(ModelViewSet):
    model = CatalogueObject
    name = "catalogue_objects"
    url_prefix = "collections/objects"
    icon = "image"
    menu_label = _("Catalogue objects")
    form_fields = ["published"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "title",
        "source",
        "source_identifier",
        "object_type",
        "date_text",
        "technique",
        "dimensions",
        "inventory_number",
        "museum",
        "record_licence",
        "copyright_notice",
        "image_credit",
        "source_url",
        "missing",
        "missing_note",
        "published",
        "updated_at",
    ]
    copy_view_enabled = False
    list_display = ["title", "source_identifier", "museum", "object_type", "missing", "published"]
    list_filter = ["published", "missing", "source", "museum"]
    search_fields = ["title", "source_identifier", "inventory_number"]
    # The database search backend indexes pages; objects are searched with the ORM instead.
    search_backend_name = None


class MuseumViewSet(ModelViewSet):
    model = Museum
    name = "museums"
    url_prefix = "collections/museums"
    icon = "home"
    menu_label = _("Museums")
    form_fields = ["name", "slug", "museofile_code", "external_identifier", "town"]
    list_display = ["name", "museofile_code", "town"]
    search_fields = ["name", "museofile_code", "town"]
    search_backend_name = None
    copy_view_enabled = False


class CollectionsViewSetGroup(ModelViewSetGroup):
    menu_label = _("Collections")
    menu_icon = "image"
    items = (CatalogueObjectViewSet, MuseumViewSet)


register_permission_policy(CatalogueObject, ImportedObjectPermissionPolicy(CatalogueObject))


@hooks.register("register_admin_viewset")
def register_collections_viewsets():
    return CollectionsViewSetGroup()
