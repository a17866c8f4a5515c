"""Fixtures of the browser tests: the demo sites served locally and a headless Chromium.

The demo is built once per test session in its own SQLite file, in a temporary folder, by the same
commands as scripts/serve (migrate, then load_demo), and served by runserver on a free port of
127.0.0.1. A separate database keeps the demo's thousands of records out of the test database,
which the other tests expect to contain only the editorial pages, and lets a server process read
it (pytest-django's in-memory SQLite test database is private to the test process). The browser
tests only read what the server sends to the browser, so they use this SQLite file on the
PostgreSQL pass as well.

Both fixtures are package-scoped: they end when the last browser test has run. Playwright's sync
API keeps an asyncio event loop in the main thread while it is open, and Django refuses
database queries from a thread with a running loop, so it must not stay open during the tests of
the other folders.
"""

import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings

REPOSITORY_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_PATH = os.environ.get("PLATFORM_CHROMIUM", "/usr/bin/chromium")

# A host name that no site uses, to get the unknown-site page. *.localhost is in the demo
# server's ALLOWED_HOSTS, so Django answers rather than rejecting the host.
UNKNOWN_HOST = "inconnu.localhost"

SERVER_START_TIMEOUT_SECONDS = 60
# Playwright's default of 30 s per action is kept for navigation; assertions on the page wait
# less, since the server runs on this machine.
EXPECT_TIMEOUT_MS = 5_000


@dataclass(frozen=True)
class DemoServer:
    """The running demo: its port and the path of each page type per site and language."""

    port: int
    paths: dict

    def url(self, site_key, path):
        hostname = settings.PLATFORM_SITES[site_key]["hostname"]
        return f"http://{hostname}:{self.port}{path}"

    def unknown_site_url(self):
        return f"http://{UNKNOWN_HOST}:{self.port}/"


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _server_environment(folder, port):
    environment = dict(os.environ)
    # The demo server never uses the suite's PostgreSQL database (see the module docstring).
    environment.pop("DATABASE_URL", None)
    environment.update(
        {
            "DJANGO_SETTINGS_MODULE": "tests.browser.server_settings",
            "SQLITE_PATH": str(folder / "db.sqlite3"),
            "MEDIA_ROOT": str(folder / "media"),
            "SITES_PORT": str(port),
            "PYTHONUNBUFFERED": "1",
        }
    )
    return environment


def _run_step(arguments, environment, log_path):
    """Run one command of the demo build; fail the session with its output when it fails."""
    with open(log_path, "ab") as log:
        completed = subprocess.run(
            [sys.executable, *arguments],
            cwd=REPOSITORY_ROOT,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=log,
            check=False,
        )
    if completed.returncode != 0:
        pytest.fail(
            f"Demo build step {' '.join(arguments)} failed with exit code "
            f"{completed.returncode}; its error output is in {log_path}:\n"
            f"{Path(log_path).read_text(errors='replace')[-3000:]}",
            pytrace=False,
        )
    return completed.stdout


def _wait_until_serving(process, port, hostname, log_path):
    deadline = time.monotonic() + SERVER_START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(
                f"The demo server exited with code {process.returncode}:\n"
                f"{Path(log_path).read_text(errors='replace')[-3000:]}",
                pytrace=False,
            )
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", "/", headers={"Host": f"{hostname}:{port}"})
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
        finally:
            connection.close()
    pytest.fail(
        f"The demo server did not answer on port {port} within "
        f"{SERVER_START_TIMEOUT_SECONDS} s.",
        pytrace=False,
    )


@pytest.fixture(scope="package")
def demo_server(tmp_path_factory):
    """Build the demo in a temporary SQLite file, serve it on 127.0.0.1 and return DemoServer."""
    folder = tmp_path_factory.mktemp("browser-demo")
    port = _free_port()
    environment = _server_environment(folder, port)
    log_path = folder / "server.log"

    started = time.monotonic()
    _run_step(["manage.py", "migrate", "--no-input"], environment, log_path)
    _run_step(["manage.py", "load_demo", "--port", str(port)], environment, log_path)
    paths = json.loads(_run_step(["-m", "tests.browser.demo_urls"], environment, log_path))
    print(f"\nDemo built for the browser tests in {time.monotonic() - started:.1f} s.")

    with open(log_path, "ab") as log:
        # --insecure serves the static files although DEBUG is off, as scripts/serve does.
        process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--insecure", "--noreload",
             f"127.0.0.1:{port}"],
            cwd=REPOSITORY_ROOT,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_serving(process, port, settings.PLATFORM_SITES["musees"]["hostname"], log_path)
        yield DemoServer(port=port, paths=paths)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(folder / "media", ignore_errors=True)


@pytest.fixture(scope="package")
def browser():
    """Headless Chromium from the system, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    if not os.access(CHROMIUM_PATH, os.X_OK):
        pytest.fail(
            f"Chromium is missing at {CHROMIUM_PATH}: run scripts/services/chromium.sh install.",
            pytrace=False,
        )

    # Every site host and the unknown host resolve to this machine, whatever MUSEES_HOST and the
    # like are set to; nothing else resolves, so a page cannot load anything from the network.
    hostnames = [site["hostname"] for site in settings.PLATFORM_SITES.values()] + [UNKNOWN_HOST]
    resolver_rules = ", ".join(f"MAP {hostname} 127.0.0.1" for hostname in hostnames)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM_PATH,
            args=[
                f"--host-resolver-rules={resolver_rules}, MAP * ~NOTFOUND",
                "--no-proxy-server",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A new browser tab with its own cookies (so its own basket), closed after the test."""
    from playwright.sync_api import expect

    expect.set_options(timeout=EXPECT_TIMEOUT_MS)
    context = browser.new_context(
        # axe-core is injected as an inline script, which the sites' CSP blocks on purpose.
        bypass_csp=True,
        viewport={"width": 1280, "height": 900},
    )
    tab = context.new_page()
    yield tab
    context.close()
