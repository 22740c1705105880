"""Throttling of the public verification page against guessing codes.

Each client address may make CERTIFICATE_VERIFY_MAX_FAILURES failed look-ups in a window of
CERTIFICATE_VERIFY_WINDOW_SECONDS that starts with its first failure (later failures do not extend it); both
are read at each look-up (certificates.conf). Once they are used up, every look-up from it is refused until
the window ends, so a lucky guess shows nothing.

The count lives in Django's cache (the database cache shared by every process, settings.CACHES) as one entry
``{"count", "until"}`` stored with the window's remaining time as its timeout; cache.incr() is not used, since
the database cache implements it as get-and-set with the default timeout (300 s), which cut the window short.

A look-up *reserves* an attempt before it reads the database (``begin``) and gives it back when the code was
found (``succeeded``): the count is read and written while holding a lock on the address, so 60 simultaneous
guesses get exactly the allowed number of look-ups. The lock is a PostgreSQL advisory transaction lock (shared
by every process and host); on SQLite, a single-machine demo, a lock within the process.
"""

import math
import threading
import time
import zlib
from contextlib import contextmanager

from django.core.cache import cache
from django.db import connection, transaction

from core.net import client_address  # noqa: F401  (the view's way to the address)

from . import conf

LOCK_CLASS = 0x1CE27  # first key of the advisory lock, so it cannot collide with another lock of the app
_process_lock = threading.Lock()


def _key(address: str) -> str:
    return f"certificates:verify:attempts:{address}"


@contextmanager
def _locked(address: str):
    with transaction.atomic():
        if connection.vendor == "postgresql":
            second = zlib.crc32(address.encode()) - 2**31  # a signed 32-bit key
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [LOCK_CLASS, second])
            yield
        else:
            with _process_lock:
                yield


def _current(address: str, now: float) -> dict:
    state = cache.get(_key(address))
    if not state or state.get("until", 0) <= now:
        return {"count": 0, "until": now + conf.verify_window_seconds()}
    return state


def _store(address: str, state: dict, now: float) -> None:
    cache.set(_key(address), state, max(1, math.ceil(state["until"] - now)))


def _minutes_left(state: dict, now: float) -> int:
    return max(1, math.ceil((state["until"] - now) / 60))


def begin(address: str) -> int:
    """Reserve one look-up for the address. 0: go ahead (and call ``succeeded`` if the code was found);
    otherwise the minutes until the address may look up again."""
    with _locked(address):
        now = time.time()
        state = _current(address, now)
        if state["count"] >= conf.verify_max_failures():
            return _minutes_left(state, now)
        state["count"] += 1
        _store(address, state, now)
        return 0


def succeeded(address: str) -> None:
    """The reserved look-up found a certificate: it does not count as a failure."""
    with _locked(address):
        now = time.time()
        state = cache.get(_key(address))
        if state and state.get("until", 0) > now and state["count"] > 0:
            state["count"] -= 1
            _store(address, state, now)


def minutes_blocked(address: str) -> int:
    """0 if the address may look up; otherwise the minutes until it may again (at least 1). Reads only."""
    now = time.time()
    state = _current(address, now)
    return _minutes_left(state, now) if state["count"] >= conf.verify_max_failures() else 0


def record_failure(address: str) -> None:
    """Count one failed look-up that was not reserved with ``begin``."""
    with _locked(address):
        now = time.time()
        state = _current(address, now)
        state["count"] += 1
        _store(address, state, now)


def reset(address: str) -> None:
    cache.delete(_key(address))
