"""Settings shared by every environment.

Values that differ between machines come from the environment. This module contains no secret and
leaves DEBUG off; ``dev``, ``test`` and ``production`` build on it.
"""

import os
from pathlib import Path

from oscar.defaults import *  # noqa: F403 (Oscar documents this import as its settings entry point)

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = False


def env_list(name, default=""):
    """Split a comma-separated environment variable into a list of stripped, non-empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# The four public sites. The key is the platform's internal name of each site; the hostname is
# configuration so that production and the local demo share one code path. Languages are the ones
# each site publishes, French first; no site may offer a language missing from LANGUAGES below.
PLATFORM_SITES = {
    "musees": {
        "hostname": os.environ.get("MUSEES_HOST", "musees.localhost"),
        "languages": ["fr", "en"],
    },
    "memorial": {
        "hostname": os.environ.get("MEMORIAL_HOST", "memorial.localhost"),
        "languages": ["fr", "en", "de"],
    },
    "archives": {
        "hostname": os.environ.get("ARCHIVES_HOST", "archives.localhost"),
        "languages": ["fr"],
    },
    "tourisme": {
        "hostname": os.environ.get("TOURISME_HOST", "tourisme.localhost"),
        "languages": ["fr", "en", "de", "nl"],
    },
}
PLATFORM_SITES_PORT = int(os.environ.get("SITES_PORT", "80"))

INSTALLED_APPS = [
    # Our apps come first so that their templates override Wagtail's and Oscar's.
    "sites.apps.SitesConfig",
    "museums",
    "archives",
    "memorial",
    "tourism",
    "shop",
    "search.apps.SiteSearchConfig",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    # django-oscar and what it depends on. Oscar's own search app keeps its label "search"; ours
    # is labelled "sitesearch" so the two cannot clash.
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.sitemaps",
    "oscar.config.Shop",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "oscar.apps.checkout.apps.CheckoutConfig",
    "oscar.apps.address.apps.AddressConfig",
    "oscar.apps.shipping.apps.ShippingConfig",
    "oscar.apps.catalogue.apps.CatalogueConfig",
    "oscar.apps.catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "oscar.apps.partner.apps.PartnerConfig",
    "oscar.apps.basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "oscar.apps.offer.apps.OfferConfig",
    "oscar.apps.order.apps.OrderConfig",
    "oscar.apps.customer.apps.CustomerConfig",
    "oscar.apps.search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "oscar.apps.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "oscar.apps.dashboard.orders.apps.OrdersDashboardConfig",
    "oscar.apps.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    "widget_tweaks",
    "haystack",
    "treebeard",
    "django_tables2",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Serves anonymous pages from the cache before any database query; off unless
    # PLATFORM_PAGE_CACHE is set (see sites/cache.py).
    "sites.cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "sites.middleware.SiteResolutionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "sites.middleware.SiteLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "oscar.apps.basket.middleware.BasketMiddleware",
    # Closes Oscar's checkout until online payment exists (it would record unpaid orders).
    "shop.middleware.CheckoutClosedMiddleware",
]

ROOT_URLCONF = "sites.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "sites" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "sites.context_processors.platform",
                "shop.context_processors.search_form",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
            ],
        },
    },
]

WSGI_APPLICATION = "sites.wsgi.application"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "var" / "db.sqlite3")),
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTHENTICATION_BACKENDS = [
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: French is the default and is served without a URL prefix. The list is the union of
# the languages the four sites publish; each site restricts it further (PLATFORM_SITES).
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", "Français"),
    ("en", "English"),
    ("de", "Deutsch"),
    ("nl", "Nederlands"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = os.environ.get("STATIC_ROOT", str(BASE_DIR / "var" / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

SITE_ID = 1

# Wagtail
WAGTAIL_SITE_NAME = "Compiègne — culture et tourisme"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://musees.localhost:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "docx", "xlsx", "csv", "txt", "epub"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False

# Background work: tasks run in the request in the demo; a worker process runs them in production.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# django-oscar, served under the museums' domain at /boutique/.
OSCAR_SHOP_NAME = "Boutique des musées de Compiègne"
OSCAR_DEFAULT_CURRENCY = "EUR"
OSCAR_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "boutique@musees.localhost")
# Oscar's root URL redirects to OSCAR_HOMEPAGE, so it must not be "/boutique/" itself.
OSCAR_HOMEPAGE = "/boutique/catalogue/"
# Product reviews would be open to anonymous visitors without moderation.
OSCAR_HIDDEN_FEATURES = ["reviews"]
OSCAR_THUMBNAILER = "shop.thumbnails.PillowThumbnailer"
# Oscar lists and searches products through Haystack; this engine queries the database.
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "shop.search_backend.ProductDatabaseEngine"}}

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# Imports reject single files above this size before parsing them, so that a hostile or
# mistaken upload cannot exhaust memory.
IMPORT_MAX_FILE_BYTES = int(os.environ.get("IMPORT_MAX_FILE_BYTES", str(200 * 1024 * 1024)))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "sites": {"level": "INFO"},
        "museums": {"level": "INFO"},
        "archives": {"level": "INFO"},
        "memorial": {"level": "INFO"},
        "tourism": {"level": "INFO"},
        "shop": {"level": "INFO"},
    },
}

# Paths that belong to one site only. Other sites return 404 there.
PLATFORM_SITE_ONLY_PATHS = {"/boutique/": "musees"}

# Oscar's login-protected pages (customer accounts, wish lists) send visitors here.
LOGIN_URL = "/boutique/accounts/login/"

# Base URL of the archive service's image server; relative dao/daoloc references of finding aids
# are joined to it. Left empty, image references are shown as file names without links.
ARCHIVES_IMAGE_BASE_URL = os.environ.get("ARCHIVES_IMAGE_BASE_URL", "")

# Front-end cache of anonymous pages (sites/cache.py), on the default cache: Redis in production,
# local memory in the demo. Off unless PAGE_CACHE=1; production turns it on by default.
PLATFORM_PAGE_CACHE = os.environ.get("PAGE_CACHE", "0") == "1"
PLATFORM_PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
