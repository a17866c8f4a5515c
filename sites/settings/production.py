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


SECRET_KEY = required_env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or [  # noqa: F405
    site["hostname"] for site in PLATFORM_SITES.values()  # noqa: F405
]
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS if not host.startswith(".")]

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

# HTTPS only. The reverse proxy terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
OSCAR_BASKET_COOKIE_SECURE = True
OSCAR_RECENTLY_VIEWED_COOKIE_SECURE = True
# Cookies carry no Domain attribute, so each site's cookies stay on its own host.
SESSION_COOKIE_DOMAIN = None
CSRF_COOKIE_DOMAIN = None

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
