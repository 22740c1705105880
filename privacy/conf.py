"""The privacy app's settings, read from Django settings at call time (so tests can override them).

- PRIVACY_LOGIN_RECORD_DAYS (180): how long the log-in history is kept.
"""

from django.conf import settings


def login_record_days() -> int:
    return int(getattr(settings, "PRIVACY_LOGIN_RECORD_DAYS", 180))
