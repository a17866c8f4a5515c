"""Creation of the four Wagtail Sites, their home pages and profiles, from PLATFORM_SITES."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site

from sites.demo.pages import ensure_child_page, ensure_locales, ensure_translation
from sites.models import HomePage, SiteBranding, SiteProfile

# French names of the home pages, and their translations in each site's other languages.
HOME_TITLES = {
    "musees": {"fr": "Musées de Compiègne", "en": "Compiègne Museums"},
    "memorial": {
        "fr": "Mémorial de l'internement et de la déportation",
        "en": "Memorial of Internment and Deportation",
        "de": "Gedenkstätte der Internierung und Deportation",
    },
    "archives": {"fr": "Archives de l'agglomération"},
    "tourisme": {
        "fr": "Office de tourisme de Compiègne",
        "en": "Compiègne Tourist Office",
        "de": "Fremdenverkehrsamt Compiègne",
        "nl": "VVV-kantoor Compiègne",
    },
}


@transaction.atomic
def configure_sites(port=None):
    """Create or update the four sites; return their profiles keyed by platform site key.

    The first run also removes Wagtail's placeholder welcome page and its default site, so that
    an unknown host never falls back to another site's content.
    """
    ensure_locales()
    port = port or settings.PLATFORM_SITES_PORT
    root = Page.get_first_root_node()

    profiles = {}
    for key, config in settings.PLATFORM_SITES.items():
        titles = HOME_TITLES[key]
        home = ensure_child_page(root, HomePage, slug=f"accueil-{key}", title=titles["fr"])
        site = Site.objects.filter(root_page=home).first() or Site(root_page=home)
        site.hostname = config["hostname"]
        site.port = port
        site.site_name = titles["fr"]
        site.is_default_site = False
        site.save()
        profile, _created = SiteProfile.objects.update_or_create(key=key, defaults={"site": site})
        SiteBranding.objects.get_or_create(site=site, defaults={"name": titles["fr"]})
        for language in config["languages"]:
            if language != "fr":
                ensure_translation(home, language, {titles["fr"]: titles[language]})
        profiles[key] = profile

    own_homes = [profile.site.root_page_id for profile in profiles.values()]
    Site.objects.exclude(root_page_id__in=own_homes).delete()
    for placeholder in root.get_children().filter(slug="home"):
        if placeholder.pk not in own_homes and not placeholder.get_children().exists():
            placeholder.delete()
    return profiles
