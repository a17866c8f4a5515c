"""Settings for the test suite: SQLite by default, PostgreSQL when DATABASE_URL is set."""

import os

import dj_database_url

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = [".localhost", "localhost", "testserver", "127.0.0.1"]
PLATFORM_SITES_PORT = 80

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
else:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = os.environ.get("TEST_MEDIA_ROOT", str(BASE_DIR / "var" / "test-media"))  # noqa: F405
STORAGES = {  # noqa: F405
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Other tests log staff in with force_login and open admin pages directly; tests/security turns
# the requirement back on for the 2FA tests.
STAFF_TWO_FACTOR_REQUIRED = False

# The rate limits count per client address in a cache that outlives each test, and every test
# client posts from 127.0.0.1; tests/security/test_public_forms.py turns them back on.
RATELIMIT_ENABLE = False
