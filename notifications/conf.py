"""The notifications app's settings, read from Django settings at call time (so tests can override them).

- TASK_MAX_ATTEMPTS (5): how often a background task is tried before it is recorded as failed.
- TASK_RETRY_BASE_SECONDS (60): the wait before the first retry; it doubles with each attempt.
- NOTIFICATION_HOURS_WAITING_DAYS (3): supervisors are reminded of hours waiting this long.
- SUPERVISOR_LINK_MAX_AGE_DAYS (14): how long a supervisor's sign-in link from an e-mail works.
- PREPARED_ZIP_THRESHOLD (40): a cohort ZIP with more certificates than this is prepared in the background.
- PREPARED_DOWNLOAD_RETENTION_DAYS (7): prepared downloads are deleted after this many days.
"""

from django.conf import settings


def task_max_attempts() -> int:
    return int(getattr(settings, "TASK_MAX_ATTEMPTS", 5))


def task_retry_base_seconds() -> int:
    return int(getattr(settings, "TASK_RETRY_BASE_SECONDS", 60))


def hours_waiting_days() -> int:
    return int(getattr(settings, "NOTIFICATION_HOURS_WAITING_DAYS", 3))


def supervisor_link_max_age_days() -> int:
    return int(getattr(settings, "SUPERVISOR_LINK_MAX_AGE_DAYS", 14))


def prepared_zip_threshold() -> int:
    return int(getattr(settings, "PREPARED_ZIP_THRESHOLD", 40))


def prepared_download_retention_days() -> int:
    return int(getattr(settings, "PREPARED_DOWNLOAD_RETENTION_DAYS", 7))
