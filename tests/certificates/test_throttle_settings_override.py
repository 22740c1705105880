"""The throttle reads its settings at every look-up (certificates.conf): a test's or an operator's override
applies at once, both the number of failures and the length of the window."""

import time

import pytest
from django.core.cache import cache
from django.test import override_settings

from certificates import throttle

ADDRESS = "198.51.100.77"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_the_settings_fixture_changes_the_number_of_failures_and_the_window(settings, monkeypatch):
    now = [time.time()]
    monkeypatch.setattr(time, "time", lambda: now[0])
    settings.CERTIFICATE_VERIFY_MAX_FAILURES = 2
    settings.CERTIFICATE_VERIFY_WINDOW_SECONDS = 60
    assert [throttle.begin(ADDRESS) for _ in range(3)] == [0, 0, 1]
    now[0] += 61
    assert throttle.minutes_blocked(ADDRESS) == 0


@pytest.mark.django_db
def test_override_settings_applies_to_the_next_look_up():
    with override_settings(CERTIFICATE_VERIFY_MAX_FAILURES=1):
        assert [throttle.begin(ADDRESS) for _ in range(2)] == [0, 15]
    assert throttle.begin(ADDRESS) == 0  # the default of 10 applies again once the override ends
