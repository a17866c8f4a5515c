"""Storage of ObjectRecords as CatalogueObjects, called once per record inside a transaction."""

import re

from django.utils.text import slugify

from sites.importing import CREATED, UNCHANGED, UPDATED, changed_fields

from ..models import CatalogueObject, Creator, Museum, ObjectCreator

SLUG_MAX_LENGTH = 150
TITLE_SLUG_LENGTH = 80


def store_object(record):
    """Create or update the object of ``record``; return CREATED, UPDATED or UNCHANGED.

    A record whose content hash equals the stored one is left untouched, so a second import of
    the same file writes nothing. The ``published`` flag belongs to editors and is never set here.
    """
    digest = record.content_hash()
    existing = CatalogueObject.objects.filter(
        source=record.source, source_identifier=record.source_identifier
    ).first()
    if existing is not None and existing.content_hash == digest:
        return UNCHANGED

    values = record.model_values()
    values["museum"] = resolve_museum(record.museum)
    values["content_hash"] = digest
    if existing is None:
        catalogue_object = CatalogueObject.objects.create(
            source=record.source,
            source_identifier=record.source_identifier,
            slug=unique_object_slug(record),
            **values,
        )
        set_creators(catalogue_object, record.creators)
        return CREATED

    changed_fields(existing, values)
    existing.save()
    set_creators(existing, record.creators)
    return UPDATED


def resolve_museum(reference):
    """Return the Museum a record names, creating it when no museum matches.

    Matching goes by Muséofile code, then other identifier, then name. A museum entered by hand
    without a code (the seeded municipal museums) gets the code of the first record naming it.
    Names and towns of existing museums are never overwritten: editors own them.
    """
    if reference.museofile_code:
        museum = Museum.objects.filter(museofile_code=reference.museofile_code).first()
        if museum is None and reference.name:
            museum = Museum.objects.filter(
                museofile_code__isnull=True, name__iexact=reference.name
            ).first()
            if museum is not None:
                museum.museofile_code = reference.museofile_code
                museum.save(update_fields=["museofile_code"])
    elif reference.external_identifier:
        museum = Museum.objects.filter(external_identifier=reference.external_identifier).first()
    else:
        museum = Museum.objects.filter(name__iexact=reference.name).first()
    if museum is not None:
        return museum

    name = reference.name or reference.museofile_code or reference.external_identifier
    return Museum.objects.create(
        name=name[:255],
        slug=unique_slug(Museum, slugify(name)[:100] or "musee"),
        museofile_code=reference.museofile_code or None,
        external_identifier=reference.external_identifier or None,
        town=reference.town[:120],
    )


def unique_object_slug(record):
    """Return a slug made of the title and the source identifier, stable across updates."""
    identifier = re.sub(r"[^0-9A-Za-z]+", "-", record.source_identifier).strip("-").lower()
    title = slugify(record.title)[:TITLE_SLUG_LENGTH].strip("-")
    base = f"{title}-{identifier}" if title else identifier
    return unique_slug(CatalogueObject, base[: SLUG_MAX_LENGTH - 10].strip("-") or "objet")


def unique_slug(model, base):
    slug = base
    suffix = 2
    while model.objects.filter(slug=slug).exists():
        slug = f"{base}-{suffix}"
        suffix += 1
    return slug


def set_creators(catalogue_object, credits):
    """Replace the object's creators by ``credits``, in their order."""
    catalogue_object.object_creators.all().delete()
    rows = []
    for position, credit in enumerate(credits):
        creator, _created = Creator.objects.get_or_create(name=credit.name)
        rows.append(
            ObjectCreator(
                catalogue_object=catalogue_object,
                creator=creator,
                role=credit.role,
                position=position,
            )
        )
    ObjectCreator.objects.bulk_create(rows)
