"""Import of Tourinsoft syndication files into Offer and OfferPeriod.

``import_feed`` is the single entry point, used by the ``import_tourinsoft`` command and by the
demo. It follows the two phases of ``sites.importing``:

1. Every file is read and checked first (SourceError names the file). The run is also refused,
   changing nothing, when a complete feed has far fewer offers than the last complete import,
   which is what a truncated or broken export looks like.
2. Each offer is then applied with its periods in its own transaction. An offer whose content
   hash has not changed is left untouched, so a second run of the same files changes nothing.

When the files hold the whole feed, offers of that feed that are missing from them are
unpublished (never deleted), and published again if they come back.
"""

import hashlib
import json
import logging
import re
from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sites.importing import (
    CREATED,
    UNCHANGED,
    UPDATED,
    RecordRejected,
    SourceError,
    apply_records,
    changed_fields,
)
from tourism.models import FeedState, Offer, OfferPeriod

from .extract import extract_offer, first_value
from .payload import load_payload

logger = logging.getLogger(__name__)

FEED_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,37}$")
# "type" is taken by the listing page's type sub-URL (type/<type>/).
RESERVED_FEED_NAMES = {"type"}

# Broken-feed guard: a complete feed with fewer than SHRINK_GUARD_RATIO times the offers of the
# last complete import is refused. Real agenda feeds vary by a few percent from week to week as
# past events drop out, so losing half is far beyond normal churn. Feeds that had fewer than
# SHRINK_GUARD_MIN_PREVIOUS offers are not guarded: there, one removal can halve the count.
SHRINK_GUARD_RATIO = 0.5
SHRINK_GUARD_MIN_PREVIOUS = 10

UNPUBLISH_BATCH_SIZE = 500


class FeedNameError(ValueError):
    pass


def validate_feed_name(name):
    if not FEED_NAME.match(name or "") or name in RESERVED_FEED_NAMES:
        raise FeedNameError(
            _(
                "invalid feed name %(name)r: use 1 to 38 lower-case letters, digits and hyphens, "
                "starting with a letter or digit, other than %(reserved)s"
            )
            % {"name": name, "reserved": ", ".join(sorted(RESERVED_FEED_NAMES))}
        )


@dataclass
class FeedImportResult:
    """Outcome of one run beyond the per-offer counts of the ImportReport."""

    feed: str
    offers_in_sources: int
    complete: bool
    completeness_reason: str
    unpublished: int = 0

    def messages(self):
        """Return the translated lines that explain the run, for the command output."""
        if not self.complete:
            return [
                _("Feed %(feed)s: partial import (%(reason)s), so no offer was unpublished.")
                % {"feed": self.feed, "reason": self.completeness_reason}
            ]
        return [
            ngettext(
                "Feed %(feed)s: complete import, %(count)d missing offer was unpublished.",
                "Feed %(feed)s: complete import, %(count)d missing offers were unpublished.",
                self.unpublished,
            )
            % {"feed": self.feed, "count": self.unpublished}
        ]


def import_feed(paths, feed, mapping, report, progress=None, partial=False, allow_shrink=False):
    """Import the syndication files ``paths`` as the feed named ``feed``; return a FeedImportResult.

    ``paths`` may be several pages of one feed. ``partial`` marks them as a selection (an
    incremental pull, for instance), so that missing offers are not unpublished.
    ``allow_shrink`` lets a complete feed through the broken-feed guard. Raises SourceError,
    having changed nothing, when a file is unusable or the guard refuses the feed.
    """
    validate_feed_name(feed)
    payloads = [load_payload(path) for path in paths]
    items = [
        (payload.path, position, record)
        for payload in payloads
        for position, record in enumerate(payload.records, start=1)
    ]
    complete, reason = judge_completeness(payloads, len(items), partial)

    state = FeedState.objects.filter(name=feed).first()
    if complete and not allow_shrink:
        check_shrink(state, len(items), paths)

    id_counts = Counter(
        first_value(record, mapping.fields["id"], "")[0] for _path, _position, record in items
    )
    id_counts.pop("", None)
    duplicates = {source_id for source_id, count in id_counts.items() if count > 1}

    def apply_one(item):
        path, position, record = item
        data = extract_offer(record, mapping, f"{path.name}#{position}")
        if data.source_id in duplicates:
            raise RecordRejected(
                data.source_id,
                mapping.source_names("id")[0],
                _("appears %(count)d times in this import; none of them was applied")
                % {"count": id_counts[data.source_id]},
            )
        return save_offer(feed, data, mapping)

    rejected_before = len(report.rejected)
    apply_records(items, apply_one, report, progress=progress)

    # A rejected record may be an offer that is still in the feed (its identifier unreadable,
    # for instance), so a run with rejections never unpublishes anything.
    if complete and len(report.rejected) > rejected_before:
        complete = False
        reason = _("some records were rejected")
    result = FeedImportResult(feed, len(items), complete, reason)
    if complete:
        result.unpublished = unpublish_missing(feed, set(id_counts))
    record_state(state, feed, mapping, complete, len(items))
    logger.info(
        "Feed %s imported from %s: %s; %s",
        feed,
        ", ".join(str(path) for path in paths),
        report.summary(),
        " ".join(result.messages()),
    )
    return result


def judge_completeness(payloads, record_count, partial):
    """Return (complete, reason): whether the files hold the whole feed, and why not."""
    if partial:
        return False, _("--partial was given")
    if any(payload.has_next_page for payload in payloads):
        return False, _("the server announced a further page")
    declared = [
        payload.declared_count for payload in payloads if payload.declared_count is not None
    ]
    if declared and record_count < max(declared):
        return False, _("%(count)d of the %(declared)d offers the feed declares") % {
            "count": record_count,
            "declared": max(declared),
        }
    return True, ""


def check_shrink(state, record_count, paths):
    """Raise SourceError when a complete feed is far smaller than the last complete import."""
    previous = state.last_complete_count if state else None
    if previous is None or previous < SHRINK_GUARD_MIN_PREVIOUS:
        return
    if record_count >= previous * SHRINK_GUARD_RATIO:
        return
    raise SourceError(
        ", ".join(str(path) for path in paths),
        _(
            "the feed has %(count)d offers, fewer than half of the %(previous)d of the last "
            "complete import (%(date)s); it looks truncated, so nothing was changed. If the "
            "offers really were withdrawn, run the import again with --allow-shrink."
        )
        % {
            "count": record_count,
            "previous": previous,
            "date": timezone.localtime(state.last_complete_at).strftime("%Y-%m-%d %H:%M")
            if state.last_complete_at
            else "?",
        },
    )


def content_hash(data):
    """Return a SHA-256 of everything an import writes for one offer, periods included."""
    serialised = json.dumps(
        {"source_id": data.source_id, "values": data.values, "periods": data.periods},
        sort_keys=True,
        default=str,
        ensure_ascii=False,
    )
    return hashlib.sha256(serialised.encode("utf-8")).hexdigest()


def save_offer(feed, data, mapping):
    """Create or update one offer and replace its periods; return CREATED, UPDATED or UNCHANGED.

    Runs inside the record's transaction (``apply_records``), so that a rejected period also
    rolls back the offer. Editor fields are never part of ``data.values``.
    """
    digest = content_hash(data)
    offer = Offer.objects.select_for_update().filter(feed=feed, source_id=data.source_id).first()
    if offer is not None and offer.content_hash == digest and offer.published:
        return UNCHANGED

    values = dict(
        data.values,
        content_hash=digest,
        published=True,
        missing_since=None,
        last_changed_at=timezone.now(),
    )
    if offer is None:
        offer = Offer(feed=feed, source_id=data.source_id, **values)
        outcome = CREATED
    else:
        changed_fields(offer, values)
        outcome = UPDATED

    periods = [OfferPeriod(offer=offer, **period) for period in data.periods]
    _validate(offer, data.source_id, mapping, exclude=["feed", "source_id"])
    for period in periods:
        _validate(period, data.source_id, mapping, exclude=["offer"], prefix="periods.")

    offer.save()
    offer.periods.all().delete()
    OfferPeriod.objects.bulk_create(periods)
    return outcome


def _validate(instance, source_id, mapping, exclude, prefix=""):
    """Run the model's field validation; turn the first error into a RecordRejected."""
    try:
        instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        field_name, messages = next(iter(error.message_dict.items()))
        feed_names = mapping.source_names(field_name)
        raise RecordRejected(
            source_id, feed_names[0] if feed_names else prefix + field_name, " ".join(messages)
        ) from error


def unpublish_missing(feed, present_ids):
    """Unpublish the published offers of ``feed`` whose identifier is not in ``present_ids``."""
    missing = [
        pk
        for pk, source_id in Offer.objects.filter(feed=feed, published=True).values_list(
            "pk", "source_id"
        )
        if source_id not in present_ids
    ]
    now = timezone.now()
    for start in range(0, len(missing), UNPUBLISH_BATCH_SIZE):
        batch = missing[start : start + UNPUBLISH_BATCH_SIZE]
        Offer.objects.filter(pk__in=batch).update(
            published=False, missing_since=now, last_changed_at=now
        )
    if missing:
        logger.info("Feed %s: unpublished %d offers missing from it", feed, len(missing))
    return len(missing)


def record_state(state, feed, mapping, complete, record_count):
    now = timezone.now()
    state = state or FeedState(name=feed)
    state.mapping = mapping.name
    state.last_import_at = now
    if complete:
        state.last_complete_count = record_count
        state.last_complete_at = now
    state.save()
