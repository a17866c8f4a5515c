"""Mappings of the known sources: which source field feeds which catalogue field.

To read a new export whose columns or codes differ, add a RecordMapping here (or derive one with
``dataclasses.replace``) rather than a new importer.
"""

from dataclasses import replace

from django.utils.translation import gettext_lazy as _

from .mapping import (
    Const,
    First,
    JocondeCreators,
    Join,
    Labelled,
    MuseumFields,
    RecordMapping,
    StructuredCreators,
    credit_with_condition,
    part,
    sentence_case_capitals,
    strip_count,
    strip_trailing_de,
)

POP_NOTICE_URL = "https://pop.culture.gouv.fr/notice/joconde/{identifier}"

# The Ministry of Culture publishes the text of Joconde records under the Licence Ouverte.
# Photographs are not covered: their rights are in COPY and PHOT.
JOCONDE_LICENCE = "Licence Ouverte / Etalab"
JOCONDE_LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"

# POP's data dictionary: "REF … doit être supérieure ou égale à 11 caractères".
JOCONDE_REFERENCE_PATTERN = r"[0-9A-Za-z]{11,}"
JOCONDE_REFERENCE_RULE = _(
    "invalid reference %(value)r: a Joconde reference has at least 11 letters or digits"
)


def is_pop_content_field(key):
    """Skip MongoDB's internal keys of POP documents, which carry no information on the object."""
    return key not in {"_id", "__v"}


# Field codes, shared by field-code text, Actimuse exports and POP JSON notices.
JOCONDE_MAPPING = RecordMapping(
    label=_("Joconde"),
    source="joconde",
    identifier="REF",
    identifier_pattern=JOCONDE_REFERENCE_PATTERN,
    identifier_rule=JOCONDE_REFERENCE_RULE,
    fields={
        # Archaeological records often have no title: the denomination stands for it.
        "title": First(
            ("TITR", sentence_case_capitals),
            ("APPL", sentence_case_capitals),
            ("DENO", strip_count),
        ),
        "object_type": First(("DENO", strip_count)),
        "date_text": Join(("PERI", "MILL", "EPOQ")),
        "technique": First("TECH"),
        "dimensions": First("DIMS"),
        "inventory_number": First("INV"),
        "subject": First("REPR"),
        "description": First("DESC"),
        "copyright_notice": First("COPY"),
        "image_credit": First(("PHOT", credit_with_condition)),
        "record_licence": Const(JOCONDE_LICENCE),
        "record_licence_url": Const(JOCONDE_LICENCE_URL),
    },
    creators=JocondeCreators("AUTR"),
    # LOCA reads "Town ; museum"; NOMOFF and VILLE_M are POP's official name and town.
    museum=MuseumFields(
        museofile_code=First("MUSEO"),
        name=First("NOMOFF", ("LOCA", part(1))),
        town=First("VILLE_M", ("LOCA", part(0))),
    ),
    required=("INV", "MUSEO"),
    url_fields=("WWW", "LVID"),
    missing=First("MANQUANT"),
    missing_note=Join(("MANQUANT", "MANQUANT_COM"), separator=" — "),
    source_url=POP_NOTICE_URL,
    keep_raw_fields=is_pop_content_field,
)

# Actimuse leaves its qualifier "de" after years ("MILL 1903 de", "MILU 20/04/1903 de").
ACTIMUSE_MAPPING = replace(
    JOCONDE_MAPPING,
    label=_("Actimuse export"),
    fields={
        **JOCONDE_MAPPING.fields,
        "date_text": Join(("PERI", ("MILL", strip_trailing_de), "EPOQ")),
    },
)


def semicolon_list(value):
    """Space the ";" of derived CSV cells ("a;b") like Joconde lists ("a ; b")."""
    return " ; ".join(item.strip() for item in value.split(";") if item.strip())


# The Compiègne Joconde × Wikidata table: its authors renamed and cleaned the columns, wrote
# "Non renseigné" for unknown values and split the dimensions into two columns in centimetres.
# It has no inventory number and no denomination ("genre" is the genre of the painting, not
# the object type), so these stay empty.
MASHUP_CSV_MAPPING = RecordMapping(
    label=_("Joconde × Wikidata table"),
    source="joconde",
    identifier="Référence",
    identifier_pattern=JOCONDE_REFERENCE_PATTERN,
    identifier_rule=JOCONDE_REFERENCE_RULE,
    fields={
        "title": First("titre"),
        "date_text": First("anneecreation"),
        "technique": Join(("techniques", "support"), separator=", "),
        "dimensions": Labelled((("H. ", "hauteur"), ("l. ", "largeur"))),
        "subject": First(("Sujet_représenté", semicolon_list)),
        "record_licence": Const(
            "CC BY — M. Liteau, C. Jahan, J. Janes (École nationale des chartes, 2021), "
            "d'après Joconde (Licence Ouverte) et Wikidata (CC0)"
        ),
    },
    creators=JocondeCreators("Auteurs"),
    museum=MuseumFields(
        museofile_code=First("Identifiant_Museofile"),
        name=First("Nom_officiel_musée"),
        town=First("Ville"),
    ),
    required=("Identifiant_Museofile",),
    empty_values=frozenset({"Non renseigné"}),
    source_url=POP_NOTICE_URL,
)


# LIDO records, once read by ``museums.importers.lido`` into one value per catalogue field.
LIDO_MAPPING = RecordMapping(
    label=_("LIDO"),
    source="lido",
    identifier="lidoRecID",
    fields={
        "title": First("title", "objectWorkType"),
        "object_type": First("objectWorkType"),
        "date_text": First("productionDate"),
        "technique": First("materialsTech"),
        "dimensions": First("measurements"),
        "inventory_number": First("workID"),
        "subject": First("subject"),
        "description": First("description"),
        "record_licence": First("recordRights"),
        "record_licence_url": First("recordRightsURL"),
        "copyright_notice": First("rightsWork"),
        "image_credit": First("resourceCredit"),
        "source_url": First("recordInfoLink"),
    },
    creators=StructuredCreators("creators"),
    museum=MuseumFields(
        external_identifier=First("repositoryID"),
        name=First("repositoryName"),
        town=First("repositoryPlace"),
    ),
)
