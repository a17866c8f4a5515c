import pytest
from wagtail.models import Page

from sites.demo.pages import ensure_child_page, ensure_translation
from sites.models import ContentPage

pytestmark = pytest.mark.django_db


def test_translation_published_inside_transaction(platform_sites):
    home = platform_sites["memorial"].site.root_page
    section = ensure_child_page(home, ContentPage, slug="ressources", title="Ressources")
    english_section = ensure_translation(section, "en", {"Ressources": "Resources"})
    child = ensure_child_page(section, ContentPage, slug="lexique", title="Lexique")
    english_child = ensure_translation(child, "en", {"Lexique": "Glossary"})

    english_section.refresh_from_db()
    assert english_section.live
    assert english_child.live
    assert english_child.title == "Glossary"
    assert list(english_section.get_children()) == [english_child.page_ptr]


def test_page_tree_consistent_after_demo_build(platform_sites):
    # Each list contains the nodes with a wrong path, depth or child counter. All must be empty.
    assert all(problems == [] for problems in Page.find_problems())


def test_second_translation_run_writes_nothing(platform_sites):
    from wagtail.models import Revision

    page = ContentPage.objects.get(slug="decouvrir", locale__language_code="fr")
    revisions_before = Revision.objects.count()
    ensure_translation(page, "nl", {"Découvrir Compiègne": "Compiègne ontdekken"})
    assert Revision.objects.count() == revisions_before
