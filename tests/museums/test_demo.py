"""The museums' demo hook: catalogue page, translation and imports of the shipped files."""

from io import StringIO

import pytest
from wagtail.models import Locale, Page

from museums import demo
from museums.models import CatalogueIndexPage, CatalogueObject, Museum

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_messages")]


def test_populate_builds_catalogue(platform_sites):
    output = StringIO()

    demo.populate(output)

    page = CatalogueIndexPage.objects.get(locale__language_code="fr")
    assert page.slug == "collections"
    assert page.title == "Collections"
    assert page.get_parent().specific == platform_sites["musees"].site.root_page.specific
    english = page.get_translation(Locale.objects.get(language_code="en"))
    assert english.live
    assert english.intro.startswith("The works and objects of the museums")
    # 3 + 1 + 2 + 22 Joconde objects (the ISO-8859-1 file repeats the UTF-8 one) and 4 LIDO.
    assert CatalogueObject.objects.count() == 32
    lines = output.getvalue().splitlines()
    assert (
        "Collections, joconde/pop_import_joconde_utf8.txt: "
        "3 created, 0 updated, 0 unchanged, 0 rejected" in lines
    )
    assert (
        "Collections, joconde/pop_import_joconde_iso-8859-1.txt: "
        "0 created, 0 updated, 3 unchanged, 0 rejected" in lines
    )
    assert len(lines) == 9


def test_populate_twice_changes_nothing(platform_sites):
    demo.populate(StringIO())
    pages = Page.objects.count()
    revisions = CatalogueIndexPage.objects.get(locale__language_code="fr").revisions.count()
    museums = Museum.objects.count()
    output = StringIO()

    demo.populate(output)

    assert Page.objects.count() == pages
    assert CatalogueIndexPage.objects.get(locale__language_code="fr").revisions.count() == revisions
    assert Museum.objects.count() == museums
    assert all(" 0 created, 0 updated," in line for line in output.getvalue().splitlines())
