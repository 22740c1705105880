"""The certificates app's settings, read from Django settings at call time (so tests can override them).

- CERTIFICATE_NUMBER_PREFIX ("IB"): the letters before year and sequence of a document number (IB-2026-0007).
- CERTIFICATE_VERIFY_MAX_FAILURES (10): failed look-ups of the public verification page per client address
  and window (throttle.py).
- CERTIFICATE_VERIFY_WINDOW_SECONDS (900): the length of that window, from the first failure.
- PREPARED_ZIP_THRESHOLD (40): a cohort ZIP of more documents than this is prepared in the background
  (notifications app) instead of streamed in the request (selectors.cohort_zip_is_streamed).
- CERTIFICATE_SIGNING_KEYS ({}): the configured seals per organisation (signing_keys.py).
- CERTIFICATE_SIGNING_KEY_DIR (BASE_DIR/var/signing): where ``make_signing_key`` writes the demo's keys.
"""

from pathlib import Path

from django.conf import settings

from core.conf import Setting

number_prefix = Setting("CERTIFICATE_NUMBER_PREFIX", "IB", convert=str)
verify_max_failures = Setting("CERTIFICATE_VERIFY_MAX_FAILURES", 10)
verify_window_seconds = Setting("CERTIFICATE_VERIFY_WINDOW_SECONDS", 900)
prepared_zip_threshold = Setting("PREPARED_ZIP_THRESHOLD", 40)
signing_keys = Setting("CERTIFICATE_SIGNING_KEYS", {}, convert=lambda value: value or {})


def signing_key_directory() -> Path:
    return Path(getattr(settings, "CERTIFICATE_SIGNING_KEY_DIR", Path(settings.BASE_DIR) / "var" / "signing"))
