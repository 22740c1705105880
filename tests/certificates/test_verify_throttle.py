"""The certificate check's throttle: a real window of CERTIFICATE_VERIFY_WINDOW_SECONDS on the production
(database) cache and on locmem, an atomic count under parallel guesses, settings read at call time."""

import datetime
import threading
import time

import pytest
from django.core.cache import cache
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from certificates import conf, selectors, throttle

DATABASE_CACHE = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "app_cache"}}
LOCMEM_CACHE = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "throttle"}}
ADDRESS = "198.51.100.23"


@pytest.fixture(params=["database", "locmem"])
def cache_backend(request, settings):
    settings.CACHES = DATABASE_CACHE if request.param == "database" else LOCMEM_CACHE
    cache.clear()
    yield request.param
    cache.clear()


@pytest.fixture
def clock(monkeypatch):
    """Moves time for the throttle and both caches (locmem reads time.time, the database cache timezone.now)."""
    now = [time.time()]
    monkeypatch.setattr(time, "time", lambda: now[0])
    monkeypatch.setattr(
        "django.utils.timezone.now", lambda: datetime.datetime.fromtimestamp(now[0], tz=datetime.UTC)
    )

    def advance(seconds):
        now[0] += seconds

    return advance


def _use_up(times=10):
    for _ in range(times):
        assert throttle.begin(ADDRESS) == 0


@pytest.mark.django_db
def test_window_lasts_the_configured_900_seconds(cache_backend, clock):
    _use_up()
    assert throttle.begin(ADDRESS) == 15
    clock(400)  # past the cache's default timeout of 300 s, which used to end the window
    assert throttle.begin(ADDRESS) == 9
    clock(499)
    assert throttle.begin(ADDRESS) == 1
    clock(2)
    assert throttle.begin(ADDRESS) == 0


@pytest.mark.django_db
def test_later_failures_do_not_extend_the_window(cache_backend, clock):
    _use_up(5)
    clock(600)
    _use_up(5)
    assert throttle.minutes_blocked(ADDRESS) == 5
    clock(301)
    assert throttle.minutes_blocked(ADDRESS) == 0 and throttle.begin(ADDRESS) == 0


@pytest.mark.django_db
def test_a_found_certificate_gives_its_attempt_back(cache_backend):
    _use_up(9)
    assert throttle.begin(ADDRESS) == 0
    throttle.succeeded(ADDRESS)
    assert throttle.begin(ADDRESS) == 0  # still the tenth
    assert throttle.begin(ADDRESS) > 0


@pytest.mark.django_db
def test_settings_are_read_at_call_time(cache_backend, settings):
    settings.CERTIFICATE_VERIFY_MAX_FAILURES = 3
    settings.CERTIFICATE_VERIFY_WINDOW_SECONDS = 120
    _use_up(3)
    assert throttle.begin(ADDRESS) == 2
    assert conf.verify_max_failures() == 3


@pytest.mark.django_db
def test_client_address_behind_one_proxy(rf, settings):
    settings.CERTIFICATE_TRUSTED_PROXIES = 1
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    assert throttle.client_address(request) == "203.0.113.9"  # the forged left part is ignored
    settings.CERTIFICATE_TRUSTED_PROXIES = 0
    assert throttle.client_address(request) == "10.0.0.2"


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_sixty_parallel_guesses_get_at_most_ten_look_ups(settings, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("The lock across processes is PostgreSQL's; SQLite is the single-machine demo.")
    settings.CACHES = DATABASE_CACHE
    cache.clear()
    looked_up = []
    real_lookup = selectors.certificate_by_code

    def counting_lookup(*args, **kwargs):
        looked_up.append(1)
        return real_lookup(*args, **kwargs)

    monkeypatch.setattr(selectors, "certificate_by_code", counting_lookup)
    barrier = threading.Barrier(60)
    statuses = []

    def guess(number):
        try:
            barrier.wait()
            url = reverse("certificates:verify_code", kwargs={"code": f"GUESS{number:011d}"})
            statuses.append(Client().get(url, REMOTE_ADDR=ADDRESS).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(60)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    cache.clear()
    assert len(looked_up) == 10
    assert sorted(statuses) == [404] * 10 + [429] * 50
