"""Communicability ("communicabilité") derived from the prose of EAD ``accessrestrict`` notes.

EAD 2002 gives access conditions as free text only. The rules below turn the few wordings that
French archive services use into a machine-readable status. Any other text is kept as it is and
classed UNSTATED, so that nothing is hidden or shown on a guess:

* "non communicable", "incommunicable", or a document declared "manquant" (missing) → CLOSED;
* "délai de N ans à compter de [mois] AAAA" → DELAYED until AAAA + N;
* "communicable à partir de / en / dès [mois] AAAA" → DELAYED until AAAA;
* "librement communicable" or a note that is only "Communicable" (optionally after the heading
  "Communicabilité") → OPEN, unless the note also says "à l'exception" or "sauf", which means
  the exceptions are described in text → UNSTATED.

When a component carries several notes, the strictest wins: CLOSED, then the latest DELAYED
year, then OPEN, then UNSTATED.
"""

import re
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessStatus(models.TextChoices):
    OPEN = "open", _("Freely accessible")
    DELAYED = "delayed", _("Accessible after a legal delay")
    CLOSED = "closed", _("Not accessible")
    UNSTATED = "unstated", _("Conditions given in text only")


@dataclass(frozen=True)
class AccessRule:
    status: str
    opening_year: int | None = None


UNSTATED_RULE = AccessRule(AccessStatus.UNSTATED)

_CLOSED = re.compile(r"\bnon[\s-]+communicable|\bincommunicable|\bmanquant")
_DELAY = re.compile(r"délai\s+de\s+(\d{1,3})\s+ans\s+à\s+compter\s+(?:de\s+|du\s+)?(?:\w+\s+)?(\d{4})")
_FROM_YEAR = re.compile(r"communicables?\s+(?:à\s+partir\s+de|en|dès)\s+(?:\w+\s+)?(\d{4})")
_EXCEPTION = re.compile(r"\bà\s+l['’]exception\b|\bsauf\b")
_ONLY_COMMUNICABLE = re.compile(r"^(?:communicabilité\s*:?\s*)?communicables?\s*\.?$")


def classify_note(text):
    """Return the AccessRule stated by one access note, or UNSTATED_RULE."""
    normalised = " ".join(text.lower().split())
    if not normalised:
        return UNSTATED_RULE
    if _CLOSED.search(normalised):
        return AccessRule(AccessStatus.CLOSED)

    delay = _DELAY.search(normalised)
    if delay:
        return AccessRule(AccessStatus.DELAYED, int(delay.group(2)) + int(delay.group(1)))
    from_year = _FROM_YEAR.search(normalised)
    if from_year:
        return AccessRule(AccessStatus.DELAYED, int(from_year.group(1)))

    if _EXCEPTION.search(normalised):
        return UNSTATED_RULE
    if "librement communicable" in normalised or _ONLY_COMMUNICABLE.match(normalised):
        return AccessRule(AccessStatus.OPEN)
    return UNSTATED_RULE


def classify_notes(texts):
    """Combine the rules of several access notes of one description level (strictest wins)."""
    rules = [classify_note(text) for text in texts]
    if any(rule.status == AccessStatus.CLOSED for rule in rules):
        return AccessRule(AccessStatus.CLOSED)
    delayed_years = [rule.opening_year for rule in rules if rule.status == AccessStatus.DELAYED]
    if delayed_years:
        return AccessRule(AccessStatus.DELAYED, max(delayed_years))
    if any(rule.status == AccessStatus.OPEN for rule in rules):
        return AccessRule(AccessStatus.OPEN)
    return UNSTATED_RULE
