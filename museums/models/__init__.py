from .catalogue import CatalogueObject, CatalogueObjectQuerySet, Creator, Museum, ObjectCreator
from .pages import CatalogueFilterForm, CatalogueIndexPage

__all__ = [
    "CatalogueFilterForm",
    "CatalogueIndexPage",
    "CatalogueObject",
    "CatalogueObjectQuerySet",
    "Creator",
    "Museum",
    "ObjectCreator",
]
