"""Fixtures of the memorial tests: the shipped files and the demo pages built on them."""

from io import StringIO

import pytest

CONVOYS_FILE = "convois_royallieu_1942-1944.csv"
KEY_FIGURES_FILE = "chiffres_cles_royallieu.csv"
PUBLIC_FIGURES_FILE = "personnalites_royallieu.csv"


@pytest.fixture
def memorial_dir(data_dir):
    return data_dir / "memorial"


@pytest.fixture
def convoys_file(memorial_dir):
    return memorial_dir / CONVOYS_FILE


@pytest.fixture
def key_figures_file(memorial_dir):
    return memorial_dir / KEY_FIGURES_FILE


@pytest.fixture
def public_figures_file(memorial_dir):
    return memorial_dir / PUBLIC_FIGURES_FILE


def build_memorial_site():
    """Run the memorial demo on the sites of the test database; return the demo's output."""
    from memorial.demo import populate

    output = StringIO()
    populate(output)
    return output.getvalue()


@pytest.fixture(scope="module")
def memorial_site(django_db_setup, django_db_blocker):
    """The sites with the memorial demo pages and data, shared by a module's tests.

    Everything is rolled back once the module's tests are done.
    """
    from django.db import transaction

    with django_db_blocker.unblock():
        with transaction.atomic():
            output = build_memorial_site()
            yield output
            transaction.set_rollback(True)
