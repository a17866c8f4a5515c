"""Uploaded images and documents are checked by content, not by name."""

import io
import struct
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.forms import get_document_form
from wagtail.documents.models import Document
from wagtail.images.forms import get_image_form
from wagtail.images.models import Image
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

MUSEES = "musees.localhost"

# Start of a Windows executable: the "MZ" header and the DOS stub's message, with NUL padding.
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + (
    b"\x00" * 48 + b"This program cannot be run in DOS mode.\r\r\n$" + b"\x00" * 200
)


def png_header(width, height):
    """Return a PNG made of a valid IHDR chunk claiming the size, an empty IDAT and IEND."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


def zip_bytes(entries, mimetype=None):
    """Return a ZIP archive; mimetype, when given, is stored uncompressed as the first entry."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if mimetype is not None:
            archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        for name, content in entries.items():
            archive.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


OOXML_TYPES = "<?xml version='1.0'?><Types/>"

VALID_DOCUMENTS = {
    "rapport.pdf": b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n",
    "programme.odt": zip_bytes(
        {"content.xml": "<office:document-content/>"},
        mimetype="application/vnd.oasis.opendocument.text",
    ),
    "budget.ods": zip_bytes(
        {"content.xml": "<office:document-content/>"},
        mimetype="application/vnd.oasis.opendocument.spreadsheet",
    ),
    "lettre.docx": zip_bytes(
        {"[Content_Types].xml": OOXML_TYPES, "word/document.xml": "<w:document/>"}
    ),
    "tarifs.xlsx": zip_bytes({"[Content_Types].xml": OOXML_TYPES, "xl/workbook.xml": "<workbook/>"}),
    "livret.epub": zip_bytes({"META-INF/container.xml": "<container/>"}, "application/epub+zip"),
    "convois.csv": "numéro;date;déportés\n1;27/03/1942;1112\n".encode(),
    "ancien.csv": "numéro;lieu\n1;Compiègne\n".encode("cp1252"),
    "lisez-moi.txt": "Archives de l’agglomération de Compiègne\n".encode(),
}

REJECTED_DOCUMENTS = {
    "programme.pdf": EXECUTABLE,
    "notes.txt": EXECUTABLE,
    "donnees.csv": EXECUTABLE,
    "lettre.docx": EXECUTABLE,
    "archive.docx": zip_bytes({"payload.exe": EXECUTABLE}),
    "tableur.odt": zip_bytes(
        {"content.xml": "<x/>"}, mimetype="application/vnd.oasis.opendocument.spreadsheet"
    ),
    "livre.epub": zip_bytes({"content.opf": "<x/>"}),
    "faux.xlsx": b"PK\x03\x04 truncated",
}


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "x" * 16)


def document_form(user, name, content):
    form_class = get_document_form(Document)
    return form_class(
        data={"title": name, "collection": Collection.get_first_root_node().pk},
        files={"file": SimpleUploadedFile(name, content)},
        user=user,
    )


@pytest.mark.parametrize("name", sorted(VALID_DOCUMENTS))
def test_document_with_matching_content_accepted(superuser, name):
    form = document_form(superuser, name, VALID_DOCUMENTS[name])
    assert form.is_valid(), f"{name}: {form.errors.as_text()}"


@pytest.mark.parametrize("name", sorted(REJECTED_DOCUMENTS))
def test_document_with_other_content_rejected(superuser, name):
    form = document_form(superuser, name, REJECTED_DOCUMENTS[name])
    assert not form.is_valid(), name
    assert name in " ".join(form.errors["file"]), form.errors.as_text()


def test_document_extension_outside_allow_list_rejected(superuser):
    form = document_form(superuser, "outil.exe", EXECUTABLE)
    assert not form.is_valid()
    assert "file" in form.errors


def test_admin_upload_names_renamed_executable(client, superuser, platform_sites):
    client.force_login(superuser)
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Programme",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile("programme-2026.pdf", EXECUTABLE),
        },
        HTTP_HOST=MUSEES,
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "programme-2026.pdf" in body
    assert "n’est pas un fichier PDF valide" in body
    assert not Document.objects.filter(title="Programme").exists()


def test_admin_multiple_upload_rejects_renamed_executable(client, superuser, platform_sites):
    client.force_login(superuser)
    response = client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("inventaire.odt", EXECUTABLE)},
        HTTP_HOST=MUSEES,
    )
    payload = response.json()
    assert payload["success"] is False
    assert "inventaire.odt" in payload["error_message"]
    assert not Document.objects.exists()


def test_decompression_bomb_image_rejected(superuser, settings):
    bomb = png_header(50_000, 50_000)
    assert len(bomb) < 100
    form_class = get_image_form(Image)
    form = form_class(
        data={"title": "Bombe", "collection": Collection.get_first_root_node().pk},
        files={"file": SimpleUploadedFile("affiche.png", bomb)},
        user=superuser,
    )

    assert not form.is_valid()
    message = " ".join(form.errors["file"])
    assert "pixels" in message
    assert "Ce fichier a un trop grand nombre de pixels" in message, message


def test_image_within_pixel_limit_accepted(superuser):
    from wagtail.images.tests.utils import get_test_image_file

    form_class = get_image_form(Image)
    image = SimpleUploadedFile("affiche.png", get_test_image_file().file.getvalue())
    form = form_class(
        data={"title": "Affiche", "collection": Collection.get_first_root_node().pk},
        files={"file": image},
        user=superuser,
    )
    assert form.is_valid(), form.errors.as_text()
