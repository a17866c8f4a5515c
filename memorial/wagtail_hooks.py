"""Admin views of the memorial's imported records.

The records come from the CSV files and a new import overwrites their fields, so the admin
lets editors inspect them and change only whether each one is published. Figures are
read-only: a figure is corrected in the source file.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from memorial.models import Convoy, ConvoyFigure, KeyFigure, PublicFigure


class ImportedRecordPermissionPolicy(ModelPermissionPolicy):
    """Records are created and deleted by the importer only."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)


class ImportedRecordViewSet(ModelViewSet):
    form_fields = ["is_published"]
    inspect_view_enabled = True
    copy_view_enabled = False
    search_backend_name = None


class ConvoyViewSet(ImportedRecordViewSet):
    model = Convoy
    icon = "list-ul"
    menu_label = _("Convoys")
    list_display = ["convoy_id", "destination", "reference_name", "is_published"]
    list_filter = ["is_published", "destination"]
    search_fields = ["convoy_id", "destination", "reference_name", "notes"]


class ConvoyFigureViewSet(ImportedRecordViewSet):
    model = ConvoyFigure
    icon = "table"
    menu_label = _("Convoy figures")
    # The viewset requires a form even though the policy forbids editing figures.
    form_fields = ["value"]
    list_display = ["convoy", "kind", "value", "basis", "attribution", "origin"]
    list_filter = ["kind", "origin", "scope"]
    search_fields = ["basis", "attribution", "note"]


class KeyFigureViewSet(ImportedRecordViewSet):
    model = KeyFigure
    icon = "table"
    menu_label = _("Key figures")
    list_display = ["metric", "value", "source_url", "is_published"]
    list_filter = ["is_published"]
    search_fields = ["metric", "value", "scope"]


class PublicFigureViewSet(ImportedRecordViewSet):
    model = PublicFigure
    icon = "user"
    menu_label = _("Public figures")
    list_display = ["name", "life_dates", "convoy", "is_published"]
    list_filter = ["is_published"]
    search_fields = ["name", "public_role", "royallieu_context"]


class MemorialViewSetGroup(ModelViewSetGroup):
    menu_label = _("Memorial")
    menu_icon = "history"
    items = (
        ConvoyViewSet("memorial_convoys"),
        ConvoyFigureViewSet("memorial_convoy_figures"),
        KeyFigureViewSet("memorial_key_figures"),
        PublicFigureViewSet("memorial_public_figures"),
    )


for imported_model in (Convoy, KeyFigure, PublicFigure):
    register_permission_policy(imported_model, ImportedRecordPermissionPolicy(imported_model))
register_permission_policy(ConvoyFigure, ReadOnlyPermissionPolicy(ConvoyFigure))


@hooks.register("register_admin_viewset")
def register_memorial_viewsets():
    return MemorialViewSetGroup()
