"""Throttling of the public verification page against guessing codes.

Counts failed look-ups per client address in Django's cache. The cache is the database cache shared by
every process (settings.CACHES), so the limit holds behind a load balancer too. Once an address has used
up its attempts, every look-up from it is refused until the window ends, so a lucky guess shows nothing.
"""

import math
import time

from django.conf import settings
from django.core.cache import cache

MAX_FAILURES = getattr(settings, "CERTIFICATE_VERIFY_MAX_FAILURES", 10)
WINDOW_SECONDS = getattr(settings, "CERTIFICATE_VERIFY_WINDOW_SECONDS", 15 * 60)


def client_address(request) -> str:
    """The client's address; behind N trusted proxies (CERTIFICATE_TRUSTED_PROXIES=N) the N-th address
    from the right of X-Forwarded-For, which the client cannot forge."""
    proxies = getattr(settings, "CERTIFICATE_TRUSTED_PROXIES", 0)
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "unknown")


def _keys(address: str) -> tuple[str, str]:
    return f"certificates:verify:failures:{address}", f"certificates:verify:until:{address}"


def minutes_blocked(address: str) -> int:
    """0 if the address may look up; otherwise the minutes until it may again (at least 1)."""
    count_key, until_key = _keys(address)
    values = cache.get_many([count_key, until_key])
    if values.get(count_key, 0) < MAX_FAILURES:
        return 0
    remaining = values.get(until_key, time.time() + WINDOW_SECONDS) - time.time()
    return max(1, math.ceil(remaining / 60))


def record_failure(address: str) -> None:
    count_key, until_key = _keys(address)
    # add() only sets the window's end on the first failure; later failures do not extend it.
    cache.add(until_key, time.time() + WINDOW_SECONDS, WINDOW_SECONDS)
    if cache.add(count_key, 1, WINDOW_SECONDS):
        return
    try:
        cache.incr(count_key)
    except ValueError:  # expired between add() and incr()
        cache.add(count_key, 1, WINDOW_SECONDS)


def reset(address: str) -> None:
    cache.delete_many(list(_keys(address)))
