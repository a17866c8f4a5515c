"""The catalogues are complete: French for every string, German and Dutch for visitor-facing ones.

Visitor-facing strings are those used in a template. The catalogues must also match the source:
a string added to the code without running makemessages fails here.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ["sites", "search", "museums", "archives", "memorial", "tourism", "shop"]
VISITOR_LANGUAGES = ["de", "nl"]


def catalogue_paths(language):
    return [
        path
        for app in APPS
        for path in [ROOT / app / "locale" / language / "LC_MESSAGES" / "django.po"]
        if path.exists()
    ]


def used_in_template(entry):
    return any(path.endswith((".html", ".txt", ".xml")) for path, _line in entry.occurrences)


def test_every_app_has_french_catalogue():
    missing = [app for app in APPS if not (ROOT / app / "locale" / "fr").exists()]
    assert missing == []


@pytest.mark.parametrize("path", catalogue_paths("fr"), ids=lambda path: path.parts[-5])
def test_french_catalogue_complete(path):
    catalogue = polib.pofile(str(path))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize(
    "path",
    [path for language in VISITOR_LANGUAGES for path in catalogue_paths(language)],
    ids=lambda path: f"{path.parts[-5]}-{path.parts[-3]}",
)
def test_visitor_strings_translated(path):
    catalogue = polib.pofile(str(path))
    missing = [
        entry.msgid
        for entry in catalogue
        if used_in_template(entry) and (not entry.translated() or "fuzzy" in entry.flags)
    ]
    assert missing == []


@pytest.mark.parametrize(
    "path",
    [path for language in ["fr", "en", "de", "nl"] for path in catalogue_paths(language)],
    ids=lambda path: f"{path.parts[-5]}-{path.parts[-3]}",
)
def test_compiled_catalogue_current(path):
    compiled = polib.mofile(str(path.with_suffix(".mo")))
    compiled_strings = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in compiled}
    source = polib.pofile(str(path))
    stale = [
        entry.msgid
        for entry in source.translated_entries()
        if not entry.msgid_plural
        and compiled_strings.get((entry.msgctxt, entry.msgid)) != entry.msgstr
    ]
    assert stale == []


@pytest.mark.parametrize("app", APPS)
def test_catalogue_matches_source(app, tmp_path, settings):
    """Extract the app's strings afresh and compare them with the committed French catalogue."""
    assert shutil.which("xgettext"), "GNU gettext is required: scripts/test installs it."
    copy = tmp_path / app
    shutil.copytree(
        ROOT / app, copy, ignore=shutil.ignore_patterns("locale", "__pycache__", "static")
    )
    (copy / "locale").mkdir()
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "fr", "--no-obsolete", "-i", "demo/*"],
        cwd=copy,
        check=True,
        capture_output=True,
        env={
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "sites.settings.test",
            "PYTHONPATH": str(ROOT),
        },
    )
    fresh = {
        (entry.msgctxt, entry.msgid)
        for entry in polib.pofile(str(copy / "locale" / "fr" / "LC_MESSAGES" / "django.po"))
    }
    committed = {
        (entry.msgctxt, entry.msgid)
        for entry in polib.pofile(str(ROOT / app / "locale" / "fr" / "LC_MESSAGES" / "django.po"))
    }
    assert sorted(fresh - committed, key=str) == []
