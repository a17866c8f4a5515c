from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from sites.models import SiteProfile
from sites.permissions import ensure_staff_groups


class Command(BaseCommand):
    help = (
        "Create or update the staff groups: editors and moderators of each site, shop managers "
        "and ticket staff. Safe to run again after each deployment."
    )

    def handle(self, *args, **options):
        profiles = list(SiteProfile.objects.select_related("site"))
        ensure_staff_groups(profiles)
        self.stdout.write(_("Staff groups updated for %(count)s sites.") % {"count": len(profiles)})
