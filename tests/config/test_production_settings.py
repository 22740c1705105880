"""Settings come from the environment; with DEBUG off the safe production defaults apply."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _settings(env: dict[str, str], expression: str) -> subprocess.CompletedProcess:
    code = f"import config.settings as s; print({expression})"
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=60
    )


def test_production_refuses_to_start_without_secret_key():
    result = _settings({"DEBUG": "false"}, "s.DEBUG")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_defaults_are_secure():
    result = _settings(
        {"DEBUG": "0", "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "kurse.example.org"},
        "s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.ALLOWED_HOSTS",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False True True True ['kurse.example.org']"


def test_database_comes_from_database_url():
    result = _settings(
        {"DATABASE_URL": "postgres://app:secret@db.example.org:5432/kurse"},
        "s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME']",
    )
    assert result.stdout.strip() == "django.db.backends.postgresql kurse"


def test_sqlite_is_the_default_database():
    result = _settings({}, "s.DATABASES['default']['ENGINE']")
    assert result.stdout.strip() == "django.db.backends.sqlite3"
