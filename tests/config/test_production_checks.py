"""With DEBUG off the application refuses unsafe settings at start, and `check --deploy` is clean with safe ones."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management.base import SystemCheckError

from config import checks

ROOT = Path(__file__).resolve().parents[2]
STRONG_KEY = "k3y-" + "a1B2c3D4e5" * 6
SAFE = {
    "DEBUG": "0",
    "SECRET_KEY": STRONG_KEY,
    "ALLOWED_HOSTS": "kurse.example.org",
    "CERTIFICATE_TRUSTED_PROXIES": "1",
}


@pytest.fixture
def production(settings, tmp_path):
    """Safe production settings in this process; each test spoils one."""
    settings.DEBUG = False
    settings.SECRET_KEY = STRONG_KEY
    settings.ALLOWED_HOSTS = ["kurse.example.org"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.CERTIFICATE_TRUSTED_PROXIES = 0
    settings.STATIC_ROOT = tmp_path
    manifest_storage = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
    settings.STORAGES = {**settings.STORAGES, "staticfiles": manifest_storage}
    (tmp_path / "staticfiles.json").write_text(json.dumps({"paths": {}, "version": "1.1"}))
    return settings


def _ids() -> set[str]:
    return {error.id for error in checks.production_settings()}


def test_safe_production_settings_pass(production):
    assert _ids() == set()
    checks.refuse_unsafe_start()  # does not raise


@pytest.mark.parametrize(
    "key",
    ["short", checks.DEVELOPMENT_SECRET_KEY, "django-insecure-" + "x1y2z3" * 10, "ab" * 40],
)
def test_weak_secret_key_stops_the_start(production, key):
    production.SECRET_KEY = key
    assert _ids() == {"project.E001"}
    with pytest.raises(SystemCheckError, match="SECRET_KEY is weak"):
        checks.refuse_unsafe_start()


def test_empty_allowed_hosts_stops_the_start(production):
    production.ALLOWED_HOSTS = []
    assert _ids() == {"project.E002"}


@pytest.mark.parametrize("backend", ["console", "locmem", "filebased"])
def test_e_mail_into_the_log_or_memory_stops_the_start(production, backend):
    production.EMAIL_BACKEND = f"django.core.mail.backends.{backend}.EmailBackend"
    assert _ids() == {"project.E003"}


def test_unset_trusted_proxies_stops_the_start(production):
    production.CERTIFICATE_TRUSTED_PROXIES = None
    assert _ids() == {"project.E004"}
    with pytest.raises(SystemCheckError, match="CERTIFICATE_TRUSTED_PROXIES is not set"):
        checks.refuse_unsafe_start()


def test_zero_trusted_proxies_is_an_explicit_choice(production):
    production.CERTIFICATE_TRUSTED_PROXIES = 0
    assert _ids() == set()


def test_missing_static_manifest_is_named(production, tmp_path):
    (tmp_path / "staticfiles.json").unlink()
    errors = checks.production_settings()
    assert [e.id for e in errors] == ["project.E005"]
    assert "collectstatic" in errors[0].hint


def test_debug_mode_is_not_checked(production):
    production.DEBUG = True
    production.SECRET_KEY = checks.DEVELOPMENT_SECRET_KEY
    production.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    assert _ids() == set()


def _manage(args, env, tmp_path) -> subprocess.CompletedProcess:
    (tmp_path / "staticfiles.json").write_text(json.dumps({"paths": {}, "version": "1.1"}))
    # DJANGO_ALLOW_ASYNC_UNSAFE: the browser tests set it for the whole test process; production never has it.
    leave_out = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "EMAIL_BACKEND", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    keep = {k: v for k, v in os.environ.items() if k not in leave_out}
    environment = {**keep, "STATIC_ROOT": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", **env}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = _manage(["check", "--deploy", "--fail-level", "WARNING"], SAFE, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_manage_py_refuses_to_start_without_trusted_proxies(tmp_path):
    env = {k: v for k, v in SAFE.items() if k != "CERTIFICATE_TRUSTED_PROXIES"}
    result = _manage(["check"], env, tmp_path)
    assert result.returncode != 0
    assert "CERTIFICATE_TRUSTED_PROXIES is not set" in result.stderr


def test_wsgi_refuses_to_start_with_the_console_e_mail_backend(tmp_path):
    (tmp_path / "staticfiles.json").write_text(json.dumps({"paths": {}, "version": "1.1"}))
    # DJANGO_ALLOW_ASYNC_UNSAFE: the browser tests set it for the whole test process; production never has it.
    leave_out = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "EMAIL_BACKEND", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    keep = {k: v for k, v in os.environ.items() if k not in leave_out}
    console = "django.core.mail.backends.console.EmailBackend"
    env = {**keep, **SAFE, "STATIC_ROOT": str(tmp_path), "EMAIL_BACKEND": console}
    result = subprocess.run(
        [sys.executable, "-c", "import config.wsgi"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "refuses to start" in result.stderr and "EMAIL_BACKEND" in result.stderr
