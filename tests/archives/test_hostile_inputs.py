"""Broken and hostile EAD files: each is rejected whole, naming the file, and nothing is stored.

Variants are either small documents written here or real shipped files altered in the test
(cut in half, re-encoded), as each test states.
"""

import http.server
import threading

import pytest
from django.test import override_settings

from archives.importers.ead import parse_file
from archives.models import Component, FindingAid
from sites.importing import SourceError

pytestmark = pytest.mark.django_db

EAD_TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
{doctype}
<ead>
<eadheader><eadid>TEST_IR_0001</eadid>
<filedesc><titlestmt><titleproper>{title}</titleproper></titlestmt></filedesc></eadheader>
<archdesc level="fonds"><did><unittitle>Fonds de test</unittitle></did>
<dsc>{components}</dsc></archdesc>
</ead>
"""


def write_ead(tmp_path, name="test.xml", doctype="", title="Inventaire de test", components=""):
    path = tmp_path / name
    text = EAD_TEMPLATE.format(doctype=doctype, title=title, components=components)
    path.write_text(text, encoding="utf-8")
    return path


class CountingHandler(http.server.BaseHTTPRequestHandler):
    requests = []

    def do_GET(self):  # noqa: N802 (name fixed by BaseHTTPRequestHandler)
        CountingHandler.requests.append(self.path)
        body = b'<!ENTITY leak "fetched">'
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def local_dtd_server():
    """An HTTP server on 127.0.0.1 that records every request sent to it."""
    CountingHandler.requests = []
    server = http.server.HTTPServer(("127.0.0.1", 0), CountingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", CountingHandler.requests
    server.shutdown()
    server.server_close()


def test_external_dtd_never_fetched(tmp_path, import_ead, local_dtd_server):
    base_url, requests = local_dtd_server
    path = write_ead(tmp_path, doctype=f'<!DOCTYPE ead SYSTEM "{base_url}/ead.dtd">')
    report, results = import_ead(path)
    assert results[0].error is None
    assert report.created == 1
    assert requests == []


def test_parameter_entity_rejected(tmp_path, import_ead, local_dtd_server):
    base_url, requests = local_dtd_server
    doctype = f'<!DOCTYPE ead [<!ENTITY % remote SYSTEM "{base_url}/evil.dtd"> %remote;]>'
    path = write_ead(tmp_path, doctype=doctype)
    _report, results = import_ead(path)
    assert "remote" in str(results[0].error)
    assert "test.xml" in str(results[0].error)
    assert requests == []
    assert FindingAid.objects.count() == 0


def test_xxe_file_rejected(tmp_path, import_ead):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    doctype = f'<!DOCTYPE ead [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    path = write_ead(tmp_path, name="xxe.xml", doctype=doctype, title="&xxe;")
    _report, results = import_ead(path)
    error = results[0].error
    assert isinstance(error, SourceError)
    assert "xxe.xml" in str(error)
    assert "xxe" in error.message
    assert FindingAid.objects.count() == 0
    assert not FindingAid.objects.filter(title__contains="TOP-SECRET").exists()


def test_billion_laughs_rejected(tmp_path):
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, 10)
    ]
    doctype = "<!DOCTYPE ead [" + "".join(entities) + "]>"
    path = write_ead(tmp_path, name="laughs.xml", doctype=doctype, title="&lol9;")
    with pytest.raises(SourceError) as raised:
        parse_file(path)
    # libxml2 stops at its entity amplification limit before the declarations are inspected.
    assert "laughs.xml" in str(raised.value)
    assert "entit" in raised.value.message


def test_undefined_entity_rejected(tmp_path):
    # Real files declare ead.dtd, which is never loaded, so its named entities stay unresolved.
    path = write_ead(
        tmp_path, doctype='<!DOCTYPE ead SYSTEM "ead.dtd">', title="Inventaire d&eacute;taill&eacute;"
    )
    with pytest.raises(SourceError) as raised:
        parse_file(path)
    assert "&eacute;" in raised.value.message
    assert " 5" in raised.value.message


def test_truncated_real_file_rejected(tmp_path, ead_dir, import_ead):
    # FRAN_IR_054335.xml cut after its first 60,000 bytes.
    raw = (ead_dir / "FRAN_IR_054335.xml").read_bytes()
    path = tmp_path / "FRAN_IR_054335.xml"
    path.write_bytes(raw[:60_000])
    _report, results = import_ead(path)
    error = results[0].error
    assert error.source == str(path)
    assert "XML" in error.message
    line = raw[:60_000].count(b"\n") + 1
    assert f"{line}" in error.message
    assert FindingAid.objects.count() == 0
    assert Component.objects.count() == 0


def test_wrong_encoding_rejected(tmp_path, ead_dir):
    # FRAN_IR_054848.xml re-encoded to Latin-1 while its declaration still reads UTF-8.
    text = (ead_dir / "FRAN_IR_054848.xml").read_text(encoding="utf-8")
    path = tmp_path / "latin1.xml"
    path.write_bytes(text.encode("latin-1", errors="replace"))
    first_bad_line = next(
        number for number, line in enumerate(text.splitlines(), 1) if not line.isascii()
    )
    with pytest.raises(SourceError) as raised:
        parse_file(path)
    assert "latin1.xml" in str(raised.value)
    assert "encod" in raised.value.message
    assert str(first_bad_line) in raised.value.message


@override_settings(IMPORT_MAX_FILE_BYTES=10_000)
def test_oversize_file_rejected(ead_dir, import_ead):
    _report, results = import_ead(ead_dir / "FRAN_IR_028491.xml")
    assert "10000" in results[0].error.message
    assert FindingAid.objects.count() == 0


def test_non_ead_root_rejected(tmp_path):
    path = tmp_path / "other.xml"
    path.write_text('<?xml version="1.0"?><eac-cpf><control/></eac-cpf>', encoding="utf-8")
    with pytest.raises(SourceError) as raised:
        parse_file(path)
    assert "<eac-cpf>" in raised.value.message


def test_duplicate_component_id_rejected(tmp_path):
    components = '<c id="same"><did><unittitle>A</unittitle></did></c>' * 2
    path = write_ead(tmp_path, components=components)
    with pytest.raises(SourceError) as raised:
        parse_file(path)
    assert "same" in raised.value.message


def test_missing_eadid_rejected(tmp_path):
    path = tmp_path / "noid.xml"
    path.write_text(
        "<ead><eadheader><filedesc/></eadheader><archdesc><did/></archdesc></ead>",
        encoding="utf-8",
    )
    with pytest.raises(SourceError) as raised:
        parse_file(path)
    assert "eadid" in raised.value.message


def test_bad_file_does_not_stop_others(tmp_path, ead_dir, import_ead):
    broken = tmp_path / "broken.xml"
    broken.write_bytes(b"<ead><eadheader>")
    report, results = import_ead(broken, ead_dir / "FRAN_IR_054848.xml")
    assert results[0].error is not None
    assert results[1].outcome == "created"
    assert report.created == 1
    assert list(FindingAid.objects.values_list("eadid", flat=True)) == ["FRAN_IR_054848"]


def test_javascript_links_dropped(tmp_path, import_ead):
    components = (
        '<c id="c1"><did><unittitle>Pièce</unittitle></did>'
        '<scopecontent><p>Voir <extref href="javascript:alert(1)">ici</extref>'
        " &lt;script&gt;alert(2)&lt;/script&gt;</p></scopecontent>"
        '<dao href="javascript:alert(3)"/></c>'
    )
    path = write_ead(tmp_path, components=components)
    import_ead(path)
    component = Component.objects.get(key="c1")
    assert component.scope_content == "<p>Voir ici &lt;script&gt;alert(2)&lt;/script&gt;</p>"
    assert component.digital_object_links() == []


def test_namespaced_ead_with_xlink(tmp_path, import_ead):
    # The namespaced flavour of EAD 2002 (FRAD030, FRAD034 style) with xlink attributes.
    path = tmp_path / "ns.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<ead xmlns="urn:isbn:1-931666-22-9" xmlns:xlink="http://www.w3.org/1999/xlink">'
        "<eadheader><eadid>NS_IR_1</eadid><filedesc><titlestmt><titleproper>Espace de noms"
        "</titleproper></titlestmt></filedesc></eadheader>"
        '<archdesc level="fonds"><did><unittitle>Fonds</unittitle></did><dsc>'
        '<c id="n1" level="file"><did><unitid>1 E 1</unitid><unittitle>Registre</unittitle>'
        '<unitdate normal="1700/1710">1700-1710</unitdate>'
        '<dao xlink:href="https://images.example.org/ark:/1/2" xlink:role="image"/>'
        '<dao xlink:href="https://images.example.org/ark:/1/2/vignette" xlink:role="thumbnail"/>'
        "</did></c></dsc></archdesc></ead>",
        encoding="utf-8",
    )
    report, _results = import_ead(path)
    assert report.created == 1
    component = Component.objects.get(key="n1")
    assert component.level == "file"
    assert (component.start_year, component.end_year) == (1700, 1710)
    assert [item["href"] for item in component.digital_objects] == [
        "https://images.example.org/ark:/1/2"
    ]


def test_missing_ids_get_stable_keys(tmp_path, import_ead):
    components = (
        "<c><did><unitid>1</unitid><unittitle>Sans id</unittitle></did></c>"
        "<c><did><unitid>1</unitid><unittitle>Sans id</unittitle></did></c>"
        '<c id="x"><did><unittitle>Avec id</unittitle></did></c>'
    )
    path = write_ead(tmp_path, components=components)
    first_keys = [component.key for component in parse_file(path).components]
    assert first_keys[0].startswith("d-")
    assert first_keys[1] == f"{first_keys[0]}-2"
    assert first_keys[2] == "x"
    assert [component.key for component in parse_file(path).components] == first_keys
