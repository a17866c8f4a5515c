"""Print server time (p50, p95) and database queries of one page of each type on the four sites.

Run from the repository root against a database filled by ``manage.py load_demo``:

    DATABASE_URL=postgres://... REDIS_URL=redis://... .venv/bin/python bench/pages.py

Pages are found through each site's sitemap: one URL per page type, and one per kind of record
page served by a routable page (catalogue object, convoy, finding aid, offer). Each URL is
requested through Django's test client (the whole middleware stack, no network), first with the
page cache off ("uncached": the page is rendered, the site's menus and settings come from the
cache as in steady state), then with it on ("cached": every request after the first is a hit).
"""

import argparse
import os
import statistics
import sys
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from wagtail.models import Page  # noqa: E402

from sites.models import SiteProfile  # noqa: E402

SITEMAP_NAMESPACE = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
LANGUAGE_PREFIXES = ("/en/", "/de/", "/nl/")


def page_types_by_path(profile):
    """Map the path of each live page of the site (all languages) to its page type's name."""
    site = profile.site
    types = {}
    roots = Page.objects.filter(translation_key=site.root_page.translation_key)
    for root in roots:
        for page in Page.objects.descendant_of(root, inclusive=True).live().specific():
            url = page.get_url()
            if url:
                types[urlsplit(url).path] = type(page).__name__
    return types


def french_path(path):
    for prefix in LANGUAGE_PREFIXES:
        if path.startswith(prefix):
            return path[len(prefix) - 1 :]
    return path


def classify(path, types):
    """Return the page type serving ``path``, with " record" for a routable page's sub-path."""
    if path in types:
        return types[path]
    parent = path
    while parent != "/":
        parent = parent.rstrip("/").rsplit("/", 1)[0] + "/"
        if parent in types:
            return f"{types[parent]} record"
    return "unknown"


def sample_urls(client, profile):
    """Return (page type, path) pairs: the first French URL of each type in the sitemap."""
    host = profile.site.hostname
    response = client.get("/sitemap.xml", HTTP_HOST=host)
    locations = [
        urlsplit(element.text).path
        for element in ElementTree.fromstring(response.content).iter(f"{SITEMAP_NAMESPACE}loc")
    ]
    types = page_types_by_path(profile)
    samples = {}
    for path in locations:
        if french_path(path) != path:
            continue
        page_type = classify(path, types)
        samples.setdefault(page_type, path)
    return sorted(samples.items())


def measure(client, host, path, requests):
    """Return (status, p50 ms, p95 ms, queries of one request) after two warm-up requests."""
    for _ in range(2):
        client.get(path, HTTP_HOST=host)
    # Django empties connection.queries when a request starts, so the queries are counted by
    # wrapping the database cursor instead.
    executed = []

    def count_query(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count_query):
        status = client.get(path, HTTP_HOST=host).status_code
    durations = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(path, HTTP_HOST=host)
        durations.append((time.perf_counter() - started) * 1000)
    durations.sort()
    p95_index = max(0, round(0.95 * len(durations)) - 1)
    return status, statistics.median(durations), durations[p95_index], len(executed)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--requests", type=int, default=30, help="Timed requests per URL and mode (default 30)."
    )
    parser.add_argument("--site", help="Only this platform site key (musees, memorial...).")
    arguments = parser.parse_args()

    client = Client()
    cache_backend = django.conf.settings.CACHES["default"]["BACKEND"]
    print(f"database: {connection.vendor}, cache: {cache_backend}")
    header = (
        f"{'site':<9} {'page type':<28} {'status':>6} {'queries':>7} "
        f"{'p50 ms':>7} {'p95 ms':>7} {'cached p50':>10} {'cached p95':>10}  path"
    )
    print(header)
    print("-" * len(header))
    for profile in SiteProfile.objects.select_related("site").order_by("key"):
        if arguments.site and profile.key != arguments.site:
            continue
        host = profile.site.hostname
        for page_type, path in sample_urls(client, profile):
            with override_settings(PLATFORM_PAGE_CACHE=False):
                status, p50, p95, queries = measure(client, host, path, arguments.requests)
            with override_settings(PLATFORM_PAGE_CACHE=True):
                _, cached_p50, cached_p95, _ = measure(client, host, path, arguments.requests)
            print(
                f"{profile.key:<9} {page_type:<28} {status:>6} {queries:>7} {p50:>7.1f} "
                f"{p95:>7.1f} {cached_p50:>10.2f} {cached_p95:>10.2f}  {path}"
            )


if __name__ == "__main__":
    main()
