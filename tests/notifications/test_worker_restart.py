"""A worker killed in the middle of a task (kill -9) loses nothing: started again, it runs the task to the end.

Runs real `manage.py db_worker` processes on a database file of their own, so it takes some seconds."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

# In the browser tests' xdist group: the longest single test, handed out with that group at the start rather
# than last to one worker while the other waits (make test, docs/development.md).
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("browser")]

ROOT = Path(__file__).resolve().parents[2]


def manage(env, *args, **kwargs):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, **kwargs)


def wait_for(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def status(database: Path) -> str:
    """The task's status, read from the worker's database file directly (a `manage.py shell` per look would
    start Django each time)."""
    with sqlite3.connect(database) as connection:
        (value,) = connection.execute("SELECT status FROM django_tasks_database_dbtaskresult").fetchone()
    return value


def start_worker(env):
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--worker-id", "test-worker", "--interval", "0.2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_a_killed_worker_finishes_the_task_after_restart(tmp_path):
    database = tmp_path / "tasks.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "DEBUG": "1"}
    env.pop("TASKS_BACKEND", None)
    folder = tmp_path / "work"
    folder.mkdir()
    # One Django start creates the task table (the task touches only files, so it needs no other) and queues.
    manage(
        env,
        "shell",
        "--no-imports",
        "-c",
        "from django.core.management import call_command; "
        "call_command('migrate', 'django_tasks_database', interactive=False, verbosity=0); "
        f"from tests.notifications.worker_tasks import wait_for_release as t; t.enqueue({str(folder)!r})",
    )
    worker = start_worker(env)
    try:
        assert wait_for(lambda: (folder / "started").exists()), "the worker never started the task"
        worker.send_signal(signal.SIGKILL)
        worker.wait(10)
    finally:
        if worker.poll() is None:
            worker.kill()
    assert status(database) == "RUNNING"  # left claimed by the dead worker
    (folder / "release").write_text("go")
    worker = start_worker(env)
    try:
        assert wait_for(lambda: (folder / "done").exists()), "the restarted worker did not run the task again"
        assert wait_for(lambda: status(database) == "SUCCESSFUL")
    finally:
        worker.terminate()
        worker.wait(10)
