"""The accounts app's settings, read from Django settings at call time (so tests can override them).

- INVITATION_TIMEOUT_DAYS (14): how long an invitation to set a password stays open.
- INVITATION_CODE_MAX_ATTEMPTS (5): wrong printed codes before the invitation closes.
- ACCOUNT_INACTIVITY_DAYS (365): logins unused this long are deactivated; 0 switches it off.
"""

from core.conf import Setting

invitation_timeout_days = Setting("INVITATION_TIMEOUT_DAYS", 14)
invitation_code_max_attempts = Setting("INVITATION_CODE_MAX_ATTEMPTS", 5)
account_inactivity_days = Setting("ACCOUNT_INACTIVITY_DAYS", 365)
