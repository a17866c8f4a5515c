"""Admin of the tourist offers: editors enrich imported offers, imports own everything else.

Offers come only from Tourinsoft imports, so the admin can neither create nor delete one: a
deleted offer would come back at the next import, and the import itself unpublishes an offer
withdrawn from the feed. Editors may change the enrichment fields only. The synced fields are
shown read-only, under a heading that warns that the next import overwrites them.
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from tourism.models import Offer


class ImportedOfferPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, except that adding and deleting offers is denied to every user."""

    forbidden_actions = {"add", "delete"}

    def user_has_permission(self, user, action):
        if action in self.forbidden_actions:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        allowed = [action for action in actions if action not in self.forbidden_actions]
        if not allowed:
            return get_user_model().objects.none()
        return super().users_with_any_permission(allowed)


class SyncedPeriodsPanel(Panel):
    """Read-only list of an offer's periods, which only imports write."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "tourism/admin/periods_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["periods"] = list(self.instance.periods.all()) if self.instance.pk else []
            return context


def synced(*field_names):
    return [FieldPanel(name, read_only=True) for name in field_names]


class OfferViewSet(SnippetViewSet):
    model = Offer
    icon = "site"
    menu_label = _("Tourist offers")
    menu_name = "tourist-offers"
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "name",
        Column(
            "offer_type",
            label=pgettext_lazy("tourist offer", "Type"),
            accessor="get_offer_type_display",
        ),
        "town",
        "feed",
        BooleanColumn("published", label=pgettext_lazy("tourist offer", "In the feed")),
        BooleanColumn("featured", label=pgettext_lazy("tourist offer", "Featured")),
        BooleanColumn("hidden", label=pgettext_lazy("tourist offer", "Hidden")),
    ]
    list_filter = ["offer_type", "published", "featured", "hidden"]
    search_fields = ["name", "town", "source_id"]
    search_backend_name = None

    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("editor_note"), FieldPanel("featured"), FieldPanel("hidden")],
                heading=_("Tourist office enrichment (kept by imports)"),
            ),
            MultiFieldPanel(
                synced(
                    "name",
                    "offer_type",
                    "type_label",
                    "category",
                    "summary",
                    "description",
                    "street",
                    "postal_code",
                    "town",
                    "phone",
                    "email",
                    "website",
                    "latitude",
                    "longitude",
                    "images",
                ),
                heading=_("From Tourinsoft: read-only, overwritten by the next import"),
            ),
            SyncedPeriodsPanel(heading=_("Dates and opening periods (from Tourinsoft)")),
            MultiFieldPanel(
                synced(
                    "feed",
                    "source_id",
                    "published",
                    "missing_since",
                    "source_updated",
                    "first_imported_at",
                    "last_changed_at",
                ),
                heading=_("Import status"),
            ),
        ]
    )


register_permission_policy(Offer, ImportedOfferPermissionPolicy(Offer))
register_snippet(OfferViewSet)
