import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Page
from wagtail.permissions import policy_registry

from sites.models import SiteBranding

pytestmark = pytest.mark.django_db


@pytest.fixture
def museum_editor(built_sites):
    group = Group.objects.get(name="Musées de Compiègne – éditeurs")
    user = get_user_model().objects.create_user(
        username="curatrice", email="curatrice@example.org", password="correct-horse-battery"
    )
    user.groups.add(group)
    return user


def site_page(profiles, key, slug):
    return Page.objects.descendant_of(profiles[key].site.root_page).get(slug=slug)


def test_editor_edits_own_site_pages(museum_editor, built_sites):
    own_page = site_page(built_sites, "musees", "visiter")
    other_page = site_page(built_sites, "memorial", "histoire-du-camp")
    assert own_page.permissions_for_user(museum_editor).can_edit()
    assert not own_page.permissions_for_user(museum_editor).can_publish()
    assert not other_page.permissions_for_user(museum_editor).can_edit()
    assert not other_page.permissions_for_user(museum_editor).can_publish()


def test_editor_edits_own_translations(museum_editor, built_sites):
    english_page = Page.objects.get(slug="visit", locale__language_code="en")
    assert english_page.permissions_for_user(museum_editor).can_edit()


def test_editor_blocked_in_admin_for_other_site(client, museum_editor, built_sites):
    client.force_login(museum_editor)
    own_page = site_page(built_sites, "musees", "visiter")
    other_page = site_page(built_sites, "archives", "consulter")
    own = client.get(f"/admin/pages/{own_page.pk}/edit/", HTTP_HOST="musees.localhost")
    other = client.get(f"/admin/pages/{other_page.pk}/edit/", HTTP_HOST="musees.localhost")
    assert own.status_code == 200
    assert other.status_code in (302, 403)


def test_editor_settings_limited_to_own_site(museum_editor, built_sites):
    policy = SiteBranding.get_permission_policy()
    own = SiteBranding.for_site(built_sites["musees"].site)
    other = SiteBranding.for_site(built_sites["tourisme"].site)
    assert policy.user_has_permission_for_instance(museum_editor, "change", own)
    assert not policy.user_has_permission_for_instance(museum_editor, "change", other)


def test_editor_settings_view_refuses_other_site(client, museum_editor, built_sites):
    client.force_login(museum_editor)
    other_site = built_sites["tourisme"].site
    response = client.get(
        f"/admin/settings/core/sitebranding/{other_site.pk}/", HTTP_HOST="musees.localhost"
    )
    assert response.status_code in (302, 403)


def test_editor_images_limited_to_own_collection(museum_editor, built_sites):
    own_collection = Collection.objects.get(name="Musées de Compiègne")
    other_collection = Collection.objects.get(name="Office de tourisme de Compiègne")
    other_image = Image.objects.create(
        title="Affiche", file=get_test_image_file(), collection=other_collection
    )
    policy = policy_registry.get_by_type(Image)
    assert policy.user_has_permission_for_instance(
        museum_editor, "change", Image(collection=own_collection)
    )
    assert not policy.user_has_permission_for_instance(museum_editor, "change", other_image)
    choosable = policy.instances_user_has_permission_for(museum_editor, "choose")
    assert other_image not in choosable


def test_groups_have_no_password_or_superuser(built_sites):
    assert not get_user_model().objects.filter(is_superuser=True).exists()
