from django.utils import translation

from sites.i18n import LANGUAGE_NAMES, site_languages


def platform(request):
    """Expose the current platform site and its languages to every template."""
    profile = getattr(request, "platform_profile", None)
    return {
        "platform_site": profile,
        "platform_site_key": profile.key if profile else "",
        "site_language_codes": site_languages(request),
        "current_language_name": LANGUAGE_NAMES.get(translation.get_language(), ""),
    }
