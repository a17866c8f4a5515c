from django.dispatch import Signal

# Sent with ``run`` (an ImportRun) when an import has ended, whatever its outcome. Records the
# import changed have their change timestamp at or after ``run.started_at``.
import_finished = Signal()
