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
# Search: OpenSearch when SEARCH_URL is set (production and CI), else Wagtail's database backend.
# The visitor search keeps its own per-language indices (search.engine); Wagtail's backend also
# serves the admin's searches of pages, images and documents.
SEARCH_URL = os.environ.get("SEARCH_URL", "")
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "compiegne")
SEARCH_TIMEOUT = float(os.environ.get("SEARCH_TIMEOUT", "5"))
SEARCH_INDEX_SHARDS = int(os.environ.get("SEARCH_INDEX_SHARDS", "1"))
SEARCH_INDEX_REPLICAS = int(os.environ.get("SEARCH_INDEX_REPLICAS", "0"))
# Refresh policy of bulk writes: "true" makes them searchable at once (tests), "wait_for" waits
# for the next refresh, and anything else lets the engine refresh within a second.
SEARCH_REFRESH = {"true": True, "wait_for": "wait_for"}.get(os.environ.get("SEARCH_REFRESH", ""), False)
if SEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.opensearch2",
            "URLS": [url.strip() for url in SEARCH_URL.split(",") if url.strip()],
            "INDEX": f"{SEARCH_INDEX_PREFIX}-wagtail",
            "TIMEOUT": SEARCH_TIMEOUT,
            "OPTIONS": {"max_retries": 0},
        }
    }
else:
    # platform_french (French stemming, accents ignored) is created on PostgreSQL by the search
    # app's migrations; SQLite's backend ignores SEARCH_CONFIG.
    WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "platform_french"}
    }
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

# --- Security by default (see docs/operations-security.md) ---------------------------------------

from csp.constants import NONCE  # noqa: E402 (kept with the settings that use it)

INSTALLED_APPS += [  # noqa: F405 (INSTALLED_APPS is defined above)
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
]

# The CSP middleware comes first so that every response, including redirects made by later
# middleware, carries the policy. The 2FA middleware needs request.user, and django-axes documents
# its middleware as the last one.
MIDDLEWARE.insert(0, "sites.security.csp.PlatformCSPMiddleware")
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "django_otp.middleware.OTPMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django_otp.middleware.OTPMiddleware") + 1,
    "sites.security.two_factor.StaffTwoFactorMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django_otp.middleware.OTPMiddleware") + 2,
    "sites.security.public_forms.PublicFormGuardMiddleware",
)
MIDDLEWARE.append("axes.middleware.AxesMiddleware")

TEMPLATES[0]["OPTIONS"]["context_processors"].append("csp.context_processors.nonce")

# django-axes must see every login attempt before the other backends check the password.
AUTHENTICATION_BACKENDS.insert(0, "sites.security.backends.RequestOnlyAxesBackend")

# Request header that carries the visitor's address when a reverse proxy forwards the requests
# (empty: REMOTE_ADDR). Login throttling and form rate limits count attempts per address.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")

# Content-Security-Policy (django-csp 4 format). Public pages allow scripts and styles from the
# site itself and inline elements that carry the request's nonce; nothing from other hosts. The
# staff interfaces get a wider policy, see PLATFORM_CSP_STAFF_DIRECTIVES.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'", NONCE],
        "img-src": ["'self'", "data:"],
        "frame-src": ["'self'", *env_list("CSP_FRAME_SOURCES")],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# Wagtail's admin and Oscar's dashboard emit inline scripts without a nonce (date pickers, inline
# panels, Oscar's onclick handlers) and inline style attributes (TinyMCE, Wagtail's widgets).
# Wagtail's page preview also frames the site itself. These directives replace the public ones on
# the staff paths only, which staff reach after password and TOTP checks.
PLATFORM_CSP_STAFF_PATHS = ("/admin/", "/boutique/dashboard/")
PLATFORM_CSP_STAFF_DIRECTIVES = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "frame-ancestors": ["'self'"],
}
# Wagtail's admin shows Gravatar pictures by default, fetched from an outside host.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Two-factor authentication (TOTP) for everyone who reaches the Wagtail admin or Oscar's
# dashboard. The test settings turn it off so that other tests can log staff in directly.
STAFF_TWO_FACTOR_REQUIRED = True
STAFF_TWO_FACTOR_PATHS = ("/admin/", "/boutique/dashboard/")
OTP_TOTP_ISSUER = "Compiègne culture et tourisme"

# Login throttling: after AXES_FAILURE_LIMIT failed logins for one username from one address,
# that pair is locked out for AXES_COOLOFF_TIME hours. `manage.py axes_reset_username NAME`
# lifts a lockout early.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "sites.security.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "sites.security.client_ip.client_ip_address"
AXES_RESET_ON_SUCCESS = True

# Uploaded documents are checked by content, not only by extension.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "sites.security.uploads.ContentCheckedDocumentForm"

# Rate limits of public POST forms, per client address: (path prefix, rate). The first prefix
# that matches a POST request applies. Rates use django-ratelimit's "count/period" format.
PUBLIC_FORM_RATE_LIMITS = [
    ("/boutique/accounts/login/", "10/m"),
    ("/boutique/accounts/register/", "10/m"),
    ("/boutique/password-reset/", "5/m"),
    ("/boutique/basket/", "60/m"),
    ("/boutique/", "30/m"),
]
RATELIMIT_USE_CACHE = "default"
# Registration forms submitted faster than this many seconds after the page was served are
# rejected as automated.
REGISTRATION_MIN_SECONDS = float(os.environ.get("REGISTRATION_MIN_SECONDS", "3"))

# Front-end cache of anonymous pages (sites/cache.py), on the default cache: Redis in production,
# local memory in the demo. Off unless PAGE_CACHE=1; production turns it on by default.
PLATFORM_PAGE_CACHE = os.environ.get("PAGE_CACHE", "0") == "1"
PLATFORM_PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
