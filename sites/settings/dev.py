"""Settings for the local demo: SQLite, database search, local files, local-memory cache."""

from .base import *  # noqa: F403

# The demo behaves like production by default, with the sites' own error pages; set
# DJANGO_DEBUG=1 for Django's debug pages while developing.
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"  # noqa: F405

# runserver serves uploaded media itself, with or without DEBUG (see sites/urls.py).
SERVE_MEDIA = True

# A development key is acceptable here because these settings never serve the public: production
# settings refuse to start without their own SECRET_KEY.
SECRET_KEY = "dev-only-not-secret-compiegne-platform"  # noqa: S105

ALLOWED_HOSTS = [".localhost", "localhost", "127.0.0.1"]
PLATFORM_SITES_PORT = int(os.environ.get("SITES_PORT", "8000"))  # noqa: F405
