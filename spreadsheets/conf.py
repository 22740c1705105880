"""The spreadsheets app's settings, read from Django settings at call time (so tests can override them).

- IMPORT_PREVIEW_RETENTION_DAYS (7): an uploaded participant list nobody confirmed or discarded is discarded
  after this many days (DSGVO Art. 5(1) c, e).
"""

from django.conf import settings


def preview_retention_days() -> int:
    return int(getattr(settings, "IMPORT_PREVIEW_RETENTION_DAYS", 7))
