"""Views of the platform core: page serving with the translation fallback, errors, robots, sitemap."""

import logging

from django.http import Http404, HttpResponse, HttpResponseServerError
from django.template import loader
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail import views as wagtail_views
from wagtail.models import Locale, Page, Site

from sites.i18n import DEFAULT_LANGUAGE, find_french_page, site_languages

logger = logging.getLogger(__name__)


def serve_page(request, path=""):
    """Serve a Wagtail page, and explain a missing translation instead of a bare 404."""
    try:
        return wagtail_views.serve(request, path)
    except Http404:
        return page_not_found(request, exception=None)


def language_name(code):
    """Return the name of a language in the active language, lower-cased in French ("allemand")."""
    name = translation.get_language_info(code)["name_translated"]
    return name.lower() if translation.get_language() == DEFAULT_LANGUAGE else name


def page_not_found(request, exception=None, language_unavailable=None, template_name="404.html"):
    """Render the site's own 404 page.

    When the path exists in French but not in the requested language, the page explains that
    and links the French page. When the site does not publish the language at all, it explains
    that instead.
    """
    language = translation.get_language()
    french_page = None
    site = Site.find_for_request(request)
    if site is not None and language != DEFAULT_LANGUAGE and not language_unavailable:
        path = request.path
        prefix = f"/{language}/"
        if path.startswith(prefix):
            french_page = find_french_page(request, site, path[len(prefix) - 1 :])

    context = {
        "french_page": french_page,
        "requested_language_name": language_name(language_unavailable or language),
        "language_unavailable": bool(language_unavailable),
        "site_language_codes": site_languages(request),
    }
    if french_page is not None:
        context["french_url"] = french_page.get_url(request)
    response = TemplateResponse(request, template_name, context, status=404)
    response.render()
    return response


def server_error(request):
    """Render the 500 page without touching the database, which may be the cause of the error."""
    profile = getattr(request, "platform_profile", None)
    try:
        template = loader.get_template("500.html")
        body = template.render({"site_key": profile.key if profile else ""})
    except Exception:  # A broken 500 template must not hide the original error: use plain text.
        logger.exception("The 500 template failed to render")
        body = "<h1>Erreur du serveur</h1>"
    return HttpResponseServerError(body)


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    site = Site.find_for_request(request)
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /boutique/basket/",
        "Disallow: /boutique/checkout/",
        "Disallow: /boutique/accounts/",
    ]
    if site is not None:
        lines.append(f"Sitemap: {request.scheme}://{request.get_host()}/sitemap.xml")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def sitemap_xml(request):
    """List the site's live public pages in each language it publishes, with hreflang links."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    languages = site_languages(request)
    locales = Locale.objects.filter(language_code__in=languages)
    roots = Page.objects.filter(translation_key=site.root_page.translation_key, locale__in=locales)

    pages = Page.objects.none()
    for root in roots:
        pages |= Page.objects.descendant_of(root, inclusive=True)
    pages = pages.live().public().select_related("locale").order_by("path")

    by_translation_key = {}
    for page in pages:
        by_translation_key.setdefault(page.translation_key, []).append(page)

    entries = []
    for group in by_translation_key.values():
        alternates = [
            {"code": page.locale.language_code, "url": page.get_full_url(request)}
            for page in group
        ]
        for page in group:
            entries.append(
                {
                    "location": page.get_full_url(request),
                    "lastmod": page.last_published_at,
                    "alternates": alternates if len(alternates) > 1 else [],
                }
            )
        # Routable pages add their records (catalogue objects, convoys...) in French.
        for page in group:
            extra_urls = getattr(page.specific_deferred, "get_extra_sitemap_urls", None)
            if extra_urls is not None and page.locale.language_code == DEFAULT_LANGUAGE:
                entries.extend(extra_urls(request))

    response = TemplateResponse(
        request, "sitemap.xml", {"entries": entries}, content_type="application/xml"
    )
    return response
