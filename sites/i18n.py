"""Language rules of the four sites: which languages a site offers and how pages link across them."""

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page

DEFAULT_LANGUAGE = settings.LANGUAGE_CODE
LANGUAGE_NAMES = dict(settings.LANGUAGES)


def site_languages(request):
    """Return the language codes the requested site publishes, French first."""
    profile = getattr(request, "platform_profile", None)
    if profile is None:
        return [DEFAULT_LANGUAGE]
    return profile.languages


def prefixed_path(language_code, french_path):
    """Return the path of ``french_path`` under a language prefix (French has none)."""
    if language_code == DEFAULT_LANGUAGE:
        return french_path
    return f"/{language_code}{french_path}"


def language_alternates(page, request):
    """List the site's languages for ``page``: name, URL and whether a translation is live.

    A language without a live translation links to the French path under that language's prefix,
    where a notice explains that the page is not translated yet and links the French page. The
    list is computed once per request and page, because routable pages ask for it twice (their
    route and the page context), and each call returns a copy that the caller may change.
    """
    if request is None:
        return build_language_alternates(page, request)
    computed = getattr(request, "_platform_language_alternates", None)
    if computed is None:
        computed = request._platform_language_alternates = {}
    if page.pk not in computed:
        computed[page.pk] = build_language_alternates(page, request)
    return [dict(alternate) for alternate in computed[page.pk]]


def build_language_alternates(page, request):
    from sites.privacy import public_pages

    languages = site_languages(request)
    translation_pages = public_pages(page.get_translations(inclusive=True).live(), request)
    translations = {
        translation_page.locale.language_code: translation_page
        for translation_page in translation_pages.select_related("locale").filter(
            locale__language_code__in=languages
        )
    }
    french_page = translations.get(DEFAULT_LANGUAGE)
    french_url = french_page.get_url(request) if french_page else None
    current = translation.get_language()

    alternates = []
    for code in languages:
        translated = translations.get(code)
        if translated is not None:
            url = translated.get_url(request)
        elif french_url:
            url = prefixed_path(code, french_url)
        else:
            url = None
        alternates.append(
            {
                "code": code,
                "name": LANGUAGE_NAMES[code],
                "url": url,
                "available": translated is not None,
                "current": code == current,
            }
        )
    return alternates


def find_french_page(request, site, path):
    """Return the live French page at ``path`` on ``site``, or None.

    ``path`` is the request path without its language prefix.
    """
    french_root = site.root_page
    if french_root.locale.language_code != DEFAULT_LANGUAGE:
        french_root = french_root.get_translation_or_none(Locale.objects.get(language_code="fr"))
        if french_root is None:
            return None
    components = [part for part in path.strip("/").split("/") if part]
    url_path = french_root.url_path + "".join(f"{part}/" for part in components)
    return Page.objects.live().public().filter(url_path=url_path).first()
