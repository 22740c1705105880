"""The privacy app's settings, read from Django settings at call time (so tests can override them).

- PRIVACY_LOGIN_RECORD_DAYS (180): how long the log-in history is kept.
"""

from core.conf import Setting

login_record_days = Setting("PRIVACY_LOGIN_RECORD_DAYS", 180)
