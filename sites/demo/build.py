"""Builds the editorial content of the four sites: branding, pages, menus, legal pages, groups."""

from django.db import transaction
from wagtail.models import Page

from sites.demo.content import BRANDING, COMMON_TRANSLATIONS, HOME_CONTENT, SITE_PAGES
from sites.demo.images import ensure_logo
from sites.demo.legal import LEGAL_PAGES, LEGAL_TITLE_TRANSLATIONS
from sites.demo.pages import ensure_child_page, ensure_translation, stream_differs
from sites.models import ContentPage, HomePage, LegalPage, SiteBranding, SiteNavigation
from sites.permissions import ensure_editor_group, ensure_moderator_group


def _ensure_page_tree(parent, page_spec, languages):
    page = ensure_child_page(
        parent,
        ContentPage,
        slug=page_spec["slug"],
        title=page_spec["title"],
        intro=page_spec.get("intro", ""),
        search_description=page_spec.get("description", ""),
        body=page_spec.get("body", []),
        show_in_menus=parent.depth == 2,
    )
    translations = page_spec.get("translations", {})
    for language, strings in translations.items():
        if language in languages:
            ensure_translation(page, language, {**COMMON_TRANSLATIONS[language], **strings})
    for child_spec in page_spec.get("children", []):
        _ensure_page_tree(page, child_spec, languages)
    return page


def _update_home(profile):
    home = profile.site.root_page.specific
    content = HOME_CONTENT[profile.key]
    home = ensure_child_page(
        home.get_parent(),
        HomePage,
        slug=home.slug,
        title=home.title,
        intro=content["intro"],
        body=content["body"],
        search_description=content["intro"],
    )
    for language, strings in content["translations"].items():
        ensure_translation(home, language, {**COMMON_TRANSLATIONS[language], **strings})
    return home


def _ensure_legal_pages(home, key, languages):
    legal_pages = {}
    for slug, title, kind, build_body in LEGAL_PAGES:
        page = ensure_child_page(
            home,
            LegalPage,
            slug=slug,
            title=title,
            kind=kind,
            body=build_body(key, BRANDING[key]),
            search_description=title,
        )
        for language in languages:
            if language != "fr":
                ensure_translation(page, language, LEGAL_TITLE_TRANSLATIONS[language])
        legal_pages[kind] = page
    return legal_pages


def _page_link(page):
    return {"page": page.pk, "url": "", "label": ""}


def _ensure_navigation(profile, top_pages, extra_menu_links):
    menu = []
    for page in top_pages:
        children = [_page_link(child) for child in page.get_children().live().order_by("path")]
        menu.append({"type": "item", "value": {"link": _page_link(page), "children": children}})
    for link in extra_menu_links:
        menu.append({"type": "item", "value": {"link": link, "children": []}})

    navigation = SiteNavigation.for_site(profile.site)
    # The legal pages have their own links at the foot of every page (branding settings), so
    # the demo's footer columns start empty; editors add theirs.
    footer = []
    if stream_differs(navigation.main_menu, menu) or stream_differs(
        navigation.footer_columns, footer
    ):
        navigation.main_menu = menu
        navigation.footer_columns = footer
        navigation.save()


LOGO_INITIALS = {"musees": "MC", "memorial": "MR", "archives": "AC", "tourisme": "OT"}


def _ensure_branding(profile, legal_pages):
    branding = SiteBranding.for_site(profile.site)
    values = dict(BRANDING[profile.key])
    logo = ensure_logo(profile, values["primary_colour"], LOGO_INITIALS[profile.key])
    values["logo_id"] = logo.pk
    values["favicon_id"] = logo.pk
    values["legal_notice_page_id"] = legal_pages[LegalPage.Kind.LEGAL_NOTICE].pk
    values["privacy_page_id"] = legal_pages[LegalPage.Kind.PRIVACY].pk
    values["accessibility_page_id"] = legal_pages[LegalPage.Kind.ACCESSIBILITY].pk
    changed = False
    for name, value in values.items():
        if getattr(branding, name) != value:
            setattr(branding, name, value)
            changed = True
    if changed:
        branding.full_clean()
        branding.save()


@transaction.atomic
def build_site(profile):
    """Create or update one site's editorial pages, menus, branding, editor and moderator groups."""
    languages = profile.languages
    home = _update_home(profile)
    top_pages = [
        _ensure_page_tree(home, page_spec, languages) for page_spec in SITE_PAGES[profile.key]
    ]
    legal_pages = _ensure_legal_pages(home, profile.key, languages)
    _ensure_branding(profile, legal_pages)
    ensure_editor_group(profile)
    ensure_moderator_group(profile)
    return home, top_pages, legal_pages


def refresh_navigation(profile, extra_menu_links=()):
    """Rebuild the main menu from the home page's menu pages, after every app added its own."""
    # Load the home page afresh: a copy loaded before its children were added has a stale
    # child counter, and treebeard then returns no children at all.
    home = Page.objects.get(pk=profile.site.root_page_id)
    top_pages = list(home.get_children().live().in_menu().order_by("path"))
    _ensure_navigation(profile, top_pages, extra_menu_links)
