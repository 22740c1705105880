"""The notifications app's settings, read from Django settings at call time (so tests can override them).

- TASK_MAX_ATTEMPTS (5): how often a background task is tried before it is recorded as failed.
- TASK_RETRY_BASE_SECONDS (60): the wait before the first retry; it doubles with each attempt.
- NOTIFICATION_HOURS_WAITING_DAYS (3): supervisors are reminded of hours waiting this long.
- SUPERVISOR_LINK_MAX_AGE_DAYS (14): how long a supervisor's sign-in link from an e-mail works.
- PREPARED_DOWNLOAD_RETENTION_DAYS (7): prepared downloads are deleted after this many days.
"""

from core.conf import Setting

task_max_attempts = Setting("TASK_MAX_ATTEMPTS", 5)
task_retry_base_seconds = Setting("TASK_RETRY_BASE_SECONDS", 60)
hours_waiting_days = Setting("NOTIFICATION_HOURS_WAITING_DAYS", 3)
supervisor_link_max_age_days = Setting("SUPERVISOR_LINK_MAX_AGE_DAYS", 14)
prepared_download_retention_days = Setting("PREPARED_DOWNLOAD_RETENTION_DAYS", 7)
