import pytest
pytestmark = pytest.mark.django_db

def test_probe(client, platform_sites):
    r = client.get("/boutique/", HTTP_HOST="musees.localhost")
    print(r.status_code, r.get("Location"))
    r = client.get("/boutique/catalogue/", HTTP_HOST="musees.localhost")
    print(r.status_code)
    print(r.content.decode()[:3000])
