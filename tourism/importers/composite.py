"""Splitting of the composite strings of flat Tourinsoft syndications.

A flat syndication packs repeated data into one string: occurrences are separated by ``#`` and
the sub-fields of an occurrence by ``|`` (some syndications double them: ``##`` and ``||``).
For example ``MoyenDeCom`` is ``Téléphone filaire|02 37 53 43 60#Mél|x@example.org``.
"""

import re
from dataclasses import dataclass

POSTAL_CODE = re.compile(r"^\d{5}$")


@dataclass(frozen=True)
class Separators:
    occurrence: str = "#"
    subfield: str = "|"
    # Between days inside one sub-field: "Dimanche$Mardi soir$Mercredi" or "Lundi-Dimanche".
    days: str = "$"


def split_occurrences(text, separators, min_subfields=1):
    """Split ``text`` into occurrences, each a list of stripped sub-fields.

    A value may itself contain the occurrence separator (an Instagram handle such as
    ``#chateaudesenonches``). When ``min_subfields`` is above 1, a piece with fewer sub-fields
    than that cannot be an occurrence, so it is joined back to the previous one with the
    separator it was split on. Empty occurrences (a leading ``#``) are dropped.
    """
    if not text:
        return []
    pieces = text.split(separators.occurrence)
    occurrences = []
    for piece in pieces:
        if not piece.strip():
            continue
        subfield_count = piece.count(separators.subfield) + 1
        if occurrences and min_subfields > 1 and subfield_count < min_subfields:
            occurrences[-1] += separators.occurrence + piece
        else:
            occurrences.append(piece)
    result = []
    for occurrence in occurrences:
        subfields = [part.strip() for part in occurrence.split(separators.subfield)]
        if any(subfields):
            result.append(subfields)
    return result


def split_list(text, separators):
    """Split a multi-valued list such as ``#Qualité Tourisme#Logis`` into its non-empty values."""
    if not text:
        return []
    return [value.strip() for value in text.split(separators.occurrence) if value.strip()]


def split_days(text, separators):
    """Split a days sub-field (``Dimanche$Mardi soir``) into labels as written in the feed."""
    if not text:
        return []
    return [day.strip() for day in text.split(separators.days) if day.strip()]


def parse_full_address(text, separators):
    """Return (street, postal_code, town) from ``AdresseComplete``.

    The usual layout is ``street|line 2|line 3|postal code|TOWN|INSEE code``, but some feeds
    add a seventh sub-field, so positions are not trusted. The postal code is the first
    five-digit sub-field after the first one. The street lines are the non-empty sub-fields
    before it, and the town is the next non-empty sub-field after it.
    """
    parts = [part.strip() for part in (text or "").split(separators.subfield)]
    postal_index = next(
        (index for index, part in enumerate(parts) if index > 0 and POSTAL_CODE.match(part)),
        None,
    )
    if postal_index is None:
        # No recognisable postal code: fall back on the usual positions.
        parts += [""] * (5 - len(parts))
        return ", ".join(part for part in parts[:3] if part), parts[3], parts[4]
    street = ", ".join(part for part in parts[:postal_index] if part)
    town = next((part for part in parts[postal_index + 1 :] if part), "")
    return street, parts[postal_index], town
