"""ArbZG §5: at least 11 hours of rest between the end of one day's work and the start of the next day's,
checked when hours are recorded or corrected, in both directions (a day can be recorded after the next)."""

import pytest
from django.test import override_settings
from django.utils import translation

from core.exceptions import DomainError
from placements import services
from placements.models import HourEntry

from .conftest import days, log

pytestmark = pytest.mark.django_db


def test_too_little_rest_after_the_day_before_is_refused(active_placement, participant_user):
    log(active_placement, participant_user, day=-4, start="12:00", end="21:30", pause=45)
    with pytest.raises(DomainError, match=r"only 9\.5 hours of rest") as refused:
        log(active_placement, participant_user, day=-3, start="07:00", end="12:00")
    assert refused.value.field == "start_time"
    assert f"on {days(-4):%d.%m.%Y} at 21:30 and the start on {days(-3):%d.%m.%Y} at 07:00" in str(refused.value)
    assert HourEntry.objects.count() == 1


def test_too_little_rest_before_the_day_after_is_refused(active_placement, participant_user):
    log(active_placement, participant_user, day=-3, start="06:30", end="12:00")
    with pytest.raises(DomainError, match="only 10 hours of rest") as refused:
        log(active_placement, participant_user, day=-4, start="14:00", end="20:30", pause=30)
    assert refused.value.field == "end_time"


def test_eleven_hours_exactly_are_enough(active_placement, participant_user):
    log(active_placement, participant_user, day=-4, start="12:00", end="20:00", pause=30)
    log(active_placement, participant_user, day=-3, start="07:00", end="12:00")
    assert HourEntry.objects.count() == 2


def test_rejected_entries_and_days_further_away_do_not_count(active_placement, participant_user, supervisor):
    late = log(active_placement, participant_user, day=-4, start="13:00", end="22:00", pause=30)
    services.hours_reject(entry=late, reason="Falscher Tag", by=supervisor)
    log(active_placement, participant_user, day=-6, start="13:00", end="22:00", pause=30)
    log(active_placement, participant_user, day=-3, start="06:00", end="12:00")
    assert HourEntry.objects.exclude(status="rejected").count() == 2


def test_a_correction_is_held_to_the_rest_rule_too(active_placement, participant_user, staff):
    log(active_placement, participant_user, day=-4, start="08:00", end="14:00")
    entry = log(active_placement, participant_user, day=-3, start="08:00", end="12:00")
    with pytest.raises(DomainError, match="hours of rest"):
        services.hours_correct(
            entry=entry,
            date=days(-5),
            start_time=entry.start_time.replace(hour=14),
            end_time=entry.end_time.replace(hour=23),
            break_minutes=30,
            activity="Elternabend",
            note="Tag verwechselt",
            by=staff,
        )
    entry.refresh_from_db()
    assert entry.date == days(-3)


@override_settings(PLACEMENT_MIN_REST_MINUTES=12 * 60)
def test_rest_is_configurable(active_placement, participant_user):
    log(active_placement, participant_user, day=-4, start="12:00", end="20:00", pause=30)
    with pytest.raises(DomainError, match="at least 12 hours"):
        log(active_placement, participant_user, day=-3, start="07:00", end="12:00")


def test_the_form_shows_the_rest_message_in_german(client, active_placement, participant_user):
    log(active_placement, participant_user, day=-4, start="12:00", end="21:30", pause=45)
    client.force_login(participant_user)
    response = client.post(
        f"/praxis/einsaetze/{active_placement.pk}/stunden/neu/",
        {
            "date": days(-3).strftime("%d.%m.%Y"),
            "start_time": "07:00",
            "end_time": "12:00",
            "break_minutes": "0",
            "activity": "Frühdienst",
        },
        headers={"accept-language": "de"},
    )
    assert response.status_code == 200
    assert "Ruhezeit" in response.content.decode()
    assert HourEntry.objects.count() == 1


def test_hours_in_the_message_are_written_as_the_reader_writes_numbers(active_placement, participant_user):
    log(active_placement, participant_user, day=-4, start="12:00", end="21:30", pause=45)
    with translation.override("de"), pytest.raises(DomainError, match="nur 9,5 Stunden Ruhezeit"):
        log(active_placement, participant_user, day=-3, start="07:00", end="12:00")
