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


def test_unknown_host_never_falls_back(client, platform_sites):
    response = client.get("/visiter/", HTTP_HOST="inconnu.localhost")
    assert response.status_code == 404
    assert "Visiter les musées" not in response.content.decode()


def test_page_not_reachable_from_other_host(client, built_sites):
    assert client.get("/visiter/", HTTP_HOST="musees.localhost").status_code == 200
    for host in ("memorial.localhost", "archives.localhost", "tourisme.localhost"):
        response = client.get("/visiter/", HTTP_HOST=host)
        assert response.status_code == 404, host
        assert "Visiter les musées" not in response.content.decode()


def test_same_slug_serves_each_site_own_page(client, built_sites):
    musees = client.get("/mentions-legales/", HTTP_HOST="musees.localhost").content.decode()
    archives = client.get("/mentions-legales/", HTTP_HOST="archives.localhost").content.decode()
    assert "Ville de Compiègne, direction des musées" in musees
    assert "Archives intercommunales" in archives
    assert "Archives intercommunales" not in musees


def test_shop_only_on_museums_host(client, platform_sites):
    for host in ("memorial.localhost", "archives.localhost", "tourisme.localhost"):
        assert client.get("/boutique/", HTTP_HOST=host).status_code == 404, host


def test_not_found_page_has_site_branding(client, built_sites):
    response = client.get("/nexiste-pas/", HTTP_HOST="memorial.localhost")
    body = response.content.decode()
    assert response.status_code == 404
    assert "Page non trouvée" in body
    assert "Camp de Royallieu, Compiègne" in body
    assert "Musées de Compiègne" not in body


def test_server_error_page_renders_without_database(rf, platform_sites, django_assert_num_queries):
    from sites.views import server_error

    request = rf.get("/", HTTP_HOST="musees.localhost")
    with django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    assert "Erreur du serveur" in response.content.decode()


def test_main_menu_lists_sections(client, built_sites):
    body = client.get("/", HTTP_HOST="musees.localhost").content.decode()
    menu = body[body.index('<nav class="main-menu"') : body.index("</nav>", body.index('<nav class="main-menu"'))]
    assert "Visiter les musées</button>" in menu
    assert 'href="/visiter/musee-antoine-vivenel/">Musée Antoine Vivenel</a>' in menu
    assert "Informations pratiques" in menu


def test_main_menu_in_visitor_language(client, built_sites):
    body = client.get("/en/", HTTP_HOST="musees.localhost").content.decode()
    menu = body[body.index('<nav class="main-menu"') : body.index("</nav>", body.index('<nav class="main-menu"'))]
    assert "Visit the museums</button>" in menu
    assert 'href="/en/visit/musee-antoine-vivenel/">Antoine Vivenel Museum</a>' in menu
