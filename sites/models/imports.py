from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ImportRun(models.Model):
    """One run of an importer, kept so that editors can see what each import did."""

    kind = models.CharField(_("import"), max_length=50, db_index=True)
    sources = models.JSONField(_("sources"), default=list)
    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"))
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    unpublished = models.PositiveIntegerField(
        _("unpublished"),
        default=0,
        help_text=_("Records missing from a complete source, unpublished rather than deleted."),
    )
    rejected = models.JSONField(
        _("rejected records"),
        default=list,
        help_text=_("One entry per rejected record: identifier, field and reason."),
    )
    error = models.TextField(
        _("error"), blank=True, help_text=_("Why the whole source was rejected, if it was.")
    )

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("import report")
        verbose_name_plural = _("import reports")

    def __str__(self):
        return f"{self.kind} {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def rejected_count(self):
        return len(self.rejected)

    rejected_count.fget.short_description = _("rejected")

    @classmethod
    def record(cls, kind, report, started_at, error=""):
        """Store the run and announce it with ``import_finished``, for the search index."""
        from sites.signals import import_finished

        run = cls.objects.create(
            kind=kind,
            sources=report.sources,
            started_at=started_at,
            finished_at=timezone.now(),
            created=report.created,
            updated=report.updated,
            unchanged=report.unchanged,
            unpublished=report.unpublished,
            rejected=[
                {"record": item.record_id, "field": item.field_name, "reason": item.reason}
                for item in report.rejected
            ],
            error=error,
        )
        import_finished.send(sender=cls, run=run)
        return run
