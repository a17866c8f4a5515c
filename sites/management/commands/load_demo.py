"""Build the four demo sites with their editorial pages and the real data of every app."""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from sites.demo.build import build_site, refresh_navigation
from sites.demo.sites import configure_sites
from sites.permissions import ensure_shop_manager_group, ensure_ticket_staff_group

# Apps whose demo module imports real data into their site, in the order they run.
DEMO_APPS = ["museums", "archives", "memorial", "tourism", "shop"]

EXTRA_MENU_LINKS = {
    "musees": [{"page": None, "url": "/boutique/", "label": "Boutique"}],
}


class Command(BaseCommand):
    help = _(
        "Create or update the four sites with demo pages and import the real sample data. "
        "Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--port",
            type=int,
            default=None,
            help=_("Port the sites are served on, stored in each Wagtail site (default: settings)."),
        )

    def handle(self, *args, port=None, **options):
        self.stdout.write(_("Configuring the four sites…"))
        profiles = configure_sites(port=port)

        for profile in profiles.values():
            self.stdout.write(_("Building the pages: %(site)s…") % {"site": profile.site.site_name})
            build_site(profile)

        for app_label in DEMO_APPS:
            verbose_name = apps.get_app_config(app_label).verbose_name
            self.stdout.write(_("Importing the demo data: %(app)s…") % {"app": verbose_name})
            import_module(f"{app_label}.demo").populate(self.stdout)

        for key, profile in profiles.items():
            refresh_navigation(profile, EXTRA_MENU_LINKS.get(key, []))

        ensure_shop_manager_group()
        ensure_ticket_staff_group()

        for profile in profiles.values():
            self.stdout.write(
                _("%(site)s: http://%(host)s:%(port)s/")
                % {
                    "site": profile.site.site_name,
                    "host": profile.site.hostname,
                    "port": profile.site.port,
                }
            )
        self.stdout.write(self.style.SUCCESS(_("Demo ready.")))
