"""Check that an uploaded document's content matches its extension.

Each allowed extension has a check that reads the file itself: a PDF starts with "%PDF-", an
OpenDocument or EPUB file is a ZIP archive whose first entry, "mimetype", names the format, an
Office Open XML file is a ZIP archive with its main part, and CSV or plain text decodes as text.
A renamed executable or archive fails the check of the extension it was given.
"""

import zipfile

from charset_normalizer import from_bytes

# Bytes read from a text file to decide whether it is text.
TEXT_SAMPLE_BYTES = 256 * 1024

OPENDOCUMENT_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "epub": b"application/epub+zip",
}

OFFICE_OPEN_XML_MAIN_PARTS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
}


def _is_pdf(upload):
    upload.seek(0)
    return upload.read(5) == b"%PDF-"


def _has_zip_mimetype(upload, expected):
    """OpenDocument and EPUB: the archive's first entry is "mimetype" with the format's type."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if not entries or entries[0].filename != "mimetype" or entries[0].file_size > 100:
                return False
            return archive.read(entries[0]).strip() == expected
    except (zipfile.BadZipFile, OSError, EOFError, KeyError):
        return False


def _has_office_part(upload, main_part):
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, EOFError):
        return False
    return "[Content_Types].xml" in names and main_part in names


def _is_text(upload):
    """UTF-8 (with or without BOM) or another encoding that charset-normalizer recognises.

    NUL bytes never occur in text files but do in every executable, so they reject at once.
    """
    upload.seek(0)
    sample = upload.read(TEXT_SAMPLE_BYTES)
    if b"\x00" in sample:
        return False
    if not sample:
        return True
    try:
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError as error:
        # A sample cut inside a multi-byte character still counts as UTF-8.
        if error.start >= len(sample) - 3 and len(sample) == TEXT_SAMPLE_BYTES:
            return True
    return from_bytes(sample).best() is not None


def content_matches_extension(upload, extension):
    """Whether the file's content is of the type that its extension claims.

    Raises nothing: unreadable or malformed content returns False. An extension without a
    check here returns False, so that adding one to WAGTAILDOCS_EXTENSIONS requires adding
    its check too.
    """
    extension = extension.lower()
    try:
        if extension == "pdf":
            return _is_pdf(upload)
        if extension in OPENDOCUMENT_MIMETYPES:
            return _has_zip_mimetype(upload, OPENDOCUMENT_MIMETYPES[extension])
        if extension in OFFICE_OPEN_XML_MAIN_PARTS:
            return _has_office_part(upload, OFFICE_OPEN_XML_MAIN_PARTS[extension])
        if extension in ("csv", "txt"):
            return _is_text(upload)
        return False
    finally:
        upload.seek(0)
