"""Default column mappings of the three memorial CSV files.

Each maps a field of the importer to the column of the shipped file. A file with other column
names is imported with the ``--mapping`` option of ``import_memorial``, without a code change.
"""

from .csv_source import ColumnMapping

CONVOYS = ColumnMapping(
    kind="convoys",
    key_field="convoy_id",
    columns={
        "convoy_id": "convoy_id",
        "departure_date": "depart_date",
        "departure_place": "depart_place",
        "destination": "destination",
        "arrival_date": "arrival_date",
        "deported_count": "deported_count",
        "count_basis": "count_basis",
        "prisoner_numbers": "prisoner_numbers",
        "reference_name": "reference_name",
        "fmd_transport_code": "fmd_transport_code",
        "returned_count": "returned_count",
        "notes": "notes",
        "sources": ("source_url", "source_url_2"),
    },
    optional_columns=frozenset({"source_url_2"}),
)

KEY_FIGURES = ColumnMapping(
    kind="key-figures",
    key_field="metric",
    columns={
        "metric": "metric",
        "value": "value",
        "scope": "scope_or_caveat",
        "source_url": "source_url",
    },
)

PUBLIC_FIGURES = ColumnMapping(
    kind="public-figures",
    key_field="name",
    columns={
        "name": "person_name",
        "life_dates": "life_dates",
        "public_role": "public_role",
        "royallieu_context": "royallieu_context",
        "convoy_key": "convoy_id",
        "outcome": "destinations_or_outcome",
        "sources": ("source_url", "source_url_2"),
    },
    optional_columns=frozenset({"source_url_2"}),
)

MAPPINGS = {mapping.kind: mapping for mapping in (CONVOYS, KEY_FIGURES, PUBLIC_FIGURES)}
