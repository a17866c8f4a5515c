"""Admin of the finding aids: archivists publish or unpublish them and set licence and credit.

Finding aids and their components come from ``import_ead`` only, so the admin cannot add or
delete them, and the fields read from the EAD file are shown but not edited.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from archives.models import FindingAid


class FindingAidPermissionPolicy(ModelPermissionPolicy):
    """Permission policy that forbids adding and deleting finding aids, which imports create."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)


class FindingAidViewSet(ModelViewSet):
    model = FindingAid
    icon = "folder-open-inverse"
    menu_label = _("Finding aids")
    add_to_admin_menu = True
    list_display = ["title", "eadid", "published", "licence", "updated_at"]
    list_filter = ["published"]
    search_fields = ["title", "eadid", "unit_id"]
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["published", "licence", "attribution"]


register_permission_policy(FindingAid, FindingAidPermissionPolicy(FindingAid))


@hooks.register("register_admin_viewset")
def register_finding_aid_viewset():
    return FindingAidViewSet("finding_aids")
