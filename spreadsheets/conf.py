"""The spreadsheets app's settings, read from Django settings at call time (so tests can override them).

- IMPORT_PREVIEW_RETENTION_DAYS (7): an uploaded participant list nobody confirmed or discarded is discarded
  after this many days (DSGVO Art. 5(1) c, e).
"""

from core.conf import Setting

preview_retention_days = Setting("IMPORT_PREVIEW_RETENTION_DAYS", 7)
