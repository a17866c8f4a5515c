"""Admin registrations of the platform core."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from sites.models import ImportRun


class ImportRunPermissionPolicy(ModelPermissionPolicy):
    """Import runs are written by the importers only: the admin can list and inspect them."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)


class ImportRunViewSet(ModelViewSet):
    model = ImportRun
    icon = "download"
    menu_label = _("Import reports")
    add_to_settings_menu = True
    list_display = [
        "kind",
        "started_at",
        "created",
        "updated",
        "unchanged",
        "unpublished",
        "rejected_count",
        "error",
    ]
    list_filter = ["kind"]
    inspect_view_enabled = True
    copy_view_enabled = False
    # A form is required by the viewset even though the policy forbids adding and editing.
    form_fields = ["kind"]


register_permission_policy(ImportRun, ImportRunPermissionPolicy(ImportRun))


@hooks.register("register_admin_viewset")
def register_import_run_viewset():
    return ImportRunViewSet("import_runs")
