"""Verification codes and searched names never reach a log line; the pages themselves keep working by GET."""

import logging

import pytest
from django.urls import reverse

from privacy.logging import REDACTED, RedactPersonalData, redact

pytestmark = pytest.mark.django_db


def test_codes_and_searches_are_redacted():
    assert redact("Not Found: /zertifikate/pruefen/7K3QH9M2XR4TJW8P/") == f"Not Found: /zertifikate/pruefen/{REDACTED}/"
    assert redact("GET /zertifikate/pruefen/?number=IB-2026-0042&code=7K3Q-H9M2 HTTP/1.1") == (
        f"GET /zertifikate/pruefen/?number={REDACTED}&code={REDACTED} HTTP/1.1"
    )
    assert redact("/teilnehmende/?q=Yılmaz&page=2") == f"/teilnehmende/?q={REDACTED}&page=2"
    assert redact("/kohorten/?status=running&frequency=2") == "/kohorten/?status=running&frequency=2"


def test_the_console_handler_redacts_every_logger(client, capfd):
    handler = next(h for h in logging.getLogger().handlers if any(isinstance(f, RedactPersonalData) for f in h.filters))
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Not Found: %s", ("/zertifikate/pruefen/ABCD/",), None
    )
    assert all(f.filter(record) for f in handler.filters)
    assert record.getMessage() == f"Not Found: /zertifikate/pruefen/{REDACTED}/"


def test_a_failed_check_logs_no_code(client, caplog):
    caplog.handler.addFilter(RedactPersonalData())
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get(reverse("certificates:verify_code", args=["ZZZZ9999ZZZZ9999"]))
    assert response.status_code == 404
    assert "ZZZZ9999ZZZZ9999" not in caplog.text
    assert REDACTED in caplog.text


def test_gunicorn_access_log_atoms_are_redacted():
    import datetime
    import types

    from gunicorn.config import Config

    from privacy.logging import GunicornLogger

    logger = GunicornLogger(Config())
    response = types.SimpleNamespace(status="200 OK", sent=10, headers=[])
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/zertifikate/pruefen/7K3QH9M2XR4TJW8P/",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "PATH_INFO": "/zertifikate/pruefen/7K3QH9M2XR4TJW8P/",
        "QUERY_STRING": "q=Nguyễn",
        "HTTP_REFERER": "https://example.org/teilnehmende/?q=Nguyễn",
    }
    atoms = logger.atoms(response, types.SimpleNamespace(headers=[]), environ, datetime.timedelta(seconds=1))
    text = " ".join(str(v) for v in atoms.values())
    assert "7K3QH9M2XR4TJW8P" not in text and "Nguyễn" not in text
