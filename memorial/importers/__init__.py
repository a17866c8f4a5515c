"""Importers of the memorial's three CSV files: convoys, key figures and public figures.

Each importer reads the whole file first (``SourceError`` on a broken file, nothing changed),
then applies each row in its own transaction through ``sites.importing.apply_records``.
"""

from .convoys import import_convoys
from .csv_source import detect_mapping
from .key_figures import import_key_figures
from .mappings import CONVOYS, KEY_FIGURES, MAPPINGS, PUBLIC_FIGURES
from .public_figures import import_public_figures

IMPORTERS = {
    CONVOYS.kind: import_convoys,
    KEY_FIGURES.kind: import_key_figures,
    PUBLIC_FIGURES.kind: import_public_figures,
}

# Convoys come first so that public figures can be linked to them.
IMPORT_ORDER = [CONVOYS.kind, PUBLIC_FIGURES.kind, KEY_FIGURES.kind]


def import_file(kind, path, report=None, progress=None, mapping=None, max_bytes=None):
    """Import one file of ``kind`` ("convoys", "key-figures" or "public-figures")."""
    return IMPORTERS[kind](
        path,
        report=report,
        progress=progress,
        mapping=mapping or MAPPINGS[kind],
        max_bytes=max_bytes,
    )


def detect_kind(path, max_bytes=None):
    """Return the kind of a memorial CSV file from its header, or raise SourceError."""
    return detect_mapping(path, list(MAPPINGS.values()), max_bytes).kind


__all__ = [
    "IMPORTERS",
    "IMPORT_ORDER",
    "detect_kind",
    "import_convoys",
    "import_file",
    "import_key_figures",
    "import_public_figures",
]
