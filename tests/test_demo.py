"""The demo command builds the four sites with real data, and a second run changes nothing."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Page, Revision

from sites.models import ImportRun


OWN_APPS = ["core", "museums", "archives", "memorial", "tourism"]


def row_counts():
    counts = {"pages": Page.objects.count(), "revisions": Revision.objects.count()}
    for label in OWN_APPS:
        for model in apps.get_app_config(label).get_models():
            if model._meta.proxy or model._meta.label == "core.ImportRun":
                continue
            counts[model._meta.label] = model._default_manager.count()
    return counts


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker):
    """Run the demo twice in one database; return both outputs and the counts after each run."""
    with django_db_blocker.unblock():
        from django.db import transaction

        with transaction.atomic():
            first_output = StringIO()
            call_command("load_demo", port=80, stdout=first_output)
            first_counts = row_counts()
            first_counts["import runs"] = ImportRun.objects.count()
            second_output = StringIO()
            call_command("load_demo", port=80, stdout=second_output)
            second_counts = row_counts()
            second_counts["import runs"] = ImportRun.objects.count()
            yield {
                "first": first_output.getvalue(),
                "second": second_output.getvalue(),
                "first_counts": first_counts,
                "second_counts": second_counts,
            }
            transaction.set_rollback(True)


def test_demo_second_run_changes_nothing(demo_output):
    first = dict(demo_output["first_counts"])
    second = dict(demo_output["second_counts"])
    # Each run records its own import reports; nothing else may change.
    first.pop("import runs")
    second.pop("import runs")
    assert second == first


def test_demo_records_import_runs(demo_output):
    runs_per_demo = demo_output["first_counts"]["import runs"]
    assert runs_per_demo >= 10
    assert demo_output["second_counts"]["import runs"] == 2 * runs_per_demo


def test_demo_imports_real_data(demo_output):
    counts = demo_output["first_counts"]
    assert counts["museums.CatalogueObject"] > 20
    assert counts["archives.Component"] > 1000
    assert counts["memorial.Convoy"] > 20
    assert counts["tourism.Offer"] > 0


def test_demo_output_in_french(demo_output):
    assert "Configuration des quatre sites" in demo_output["first"]
    assert "Démonstration prête." in demo_output["first"]
    assert "inchangés" in demo_output["second"]
