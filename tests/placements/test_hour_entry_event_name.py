"""An hour entry's history event is named by its moment in Berlin time (CET and CEST), not in stored UTC."""

import datetime

import pytest

from placements.models import HourEntryAction, HourEntryEvent


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        (datetime.datetime(2026, 12, 3, 23, 30, tzinfo=datetime.UTC), "04.12.2026 00:30"),  # CET, next day
        (datetime.datetime(2026, 7, 1, 10, 0, tzinfo=datetime.UTC), "01.07.2026 12:00"),  # CEST
    ],
)
def test_hour_entry_event_name_shows_berlin_time(moment, shown):
    event = HourEntryEvent(action=HourEntryAction.CONFIRMED, at=moment)
    assert str(event).endswith(shown)
