"""Shared machinery of every importer: file checks, per-record transactions and the run report.

An importer works in two phases so that a broken file changes nothing already stored:

1. ``parse`` reads the whole source and returns records, or raises ``SourceError`` naming the file
   (and the record when one is known). Malformed, truncated, wrongly encoded or hostile input
   stops here, before the database is touched.
2. ``apply_records`` applies each record in its own transaction, keyed on the source's
   identifier. A record whose data is invalid raises ``RecordRejected``: it is rolled back alone
   and listed in the report with its identifier, field and reason.
"""

import contextvars
import logging
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"


class SourceError(Exception):
    """A whole source cannot be read; nothing of it was applied."""

    def __init__(self, source, message, record_id=None):
        self.source = str(source)
        self.message = str(message)
        self.record_id = record_id
        super().__init__(self.__str__())

    def __str__(self):
        if self.record_id:
            return _("%(source)s, record %(record)s: %(message)s") % {
                "source": self.source,
                "record": self.record_id,
                "message": self.message,
            }
        return _("%(source)s: %(message)s") % {"source": self.source, "message": self.message}


class RecordRejected(Exception):
    """One record is invalid; it is skipped and reported, the rest of the source goes on."""

    def __init__(self, record_id, field_name, reason):
        self.record_id = str(record_id)
        self.field_name = field_name
        self.reason = str(reason)
        super().__init__(f"{record_id} [{field_name}]: {reason}")


@dataclass
class Rejection:
    record_id: str
    field_name: str
    reason: str


@dataclass
class ImportReport:
    """Counts and rejections of one import run over one or more sources."""

    sources: list = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # Records missing from a complete source, unpublished rather than deleted.
    unpublished: int = 0
    rejected: list = field(default_factory=list)

    def add(self, outcome):
        if outcome not in (CREATED, UPDATED, UNCHANGED):
            raise ValueError(f"Unknown import outcome {outcome!r}")
        setattr(self, outcome, getattr(self, outcome) + 1)

    def reject(self, record_id, field_name, reason):
        self.rejected.append(Rejection(str(record_id), field_name, str(reason)))

    @property
    def total(self):
        return self.created + self.updated + self.unchanged + len(self.rejected)

    def summary(self):
        """Return the translated one-line summary printed at the end of a run."""
        return _(
            "%(created)d created, %(updated)d updated, %(unchanged)d unchanged, "
            "%(rejected)d rejected"
        ) % {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": len(self.rejected),
        }

    def rejection_lines(self):
        return [
            _("rejected %(record)s, field %(field)s: %(reason)s")
            % {"record": item.record_id, "field": item.field_name, "reason": item.reason}
            for item in self.rejected
        ]


def check_source_file(path, max_bytes=None):
    """Return ``path`` as a Path after checking it exists, is a file and is not too large.

    Raises SourceError otherwise, so that a huge or missing file is rejected before parsing.
    """
    path = Path(path)
    limit = max_bytes if max_bytes is not None else settings.IMPORT_MAX_FILE_BYTES
    if not path.is_file():
        raise SourceError(path, _("file not found"))
    size = path.stat().st_size
    if size == 0:
        raise SourceError(path, _("the file is empty"))
    if size > limit:
        raise SourceError(
            path,
            _("the file is %(size)d bytes, above the import limit of %(limit)d bytes")
            % {"size": size, "limit": limit},
        )
    return path


def decode_text(raw, source, encodings=("utf-8",)):
    """Decode ``raw`` bytes with the first of ``encodings`` that fits.

    A UTF-8 byte order mark is dropped. Raises SourceError when no encoding fits, naming the
    byte offset of the first invalid sequence for UTF-8.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    first_error = None
    for encoding in encodings:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError as error:
            first_error = first_error or error
    raise SourceError(
        source,
        _("invalid text encoding (expected %(encodings)s): undecodable byte at offset %(offset)d")
        % {"encodings": ", ".join(encodings), "offset": first_error.start},
    )


# True while ``apply_records`` runs, so that listeners of per-record saves (the search index) can
# leave the work to one pass at the end of the import, announced by ``import_finished``.
import_running = contextvars.ContextVar("import_running", default=False)


def apply_records(records, apply_one, report, record_id=None, progress=None):
    """Apply each record in its own transaction and count the outcome in ``report``.

    ``apply_one(record)`` returns CREATED, UPDATED or UNCHANGED, or raises RecordRejected. A
    rejected record is rolled back alone. ``record_id(record)`` names a record in the report when
    an unexpected validation error escapes ``apply_one``. ``progress`` is called after each record.
    """
    token = import_running.set(True)
    try:
        _apply_each(records, apply_one, report, progress)
    finally:
        import_running.reset(token)
    return report


def _apply_each(records, apply_one, report, progress):
    for record in records:
        try:
            with transaction.atomic():
                outcome = apply_one(record)
        except RecordRejected as rejection:
            report.reject(rejection.record_id, rejection.field_name, rejection.reason)
            logger.info(
                "%s rejected: %s: %s",
                rejection.record_id,
                rejection.field_name,
                rejection.reason,
            )
        else:
            report.add(outcome)
        if progress is not None:
            progress()


def changed_fields(instance, values):
    """Set ``values`` on ``instance`` and return the names of the fields whose value changed."""
    changed = []
    for name, value in values.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed.append(name)
    return changed


def record_run(kind, report, started_at, error=""):
    """Store an ImportRun for an import run outside a management command (the demo, a task)."""
    from sites.models import ImportRun

    return ImportRun.record(kind, report, started_at, error)
