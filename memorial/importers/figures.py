"""Extraction of the figures stated in words in the convoy table's ``count_basis`` and ``notes``.

The table gives one integer per count column; the other figures of the sources are written in
French in two cells, for example::

    count_basis: témoignages de rescapés (1170 immatriculés; 1155 recensés par la FMD)
    notes:       Survivants: 19 selon resistance60, 23 selon Klarsfeld cité par lestemoins.fr.

A statement is read only when its form is explicit:

* In ``count_basis``, each ``;``-separated item between the brackets that starts with a number
  (``1170 immatriculés``, ``environ 1000 selon témoignages``, ``plus 326 … recensées à part``).
  An item that only repeats the column's number without a source (``liste de départ (1000
  hommes)``) stays part of the basis.
* In ``notes``, a clause (sentences split at ``;`` and ``,``) that starts with a number and
  names its source with ``selon`` (``536 selon Christian Bernadac``), or that reports a source
  (``Wikipédia indique 1446 hommes``, ``27avril44.org parle d'un dernier convoi de 300
  détenus``). Unattributed numbers in notes (``environ 1000 otages communistes``) describe the
  convoy's make-up rather than a competing count, and are not read.

What a figure counts comes from the noun after the number (``morts`` → deaths, ``rentrés`` →
returned…), from a leading label (``Survivants: …``) or, for a clause with no noun, from the
previous clause of the same sentence. A clause whose kind cannot be determined is left out. The
notes are always shown in full on the convoy's page, so nothing is lost.
"""

import re
import unicodedata
from dataclasses import dataclass

from memorial.models import ConvoyFigure

Kind = ConvoyFigure.Kind
Precision = ConvoyFigure.Precision
Scope = ConvoyFigure.Scope
Origin = ConvoyFigure.Origin

# An integer, with or without French thousands separators ("1 175", "1175").
NUMBER = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+"

LEADING_NUMBER = re.compile(
    rf"^(?:(?P<scope>dont|plus)\s+(?!de\b))?(?:(?P<precision>environ|au moins)\s+)?"
    rf"(?P<value>{NUMBER})(?:\s+(?P<words>.+))?$",
    re.IGNORECASE,
)
REPORTED_NUMBER = re.compile(
    rf"^(?P<attribution>.+?)\s+(?:indique|mentionne|donne|compte|cite)\s+"
    rf"(?:(?P<precision>environ|au moins)\s+)?(?P<value>{NUMBER})\s+(?P<words>\S+)",
    re.IGNORECASE,
)
REPORTED_SUBJECT_NUMBER = re.compile(
    rf"^(?P<attribution>\S+)\s+parle\s+d['’]une?\s+[^\d]*?\bde\s+"
    rf"(?:(?P<precision>environ|au moins)\s+)?(?P<value>{NUMBER})\s+(?P<words>\S+)",
    re.IGNORECASE,
)
SELON = re.compile(r"\s+selon\s+", re.IGNORECASE)
BRACKETED = re.compile(r"^(?P<basis>[^()]*?)\s*\((?P<inner>[^()]*)\)\s*$")
LABEL = re.compile(r"^(?P<label>[^:;,]+?)\s*:\s*(?P<rest>.+)$")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")

PRECISIONS = {"environ": Precision.APPROXIMATE, "au moins": Precision.AT_LEAST}
SCOPES = {"dont": Scope.INCLUDED, "plus": Scope.ADDITIONAL}

# Nouns that tell what a number counts, without accents, singular or plural.
KIND_NOUNS = [
    (Kind.RETURNED, re.compile(r"^(survivant|rescape|rentre|revenu)e?s?$")),
    (Kind.DIED, re.compile(r"^(mort|deces|decede)e?s?$")),
    (Kind.ESCAPED, re.compile(r"^(evasion|evade)e?s?$")),
    (
        Kind.DEPORTED,
        re.compile(
            r"^(deporte|homme|femme|detenu|personne|partant|immatricule|recense|estime|otage"
            r"|prisonnier|interne)e?s?$"
        ),
    ),
]
MONTHS = {
    "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
    "octobre", "novembre", "decembre",
}
# Attributions that point back at the row's own source rather than naming another one.
SAME_SOURCE = {"la source", "cette source", "la meme source"}


@dataclass(frozen=True)
class FigureStatement:
    """A figure read from the table, before it is stored as a ConvoyFigure."""

    kind: str
    value: int
    precision: str = Precision.EXACT
    scope: str = Scope.WHOLE
    basis: str = ""
    attribution: str = ""
    origin: str = Origin.COLUMN
    note: str = ""
    same_source: bool = False


def plain(text):
    """Return ``text`` in lower case without accents or surrounding punctuation."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return stripped.strip(" «»\"'’.,;:()")


def first_word(words):
    """Return the first word of ``words`` in plain form, skipping opening quotes."""
    tokens = (words or "").lstrip(" «\"'’(").split()
    return plain(tokens[0]) if tokens else ""


def kind_of_noun(words):
    """Return the kind counted by the first word of ``words``, or None."""
    word = first_word(words)
    for kind, pattern in KIND_NOUNS:
        if pattern.match(word):
            return kind
    return None


def parse_number(text):
    return int(re.sub(r"\D", "", text))


def _looks_like_count(words):
    """Return whether the words after a number describe a count ("1170 immatriculés") rather
    than a date or a rate ("22 août", "89 %")."""
    if not words:
        return True
    word = first_word(words)
    return bool(word) and word not in MONTHS and words[0] not in "%‰"


def _split_attribution(clause):
    parts = SELON.split(clause, maxsplit=1)
    if len(parts) == 2:
        return parts[0].strip(), parts[1].strip().rstrip(".")
    return clause.strip(), ""


def _statement(kind, match, words, attribution, origin, note, scope=None):
    same_source = plain(attribution) in SAME_SOURCE
    return FigureStatement(
        kind=kind,
        value=parse_number(match["value"]),
        precision=PRECISIONS.get((match["precision"] or "").lower(), Precision.EXACT),
        scope=scope or Scope.WHOLE,
        basis=(words or "").strip().rstrip("."),
        attribution="" if same_source else attribution,
        origin=origin,
        note=note.strip().rstrip("."),
        same_source=same_source,
    )


def parse_count_basis(text, column_value):
    """Split a ``count_basis`` cell into the basis of the column's figure and other figures.

    Returns ``(basis, statements)``. The bracketed part is dropped from the basis only when
    every item in it became a figure.
    """
    text = (text or "").strip()
    match = BRACKETED.match(text)
    if match is None:
        return text, []

    statements = []
    kept_items = []
    for item in match["inner"].split(";"):
        item = item.strip()
        head, attribution = _split_attribution(item)
        number = LEADING_NUMBER.match(head)
        if number is None or not _looks_like_count(number["words"]):
            kept_items.append(item)
            continue
        statement = _statement(
            kind_of_noun(number["words"]) or Kind.DEPORTED,
            number,
            number["words"],
            attribution,
            Origin.COUNT_BASIS,
            item,
            scope=SCOPES.get((number["scope"] or "").lower()),
        )
        repeats_column = (
            statement.value == column_value
            and not attribution
            and statement.scope == Scope.WHOLE
        )
        if repeats_column:
            kept_items.append(item)
        else:
            statements.append(statement)

    basis = text if kept_items else match["basis"].strip()
    return basis, statements


def parse_notes(text):
    """Return the attributed figures stated in a ``notes`` cell, in reading order."""
    statements = []
    for sentence in SENTENCE_END.split((text or "").strip()):
        statements.extend(_parse_sentence(sentence))
    return statements


def _parse_sentence(sentence):
    label_kind = None
    label_basis = ""
    label = LABEL.match(sentence)
    if label is not None:
        label_kind = kind_of_noun(label["label"])
        if label_kind is not None:
            label_basis = label["label"].strip()
        sentence = label["rest"]

    statements = []
    previous_kind, previous_basis = label_kind, label_basis
    for clause in re.split(r"[;,]", sentence):
        clause = clause.strip()
        if not clause:
            continue
        statement = _parse_clause(clause, previous_kind, previous_basis)
        if statement is not None:
            statements.append(statement)
            previous_kind, previous_basis = statement.kind, statement.basis
    return statements


def _parse_clause(clause, inherited_kind, inherited_basis):
    head, attribution = _split_attribution(clause)
    number = LEADING_NUMBER.match(head)
    if number is not None and attribution and _looks_like_count(number["words"]):
        scope = SCOPES.get((number["scope"] or "").lower())
        words = number["words"]
        kind = kind_of_noun(words)
        if kind is None and words is None:
            kind, words = inherited_kind, inherited_basis
        if kind is None and scope is not None:
            kind = Kind.DEPORTED
        if kind is None:
            return None
        return _statement(kind, number, words, attribution, Origin.NOTES, clause, scope=scope)

    for pattern in (REPORTED_NUMBER, REPORTED_SUBJECT_NUMBER):
        reported = pattern.match(clause)
        if reported is None or not _looks_like_count(reported["words"]):
            continue
        kind = kind_of_noun(reported["words"])
        if kind is None:
            return None
        return _statement(
            kind,
            reported,
            reported["words"].strip(" .,;:"),
            reported["attribution"].strip(),
            Origin.NOTES,
            clause,
        )
    return None
