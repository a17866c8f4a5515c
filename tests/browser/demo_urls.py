"""Print, as JSON, the path of one page of each type on each demo site and in each language.

The browser tests run this module in the demo server's environment once the demo is built
(``python -m tests.browser.demo_urls``), so that they find objects by querying the database rather
than by guessing slugs. The output maps site key, then language code, then page type to a path
that starts with "/".
"""

import json
import sys

import django

# Pages every site has, and the extra types of each site. The shop is French only and is served
# on the museums' host, outside the language prefixes.
COMMON_PAGE_TYPES = ["home", "content", "legal", "accessibility", "search", "not-found"]
SITE_PAGE_TYPES = {
    "musees": ["catalogue", "catalogue-object"],
    "memorial": ["convoys", "convoy", "public-figures"],
    "archives": ["finding-aids", "finding-aid", "component"],
    "tourisme": ["offers", "offers-of-type", "offer"],
}
SHOP_PAGE_TYPES = ["shop-catalogue", "shop-product", "shop-basket"]

# A query that matches pages on every site, so that the search page lists results.
SEARCH_QUERY = "Compiègne"


def page_types(site_key, language):
    """Return the page types checked on one site in one language."""
    types = COMMON_PAGE_TYPES + SITE_PAGE_TYPES[site_key]
    if site_key == "musees" and language == "fr":
        types = types + SHOP_PAGE_TYPES
    return types


def _path(page):
    """Return the path of a page on its own site, language prefix included."""
    _site_id, _root_url, page_path = page.get_url_parts()
    return page_path


def _in_language(page, locale):
    """Return the live translation of a page in a locale; fail when the demo has none."""
    translation = page.get_translation_or_none(locale)
    if translation is None or not translation.live:
        raise LookupError(f"{page.url_path} has no live translation in {locale.language_code}")
    return translation.specific


def _index_page(home, model):
    return model.objects.descendant_of(home).live().filter(locale=home.locale).first()


def _site_specific_paths(site_key, home):
    from archives.models import ArchivesIndexPage, Component, FindingAid
    from memorial.models import Convoy, ConvoyIndexPage, PublicFigureIndexPage
    from museums.models import CatalogueIndexPage, CatalogueObject
    from tourism.models import Offer, OfferIndexPage

    if site_key == "musees":
        catalogue = _index_page(home, CatalogueIndexPage)
        catalogue_object = CatalogueObject.objects.published().order_by("slug").first()
        object_subpath = catalogue.reverse_subpage(
            "object_detail", kwargs={"slug": catalogue_object.slug}
        )
        return {
            "catalogue": _path(catalogue),
            "catalogue-object": _path(catalogue) + object_subpath,
        }

    if site_key == "memorial":
        convoys = _index_page(home, ConvoyIndexPage)
        convoy = Convoy.objects.published().order_by("convoy_id").first()
        return {
            "convoys": _path(convoys),
            "convoy": _path(convoys) + convoys.convoy_path(convoy),
            "public-figures": _path(_index_page(home, PublicFigureIndexPage)),
        }

    if site_key == "archives":
        finding_aids = _index_page(home, ArchivesIndexPage)
        finding_aid = FindingAid.objects.published().order_by("eadid").first()
        component = (
            Component.objects.published()
            .filter(finding_aid=finding_aid)
            .order_by("tree_path")
            .first()
        )
        return {
            "finding-aids": _path(finding_aids),
            "finding-aid": _path(finding_aids) + finding_aids.finding_aid_path(finding_aid.eadid),
            "component": _path(finding_aids)
            + finding_aids.component_path(finding_aid.eadid, component.key),
        }

    offers = _index_page(home, OfferIndexPage)
    offer = Offer.objects.published().order_by("feed", "source_id").first()
    return {
        "offers": _path(offers),
        "offers-of-type": _path(offers) + offers.type_subpath(offer.offer_type),
        "offer": _path(offers) + offers.offer_subpath(offer),
    }


def _shop_paths():
    from oscar.core.loading import get_model

    product = (
        get_model("catalogue", "Product")
        .objects.filter(is_public=True, stockrecords__isnull=False)
        .order_by("upc")
        .first()
    )
    return {
        "shop-catalogue": "/boutique/catalogue/",
        "shop-product": product.get_absolute_url(),
        "shop-basket": "/boutique/basket/",
    }


def collect_paths():
    """Return {site key: {language: {page type: path}}} for every site and language."""
    from django.conf import settings
    from urllib.parse import quote

    from sites.models import ContentPage, LegalPage, SiteProfile
    from wagtail.models import Locale

    paths = {}
    for profile in SiteProfile.objects.select_related("site__root_page"):
        french_home = profile.site.root_page.specific
        site_paths = {}
        for language in settings.PLATFORM_SITES[profile.key]["languages"]:
            locale = Locale.objects.get(language_code=language)
            home = french_home if language == "fr" else _in_language(french_home, locale)
            prefix = "/" if language == "fr" else f"/{language}/"
            legal_pages = LegalPage.objects.child_of(home).live()
            first_content_page = ContentPage.objects.child_of(home).live().order_by("path").first()
            language_paths = {
                "home": _path(home),
                "content": _path(first_content_page),
                "legal": _path(legal_pages.get(kind=LegalPage.Kind.LEGAL_NOTICE)),
                "accessibility": _path(legal_pages.get(kind=LegalPage.Kind.ACCESSIBILITY)),
                "search": f"{prefix}recherche/?q={quote(SEARCH_QUERY)}",
                "not-found": f"{prefix}page-qui-n-existe-pas/",
                **_site_specific_paths(profile.key, home),
            }
            if profile.key == "musees" and language == "fr":
                language_paths.update(_shop_paths())
            site_paths[language] = language_paths
        paths[profile.key] = site_paths
    return paths


def main():
    django.setup()
    json.dump(collect_paths(), sys.stdout, indent=2)


if __name__ == "__main__":
    main()
