"""Seed the three municipal museums of Compiègne and the museums of the shipped records.

Imports create any other museum a record names. The municipal museums have no Muséofile code
here: the first Joconde record naming one of them by name gives it its code.
"""

from django.db import migrations

# TODO: confirm the Muséofile codes of the municipal museums against POP; a data dictionary
# gives M0803 for the musée Antoine Vivenel, unverified, so it is not set here.
MUSEUMS = [
    {"slug": "musee-antoine-vivenel", "name": "Musée Antoine Vivenel", "town": "Compiègne"},
    {
        "slug": "musee-de-la-figurine-historique",
        "name": "Musée de la Figurine historique",
        "town": "Compiègne",
    },
    {
        "slug": "musee-du-cloitre-saint-corneille",
        "name": "Musée du cloître Saint-Corneille",
        "town": "Compiègne",
    },
    {
        "slug": "chateau-de-compiegne",
        "name": "Musée national du château de Compiègne",
        "town": "Compiègne",
        "museofile_code": "M5009",
    },
    {
        "slug": "musee-du-louvre",
        "name": "Musée du Louvre",
        "town": "Paris",
        "museofile_code": "M5031",
    },
    {"slug": "musee-rolin", "name": "Musée Rolin", "town": "Autun", "museofile_code": "M0017"},
]


def seed_museums(apps, schema_editor):
    Museum = apps.get_model("museums", "Museum")
    for museum in MUSEUMS:
        Museum.objects.get_or_create(slug=museum["slug"], defaults=museum)


class Migration(migrations.Migration):
    dependencies = [("museums", "0001_catalogue")]

    operations = [migrations.RunPython(seed_museums, migrations.RunPython.noop)]
