"""`make run PORT=8101` serves the demo on 8101, and the QR codes and links it makes point there too."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _dry_run(*args: str, env: dict | None = None) -> str:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    result = subprocess.run(
        ["make", "-n", "-o", ".venv/.installed", "run", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return result.stdout


def test_site_url_follows_host_and_port_of_make_run():
    commands = _dry_run("HOST=0.0.0.0", "PORT=8101")
    assert "SITE_URL=http://0.0.0.0:8101 .venv/bin/python manage.py load_demo" in commands
    assert "SITE_URL=http://0.0.0.0:8101 .venv/bin/python manage.py runserver 0.0.0.0:8101" in commands


def test_an_explicit_site_url_wins():
    import os

    env = dict(os.environ, SITE_URL="https://kurse.example.org")
    assert "SITE_URL=https://kurse.example.org .venv/bin/python manage.py runserver" in _dry_run(env=env)
