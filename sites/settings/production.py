"""Production settings: everything comes from the environment, and missing values stop start-up."""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def required_env(name):
    """Return an environment variable, or raise ImproperlyConfigured naming it when it is unset."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required in production and is not set."
        )
    return value


def env_bool(name, default):
    """Read "true" or "false" (any case) from the environment, or return the default."""
    value = os.environ.get(name, "").strip().lower()
    if value not in ("", "true", "false"):
        raise ImproperlyConfigured(f"The environment variable {name} must be true or false.")
    return default if not value else value == "true"


SECRET_KEY = required_env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or [  # noqa: F405
    site["hostname"] for site in PLATFORM_SITES.values()  # noqa: F405
]

DATABASES = {
    "default": dj_database_url.parse(
        required_env("DATABASE_URL"), conn_max_age=600, conn_health_checks=True
    )
}

CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": required_env("REDIS_URL"),
        "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
    }
}

# Media on local disk by default; MEDIA_STORAGE=s3 (the block at the end) stores them in a bucket.
if os.environ.get("MEDIA_STORAGE", "local") != "s3":
    MEDIA_ROOT = required_env("MEDIA_ROOT")
STATIC_ROOT = os.environ.get("STATIC_ROOT", str(BASE_DIR / "var" / "static"))  # noqa: F405
STORAGES = {  # noqa: F405
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

PLATFORM_SITES_PORT = int(os.environ.get("SITES_PORT", "443"))
WAGTAILADMIN_BASE_URL = required_env("WAGTAILADMIN_BASE_URL")

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = required_env("EMAIL_HOST")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "true").lower() == "true"
DEFAULT_FROM_EMAIL = required_env("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# HTTPS only. The reverse proxy (nginx) terminates TLS and sets X-Forwarded-Proto; it must
# overwrite that header on every request, otherwise a visitor could claim HTTPS.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True

# HSTS applies to each of the four hosts separately, since browsers record it per host name.
# includeSubDomains also covers every name under each site's host, so turn it off
# (HSTS_INCLUDE_SUBDOMAINS=false) while any of those names serves plain HTTP. Preloading is only
# accepted for registrable domains, covers all their subdomains and takes months to undo, so it
# stays an explicit decision of each domain's owner (HSTS_PRELOAD=true).
SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    # security.W021 warns whenever preload is off, which is the default chosen above.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
OSCAR_BASKET_COOKIE_SECURE = True
OSCAR_RECENTLY_VIEWED_COOKIE_SECURE = True
# No Domain attribute on any cookie: browsers then send each cookie back to the exact host that
# set it. A parent domain would hand one site's session and CSRF cookies to every other host
# under it, and is impossible when the sites' domains are unrelated. A member of staff therefore
# signs in on each host separately.
SESSION_COOKIE_DOMAIN = None
CSRF_COOKIE_DOMAIN = None

# Forms are posted over HTTPS to the host that served them. Django accepts a POST whose Origin
# header is the request's own origin or one of these.
CSRF_TRUSTED_ORIGINS = sorted(
    {f"https://{site['hostname']}" for site in PLATFORM_SITES.values()}  # noqa: F405
    | {f"https://{host}" for host in ALLOWED_HOSTS if not host.startswith(".")}
)

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# nginx passes the visitor's address in X-Real-IP (proxy_set_header X-Real-IP $remote_addr);
# without it every visitor would share the proxy's address in login throttling and rate limits.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "HTTP_X_REAL_IP")

# django-ratelimit's system checks reject caches that workers do not share.
INSTALLED_APPS = [*INSTALLED_APPS, "django_ratelimit"]  # noqa: F405

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

LOGGING["root"]["level"] = os.environ.get("LOG_LEVEL", "WARNING")  # noqa: F405

# Front-end cache of anonymous pages, shared by every app server through Redis.
PLATFORM_PAGE_CACHE = os.environ.get("PAGE_CACHE", "1") == "1"

# Media (images, renditions, documents) on S3-compatible object storage, shared by every app
# server, with MEDIA_STORAGE=s3. Credentials come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,
# read by boto3 itself. Media URLs are left unsigned because cached pages embed them, so the
# bucket (or the CDN in front of it, AWS_S3_CUSTOM_DOMAIN) must allow public reads of media.
# Documents stay behind Django (WAGTAILDOCS_SERVE_METHOD = "serve_view"), which checks their
# privacy before streaming them from the bucket.
if os.environ.get("MEDIA_STORAGE", "local") == "s3":
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": required_env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("AWS_LOCATION", "media"),
            "querystring_auth": False,
            "file_overwrite": False,
            "default_acl": None,
        },
    }
elif os.environ.get("MEDIA_STORAGE", "local") != "local":
    raise ImproperlyConfigured(
        f"MEDIA_STORAGE is {os.environ['MEDIA_STORAGE']!r}; expected local (default) or s3."
    )
