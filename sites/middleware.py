"""Request handling that keeps the four sites apart: site resolution and per-site languages."""

from django.conf import settings
from django.shortcuts import render
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.models import Site

# Paths served on every known host and on unknown ones: the admin, assets and documents.
SITE_INDEPENDENT_PREFIXES = ("/admin/", "/static/", "/media/", "/documents/", "/favicon.ico")


def find_site_and_profile(request):
    site = Site.find_for_request(request)
    profile = None
    if site is not None:
        from sites.models import SiteProfile

        profile = SiteProfile.objects.filter(site=site).select_related("site").first()
    return site, profile


def resolve_site(request):
    """Return the request's Wagtail Site and SiteProfile, either None, cached per host and port.

    Saving or deleting a Site or a SiteProfile bumps the global cache version, which ends the
    cached resolutions (see sites.cache).
    """
    from sites.cache import cached_fragment

    hostname, port = split_domain_port(request._get_raw_host())[0], request.get_port()
    return cached_fragment(
        request,
        f"site-resolution:{hostname}:{port}",
        lambda: find_site_and_profile(request),
        per_language=False,
    )


class SiteResolutionMiddleware:
    """Resolve the Wagtail Site and its platform profile once per request.

    No Site is the default: a request for an unknown host gets a clear page rather than another
    site's content. Paths reserved to one site (the shop, for instance) return 404 elsewhere.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        site, request.platform_profile = resolve_site(request)
        # Wagtail's Site.find_for_request reads this attribute before querying.
        request._wagtail_site = site

        if request.path.startswith(SITE_INDEPENDENT_PREFIXES):
            return self.get_response(request)

        if site is None:
            return render(
                request,
                "unknown_site.html",
                {
                    "hostname": request.get_host().split(":")[0],
                    "port": request.get_port(),
                    "sites": settings.PLATFORM_SITES,
                },
                status=404,
            )

        for prefix, site_key in settings.PLATFORM_SITE_ONLY_PATHS.items():
            profile = request.platform_profile
            if request.path.startswith(prefix) and (profile is None or profile.key != site_key):
                from sites.views import page_not_found

                return page_not_found(request, exception=None)

        return self.get_response(request)


class SiteLanguageMiddleware:
    """Return 404 for a language the requested site does not publish.

    Runs after LocaleMiddleware, which has activated the language of the URL prefix.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        profile = getattr(request, "platform_profile", None)
        language = translation.get_language()
        if (
            profile is not None
            and language not in profile.languages
            and not request.path.startswith(SITE_INDEPENDENT_PREFIXES)
        ):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
            from sites.views import page_not_found

            return page_not_found(request, exception=None, language_unavailable=language)
        return self.get_response(request)
