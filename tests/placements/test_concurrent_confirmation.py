"""Two supervisors confirm the same entry at the same moment: exactly one wins, the other is told."""

import threading

import pytest
from django.db import connection, connections
from django.utils import translation

from core.exceptions import DomainError
from placements import services
from placements.models import HourEntry, HourEntryAction, HourEntryEvent, HourEntryStatus
from tests.factories import UserFactory

from .conftest import log

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers itself; row locks need PostgreSQL to mean anything.")


def _race(target, args_list):
    barrier = threading.Barrier(len(args_list))
    results = []

    def run(*args):
        try:
            barrier.wait()
            with translation.override("en"):  # each thread starts in the default language
                results.append(("ok", target(*args)))
        except DomainError as error:
            results.append(("refused", str(error)))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=args) for args in args_list]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_concurrent_confirmation_of_the_same_entry(active_placement, participant_user, supervisor):
    second = UserFactory(username="zweite-anleitung", role="supervisor")
    active_placement.facility.supervisors.add(second)
    entry = log(active_placement, participant_user)

    results = _race(lambda user: services.hours_confirm(entry=entry, by=user), [(supervisor,), (second,)])

    assert sorted(kind for kind, _ in results) == ["ok", "refused"]
    refusal = next(text for kind, text in results if kind == "refused")
    assert "already confirmed by Test" in refusal
    assert HourEntry.objects.get(pk=entry.pk).status == HourEntryStatus.CONFIRMED
    assert HourEntryEvent.objects.filter(entry=entry, action=HourEntryAction.CONFIRMED).count() == 1


def test_concurrent_confirm_and_reject(active_placement, participant_user, supervisor):
    entry = log(active_placement, participant_user)
    results = _race(
        lambda confirm: (
            services.hours_confirm(entry=entry, by=supervisor)
            if confirm
            else services.hours_reject(entry=entry, reason="falsch", by=supervisor)
        ),
        [(True,), (False,)],
    )
    assert sorted(kind for kind, _ in results) == ["ok", "refused"]
    assert HourEntryEvent.objects.filter(entry=entry).exclude(action=HourEntryAction.LOGGED).count() == 1


def test_concurrent_logging_cannot_overlap(active_placement, participant_user):
    results = _race(
        lambda start, end: log(active_placement, participant_user, start=start, end=end),
        [("08:00", "12:00"), ("09:00", "13:00")],
    )
    assert sorted(kind for kind, _ in results) == ["ok", "refused"]
    assert HourEntry.objects.count() == 1
