import pytest

pytestmark = pytest.mark.django_db


def test_each_site_serves_own_home(client, platform_sites, hosts):
    expected_titles = {
        "musees": "Musées de Compiègne",
        "memorial": "Mémorial de l&#x27;internement et de la déportation",
        "archives": "Archives de l&#x27;agglomération",
        "tourisme": "Office de tourisme de Compiègne",
    }
    for key, host in hosts.items():
        response = client.get("/", HTTP_HOST=host)
        assert response.status_code == 200, key
        assert f"<h1>{expected_titles[key]}</h1>" in response.content.decode(), key


def test_unknown_host_gets_clear_page(client, platform_sites):
    response = client.get("/", HTTP_HOST="inconnu.localhost")
    body = response.content.decode()
    assert response.status_code == 404
    assert "Site inconnu" in body
    assert "Musées de Compiègne" not in body
