"""Front-end cache of the pages anonymous visitors see, on Django's cache framework.

Only pages that are the same for every anonymous visitor are stored: a GET answered with 200,
without any cookie set, for a request that carries no session, message or basket cookie and no
Authorization header, outside the admin, the shop and the documents. Anything that uses the CSRF
token sets the CSRF cookie and is therefore never stored, and neither is a response marked
``Cache-Control: private``, ``no-cache`` or ``no-store``.

Keys are made of the host name and the full path with its query string. The language is part of
the path (French has no prefix, the others live under /en/, /de/, /nl/), so one key never serves
two languages. Each key also contains two versions read from the cache: one per host name, bumped
when a page of that site is published, unpublished, moved or deleted or when the site's settings
are saved, and a global one, bumped when an import run is recorded (imported records are shown
on listings of every site) or a Site, SiteProfile or PageViewRestriction changes. Bumping a
version orphans the old keys, which expire after ``PLATFORM_PAGE_CACHE_SECONDS``. The same
versions key the fragments of ``cached_fragment`` (menus, settings, site resolution), which are
cached whether the page cache is on or off. With Redis as the cache, the versions are
shared by every app server, so a publish on one server purges the pages of all of them.

Vary: the stored responses carry ``Vary: Cookie`` because the same URL renders differently for a
signed-in user or a visitor with a basket. They do not carry ``Vary: Accept-Language``, which
Django's LocaleMiddleware adds to unprefixed URLs: the platform takes the language from the URL
prefix only (``i18n_patterns`` with ``prefix_default_language=False`` makes LocaleMiddleware use
French for any unprefixed path), so that header would only split downstream caches for nothing.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_vary_headers

logger = logging.getLogger(__name__)

GLOBAL_VERSION_KEY = "pagecache:version:*"
CACHE_STATUS_HEADER = "X-Page-Cache"
# Requests under these paths are never served from or stored in the cache: the admin (which also
# serves previews), the shop (baskets), documents (which may be restricted to some visitors),
# and files that the web server or WhiteNoise serve themselves.
DEFAULT_EXCLUDED_PREFIXES = ("/admin/", "/boutique/", "/documents/", "/media/", "/static/")
# A longer query string is served uncached rather than stored, so that crafted URLs cannot fill
# the cache with large keys.
MAX_QUERY_STRING_LENGTH = 256
UNCACHEABLE_CACHE_CONTROL = ("private", "no-cache", "no-store")


def page_cache():
    return caches[getattr(settings, "PLATFORM_PAGE_CACHE_ALIAS", "default")]


def is_enabled():
    return getattr(settings, "PLATFORM_PAGE_CACHE", False)


def request_hostname(request):
    """Return the request's host name without its port, lower-cased (ALLOWED_HOSTS checked it)."""
    return request.get_host().rsplit(":", 1)[0].lower()


def site_version_key(hostname):
    return f"pagecache:version:{hostname}"


def personal_cookie_names():
    """Return the cookies that make a page personal: session, messages, Oscar's basket."""
    return (
        settings.SESSION_COOKIE_NAME,
        getattr(settings, "MESSAGES_COOKIE_NAME", "messages"),
        getattr(settings, "OSCAR_BASKET_COOKIE_OPEN", "oscar_open_basket"),
        getattr(settings, "OSCAR_RECENTLY_VIEWED_COOKIE_NAME", "oscar_history"),
    )


def new_version():
    # A new value each time, rather than an increment, so that a version evicted from the cache
    # and recreated can never match keys stored under an older value.
    return time.time_ns()


def current_versions(cache, hostname):
    """Return the global and the site version, creating each one that is missing."""
    keys = [GLOBAL_VERSION_KEY, site_version_key(hostname)]
    versions = cache.get_many(keys)
    for key in keys:
        if key not in versions:
            cache.add(key, new_version(), timeout=None)
            versions[key] = cache.get(key)
    return versions[GLOBAL_VERSION_KEY], versions[keys[1]]


def request_versions(request):
    """Return the global and site versions for ``request``, read once per request."""
    versions = getattr(request, "_platform_cache_versions", None)
    if versions is None:
        versions = current_versions(page_cache(), request_hostname(request))
        request._platform_cache_versions = versions
    return versions


def fragment_key(request, name, per_language=True):
    """Return a cache key for data shared by a site's pages, valid until the next purge."""
    from django.utils import translation

    global_version, site_version = request_versions(request)
    language = translation.get_language() if per_language else "*"
    hostname = request_hostname(request)
    return f"pagecache:fragment:{global_version}.{site_version}:{hostname}:{language}:{name}"


def cached_fragment(request, name, compute, per_language=True):
    """Return ``compute()``, cached per site (and language) until the site's next purge.

    Unlike the page cache, fragments are always on: they hold what every page of a site shares
    (menus, footer, settings), so that an uncached page costs fewer queries.
    """
    cache = page_cache()
    key = fragment_key(request, name, per_language)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, getattr(settings, "PLATFORM_PAGE_CACHE_SECONDS", 600))
    return value


def bump_site_versions(hostnames):
    """Purge the cached pages and fragments of the sites with these host names."""
    cache = page_cache()
    cache.set_many({site_version_key(name.lower()): new_version() for name in hostnames}, None)
    logger.info("Page cache purged for %s", ", ".join(sorted(hostnames)))


def bump_global_version():
    """Purge the cached pages and fragments of every site."""
    page_cache().set(GLOBAL_VERSION_KEY, new_version(), timeout=None)
    logger.info("Page cache purged for every site")


def is_cacheable_request(request):
    if request.method != "GET":
        return False
    if request.path.startswith(excluded_prefixes()):
        return False
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING_LENGTH:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    return not any(name in request.COOKIES for name in personal_cookie_names())


def excluded_prefixes():
    prefixes = getattr(settings, "PLATFORM_PAGE_CACHE_EXCLUDED_PREFIXES", DEFAULT_EXCLUDED_PREFIXES)
    return tuple(prefixes)


def is_cacheable_response(request, response):
    if response.status_code != 200 or response.streaming:
        return False
    # Any cookie (CSRF token, session, basket, language) makes the response personal.
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in UNCACHEABLE_CACHE_CONTROL):
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def set_shared_vary(response):
    """Make ``Vary`` say ``Cookie`` and drop ``Accept-Language`` (see the module docstring)."""
    if response.has_header("Vary"):
        kept = [
            field
            for field in cc_delim_re.split(response["Vary"])
            if field and field.lower() != "accept-language"
        ]
        del response["Vary"]
        if kept:
            response["Vary"] = ", ".join(kept)
    patch_vary_headers(response, ["Cookie"])


def cache_key(request, versions):
    global_version, site_version = versions
    location = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"pagecache:page:{global_version}.{site_version}:{request_hostname(request)}:{location}"


class PageCacheMiddleware:
    """Serve and store anonymous pages; see the module docstring for what is stored.

    It sits near the top of the middleware list so that a hit costs no database query (site
    resolution, sessions and authentication are skipped), and so that the stored response is the
    one every inner middleware has finished.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_enabled() or not is_cacheable_request(request):
            return self.get_response(request)

        cache = page_cache()
        key = cache_key(request, request_versions(request))
        stored = cache.get(key)
        if stored is not None:
            # The stored HTML carries the CSP nonce of the request that rendered it, so the outer
            # CSP middleware must put that same nonce in this response's header.
            # NOTE: visitors then share one nonce for as long as the page stays cached.
            if stored.get("csp_nonce"):
                request._csp_nonce = stored["csp_nonce"]
            return self.rebuild_response(stored)

        response = self.get_response(request)
        if is_cacheable_response(request, response):
            set_shared_vary(response)
            timeout = getattr(settings, "PLATFORM_PAGE_CACHE_SECONDS", 600)
            cache.set(key, self.freeze_response(request, response), timeout)
            response[CACHE_STATUS_HEADER] = "MISS"
        return response

    @staticmethod
    def freeze_response(request, response):
        return {
            "csp_nonce": getattr(request, "_csp_nonce", None),
            "status": response.status_code,
            "headers": list(response.headers.items()),
            "content": response.content,
            "stored_at": time.time(),
        }

    @staticmethod
    def rebuild_response(stored):
        response = HttpResponse(stored["content"], status=stored["status"])
        for name, value in stored["headers"]:
            response[name] = value
        response[CACHE_STATUS_HEADER] = "HIT"
        response["Age"] = str(max(0, int(time.time() - stored["stored_at"])))
        return response


# Purge on content changes. Each purge runs at once, so that later reads in the same transaction
# (and in tests) see the change, and again after the commit, because a visitor arriving between
# the first purge and the commit may have stored the old content again.


def purge_now_and_after_commit(purge):
    purge()
    transaction.on_commit(purge)


def hostnames_of_page(page):
    """Return the host names of the site that serves ``page``, or None when none is found."""
    site = page.get_site()
    if site is None:
        return None
    return {site.hostname}


def purge_for_page(page):
    try:
        hostnames = hostnames_of_page(page)
    except Exception:
        # A page being deleted may no longer be reachable through its site; purge everything
        # rather than risk serving it.
        logger.exception("Page %s: site not found, purging the page cache of every site", page.pk)
        hostnames = None
    if hostnames:
        purge_now_and_after_commit(lambda: bump_site_versions(hostnames))
    else:
        purge_now_and_after_commit(bump_global_version)


def on_page_changed(sender, instance, **kwargs):
    purge_for_page(instance)


def on_page_moved(sender, instance, parent_page_before=None, **kwargs):
    # A move between two sites changes the listings of both.
    purge_for_page(instance)
    if parent_page_before is not None:
        purge_for_page(parent_page_before)


def on_page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        purge_for_page(instance)


def on_site_setting_saved(sender, instance, **kwargs):
    hostname = instance.site.hostname
    purge_now_and_after_commit(lambda: bump_site_versions({hostname}))


def on_global_change(sender, **kwargs):
    purge_now_and_after_commit(bump_global_version)


def connect_signals():
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from sites.models import ImportRun, SiteBranding, SiteNavigation, SiteProfile

    page_published.connect(on_page_changed, dispatch_uid="pagecache_published")
    page_unpublished.connect(on_page_changed, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="pagecache_moved")
    post_delete.connect(on_page_deleted, dispatch_uid="pagecache_deleted")
    for setting_model in (SiteBranding, SiteNavigation):
        post_save.connect(
            on_site_setting_saved,
            sender=setting_model,
            dispatch_uid=f"pagecache_{setting_model.__name__}",
        )
    post_save.connect(on_global_change, sender=ImportRun, dispatch_uid="pagecache_import_run")
    # Site resolution (sites.middleware) and every page's privacy depend on these models.
    for model in (Site, SiteProfile, PageViewRestriction):
        name = model.__name__
        post_save.connect(on_global_change, sender=model, dispatch_uid=f"pagecache_{name}_saved")
        post_delete.connect(on_global_change, sender=model, dispatch_uid=f"pagecache_{name}_deleted")
