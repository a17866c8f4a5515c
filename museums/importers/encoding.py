"""Decoding of text files that do not declare their encoding (Joconde exports)."""

import re

from django.utils.translation import gettext as _

from sites.importing import SourceError

UTF8_BOM = b"\xef\xbb\xbf"

# Control characters never found in a record. ISO-8859-1 decodes every byte, so the C1 range
# (0x80-0x9f) is what tells a file that is neither UTF-8 nor ISO-8859-1 text: in real
# ISO-8859-1 text those bytes do not occur, while Windows-1252 or binary data use them.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def decode_undeclared_text(raw, source):
    """Return (text, encoding) of ``raw``, read as UTF-8 when valid, else as ISO-8859-1.

    Raises SourceError naming the first offending byte when the bytes are neither.
    """
    if raw.startswith(UTF8_BOM):
        raw = raw[len(UTF8_BOM) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        text = raw.decode("iso-8859-1")
        encoding = "iso-8859-1"
        utf8_offset = utf8_error.start
    else:
        encoding = "utf-8"
        utf8_offset = None

    control = CONTROL_CHARACTERS.search(text)
    if control is None:
        return text, encoding
    if utf8_offset is None:
        raise SourceError(
            source,
            _("the file contains the control character %(code)s at character %(offset)d")
            % {"code": f"U+{ord(control.group()):04X}", "offset": control.start()},
        )
    raise SourceError(
        source,
        _(
            "the file is neither UTF-8 (invalid byte at offset %(utf8_offset)d) nor ISO-8859-1 "
            "text (byte 0x%(byte)02X at offset %(latin1_offset)d is a control code); convert "
            "it to UTF-8 and import it again"
        )
        % {
            "utf8_offset": utf8_offset,
            "byte": ord(control.group()),
            "latin1_offset": control.start(),
        },
    )
