"""Settings for the benchmark commands: production-like, without HTTPS, from the environment.

DEBUG is off, the database comes from DATABASE_URL (PostgreSQL for figures worth quoting) and the
cache from REDIS_URL when it is set (local memory otherwise). HTTPS redirects and secure cookies
are left out because the benchmarks talk plain HTTP to 127.0.0.1.
"""

import os

import dj_database_url

from sites.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "bench-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = [".localhost", "localhost", "127.0.0.1"]
PLATFORM_SITES_PORT = int(os.environ.get("SITES_PORT", "80"))

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=600)}

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }

# The page cache is switched per run by the benchmark commands (PAGE_CACHE=0 or 1).
PLATFORM_PAGE_CACHE = os.environ.get("PAGE_CACHE", "0") == "1"
LOGGING["root"]["level"] = "ERROR"  # noqa: F405
LOGGING["loggers"] = {}  # noqa: F405
