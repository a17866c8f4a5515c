"""Settings of the demo server that the browser tests start: the local demo's, on a private file.

The fixture sets SQLITE_PATH, MEDIA_ROOT and SITES_PORT to a temporary folder and a free port.
DEBUG stays off, so the 404 and unknown-site pages are the ones visitors get.
"""

from sites.settings.dev import *  # noqa: F403

# The sites' host names may come from MUSEES_HOST and the like, so the server accepts them. It
# also accepts *.localhost for the unknown-site host that the tests request.
SITE_HOSTNAMES = [site["hostname"] for site in PLATFORM_SITES.values()]  # noqa: F405
ALLOWED_HOSTS = [*SITE_HOSTNAMES, ".localhost"]
