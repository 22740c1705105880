"""Tasks that only the worker tests queue (imported by the worker process by their path)."""

import pathlib
import time

from notifications.jobs import background


@background
def wait_for_release(folder: str) -> str:
    """Says it started, waits until the test releases it, then writes 'done'. Idempotent."""
    path = pathlib.Path(folder)
    (path / "started").write_text("yes")
    deadline = time.monotonic() + 120
    while not (path / "release").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    (path / "done").write_text("done")
    return "done"


CALLS: list[int] = []


@background
def fails_twice(marker: int) -> int:
    CALLS.append(marker)
    if len(CALLS) < 3:
        raise RuntimeError(f"failure number {len(CALLS)}")
    return len(CALLS)


@background
def always_fails() -> None:
    raise RuntimeError("broken for good")
