"""Keeps personal data out of the logs: a verification code (the public check page, opened from a QR code:
``/zertifikate/pruefen/<code>/`` or ``?code=``) and a name typed into a search (``?q=`` on the participant
lists) are replaced by ``[redacted]`` before a line is written. The pages keep taking GET, so QR codes,
bookmarks and paged, sorted lists keep working; only what is written down changes.

Used by Django's console handler (config.settings.LOGGING) for every logger, including ``django.request``
("Not Found: /zertifikate/pruefen/…") and ``django.server``; and by gunicorn's access log when it is started
with ``--logger-class privacy.logging.GunicornLogger``."""

import logging
import re

REDACTED = "[redacted]"
_PATTERNS = [
    (re.compile(r"(/pruefen/)[^/?#\s\"']+"), r"\1" + REDACTED),
    (re.compile(r"(?<![\w%])((?:q|code|number)=)[^&#\s\"']*"), r"\1" + REDACTED),
]


def redact(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def _clean(value):
    return redact(value) if isinstance(value, str) else value


class RedactPersonalData(logging.Filter):
    """A logging filter that rewrites the message and its arguments; it never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, dict):
            record.args = {key: _clean(value) for key, value in record.args.items()}
        elif isinstance(record.args, tuple):
            record.args = tuple(_clean(value) for value in record.args)
        return True


try:
    from gunicorn.glogging import Logger as _GunicornLogger
except ImportError:  # pragma: no cover - gunicorn is a dependency, but the app runs without it
    _GunicornLogger = None

if _GunicornLogger is not None:

    class GunicornLogger(_GunicornLogger):
        """gunicorn's logger with every access-log field (request line, path, query, referrer) redacted."""

        def atoms(self, resp, req, environ, request_time):
            return {key: _clean(value) for key, value in super().atoms(resp, req, environ, request_time).items()}
