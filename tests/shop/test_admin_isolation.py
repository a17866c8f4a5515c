import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


def test_admin_has_no_shop_search_form(client, platform_sites):
    admin = get_user_model().objects.create_superuser(
        username="admin", email="admin@example.org", password="not-used-in-this-test"
    )
    client.force_login(admin)
    response = client.get("/admin/import_runs/", HTTP_HOST="musees.localhost")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'name="sort_by"' not in body
