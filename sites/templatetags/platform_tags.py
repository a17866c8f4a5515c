"""Template tags for the parts every page shares: menu, footer, structured data."""

import json

from django import template
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page

from sites.cache import cached_fragment
from sites.models import SiteBranding, SiteNavigation

register = template.Library()


def _links_in_menu(stream):
    for item in stream:
        if item.block_type == "item":
            yield item.value["link"]
            yield from item.value["children"]
        elif item.block_type == "column":
            yield from item.value["links"]


def _localized_pages(links):
    """Map each linked page id to its live translation in the active language, in one query.

    Pages without a live translation map to the linked page itself.
    """
    linked_pages = [link["page"] for link in links if link.get("page")]
    if not linked_pages:
        return {}
    language = translation.get_language()
    translations = Page.objects.live().filter(
        translation_key__in=[page.translation_key for page in linked_pages],
        locale__language_code=language,
    )
    by_key = {page.translation_key: page for page in translations}
    return {page.pk: by_key.get(page.translation_key, page) for page in linked_pages}


def _resolve_link(link, localized, request):
    page = link.get("page")
    if page is not None:
        target = localized.get(page.pk, page)
        return {"url": target.get_url(request), "label": link.get("label") or target.title}
    return {"url": link.get("url"), "label": link.get("label")}


def build_main_menu(request):
    navigation = SiteNavigation.for_request(request)
    links = list(_links_in_menu(navigation.main_menu))
    localized = _localized_pages(links)
    items = []
    for item in navigation.main_menu:
        items.append(
            {
                "link": _resolve_link(item.value["link"], localized, request),
                "children": [
                    _resolve_link(child, localized, request) for child in item.value["children"]
                ],
            }
        )
    return items


def build_footer_columns(request):
    navigation = SiteNavigation.for_request(request)
    links = list(_links_in_menu(navigation.footer_columns))
    localized = _localized_pages(links)
    return [
        {
            "title": column.value["title"],
            "links": [_resolve_link(link, localized, request) for link in column.value["links"]],
        }
        for column in navigation.footer_columns
    ]


def build_legal_links(request):
    """Return the site's legal pages in the active language, in one query.

    Each link has a "kind": "legal_notice", "privacy" or "accessibility". The accessibility
    statement's link also has "status", the site's RGAA conformance status as the footer states it.
    """
    branding = SiteBranding.for_request(request)
    pages = [
        (kind, page)
        for kind, page in (
            ("legal_notice", branding.legal_notice_page),
            ("privacy", branding.privacy_page),
            ("accessibility", branding.accessibility_page),
        )
        if page is not None
    ]
    localized = _localized_pages([{"page": page} for _kind, page in pages])
    links = []
    for kind, page in pages:
        link = {**_resolve_link({"page": page}, localized, request), "kind": kind}
        if kind == "accessibility":
            link["status"] = str(branding.get_accessibility_status_display())
        links.append(link)
    return links


# The menu, footer and legal links are the same on every page of a site in one language. They are
# cached per site and language, purged when a page of the site is published, unpublished, moved or
# deleted (titles and URLs) and when the site's settings are saved (sites.cache).


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    items = cached_fragment(request, "main-menu", lambda: build_main_menu(request))
    return {"items": items, "request": request}


@register.inclusion_tag("includes/footer_columns.html", takes_context=True)
def footer_columns(context):
    request = context["request"]
    return {"columns": cached_fragment(request, "footer", lambda: build_footer_columns(request))}


@register.simple_tag(takes_context=True)
def legal_links(context):
    """Return the site's legal pages in the active language."""
    request = context["request"]
    return cached_fragment(request, "legal-links", lambda: build_legal_links(request))


@register.simple_tag(takes_context=True)
def organisation_json_ld(context):
    """Render schema.org JSON-LD describing the organisation behind the site."""
    request = context["request"]
    branding = SiteBranding.for_request(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": branding.organisation_name or branding.name,
        "url": request.build_absolute_uri("/"),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": branding.street_address,
            "postalCode": branding.postal_code,
            "addressLocality": branding.locality,
            "addressCountry": "FR",
        },
    }
    if branding.phone:
        data["telephone"] = branding.phone
    if branding.email:
        data["email"] = branding.email
    social = [link.value["url"] for link in branding.social_links]
    if social:
        data["sameAs"] = social
    # Escape the characters that could close the script element or open a comment.
    payload = (
        json.dumps(data, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
    # The nonce is not needed for a data block, which browsers never run, but it keeps every
    # inline script of the page allowed by the Content-Security-Policy.
    return format_html(
        '<script type="application/ld+json" nonce="{}">{}</script>',
        getattr(request, "csp_nonce", ""),
        mark_safe(payload),
    )
