"""Recording a day's work: the rules of the working-time law, the placement period and no overlaps."""

import datetime

import pytest
from django.test import override_settings

from core.exceptions import DomainError
from placements.models import HourEntry, HourEntryAction

from .conftest import days, log

pytestmark = pytest.mark.django_db


def test_participant_records_a_day(active_placement, participant_user):
    entry = log(active_placement, participant_user, start="08:00", end="12:30", pause=0)
    assert entry.work_minutes == 270 and entry.status == "pending"
    event = entry.events.get()
    assert event.action == HourEntryAction.LOGGED and event.by == participant_user


def test_not_before_the_placement_has_started(placement, participant_user):
    with pytest.raises(DomainError, match="once the placement has started"):
        log(placement, participant_user)


def test_only_within_the_placement_period(active_placement, participant_user):
    with pytest.raises(DomainError, match="within the placement period"):
        log(active_placement, participant_user, day=-31)


def test_never_in_the_future(active_placement, participant_user):
    with pytest.raises(DomainError, match="future date"):
        log(active_placement, participant_user, day=1)


def test_end_time_today_not_in_the_future(active_placement, participant_user):
    with pytest.raises(DomainError, match="end time is still in the future"):
        log(active_placement, participant_user, day=0, start="00:00", end="23:59")


def test_end_after_start_and_break_shorter_than_the_time(active_placement, participant_user):
    with pytest.raises(DomainError, match="end time must be after"):
        log(active_placement, participant_user, start="12:00", end="08:00")
    with pytest.raises(DomainError, match="break must be shorter"):
        log(active_placement, participant_user, start="08:00", end="08:30", pause=30)


def test_at_most_ten_hours_of_work_a_day(active_placement, participant_user):
    log(active_placement, participant_user, start="06:00", end="12:00")
    with pytest.raises(DomainError, match="at most 10 hours a day"):
        log(active_placement, participant_user, start="13:00", end="18:00", pause=15)
    assert HourEntry.objects.count() == 1


def test_ten_hours_exactly_is_allowed(active_placement, participant_user):
    entry = log(active_placement, participant_user, start="07:00", end="17:45", pause=45)
    assert entry.work_minutes == 600


def test_over_six_hours_needs_thirty_minutes_break(active_placement, participant_user):
    with pytest.raises(DomainError, match="break of at least 30 minutes"):
        log(active_placement, participant_user, start="08:00", end="14:20", pause=15)
    assert log(active_placement, participant_user, start="08:00", end="14:30", pause=30).work_minutes == 360


def test_exactly_six_hours_needs_no_break(active_placement, participant_user):
    assert log(active_placement, participant_user, start="08:00", end="14:00").work_minutes == 360


def test_over_nine_hours_needs_forty_five_minutes_break(active_placement, participant_user):
    with pytest.raises(DomainError, match="break of at least 45 minutes"):
        log(active_placement, participant_user, start="07:00", end="16:40", pause=30)


def test_a_gap_between_two_entries_counts_as_break(active_placement, participant_user):
    log(active_placement, participant_user, start="08:00", end="12:00")
    entry = log(active_placement, participant_user, start="12:30", end="15:30")
    assert entry.work_minutes == 180


def test_break_rules_look_at_the_whole_day(active_placement, participant_user):
    log(active_placement, participant_user, start="08:00", end="12:00")
    with pytest.raises(DomainError, match="break of at least 30 minutes"):
        log(active_placement, participant_user, start="12:10", end="15:10")


def test_no_two_entries_for_the_same_time(active_placement, participant_user):
    log(active_placement, participant_user, start="08:00", end="12:00")
    with pytest.raises(DomainError, match=r"overlaps with another entry .* \(08:00–12:00\)"):
        log(active_placement, participant_user, start="11:00", end="13:00")


def test_touching_entries_do_not_overlap(active_placement, participant_user):
    log(active_placement, participant_user, start="08:00", end="10:00")
    log(active_placement, participant_user, start="10:00", end="11:00")
    entries = HourEntry.objects.filter(placement=active_placement).order_by("start_time")
    assert [(e.start_time.strftime("%H:%M"), e.end_time.strftime("%H:%M"), e.status) for e in entries] == [
        ("08:00", "10:00", "pending"),
        ("10:00", "11:00", "pending"),
    ]


def test_rejected_entries_do_not_block_a_new_one(active_placement, participant_user, supervisor):
    from placements import services

    entry = log(active_placement, participant_user, start="08:00", end="12:00")
    services.hours_reject(entry=entry, reason="Falsche Uhrzeit", by=supervisor)
    again = log(active_placement, participant_user, start="08:30", end="12:00")
    assert again.pk != entry.pk and again.status == "pending" and again.work_minutes == 210
    statuses = HourEntry.objects.filter(placement=active_placement).order_by("pk").values_list("status", flat=True)
    assert list(statuses) == ["rejected", "pending"]


@override_settings(PLACEMENT_MAX_WORK_MINUTES_PER_DAY=480)
def test_daily_limit_is_configurable(active_placement, participant_user):
    with pytest.raises(DomainError, match="at most 8 hours a day"):
        log(active_placement, participant_user, start="07:00", end="16:00", pause=45)


def test_form_shows_the_rule_message(client, active_placement, participant_user):
    client.force_login(participant_user)
    response = client.post(
        f"/praxis/einsaetze/{active_placement.pk}/stunden/neu/",
        {
            "date": days(-2).strftime("%d.%m.%Y"),
            "start_time": "08:00",
            "end_time": "15:00",
            "break_minutes": "0",
            "activity": "Begleitung",
        },
    )
    assert response.status_code == 200
    assert "requires a break of at least 30 minutes" in response.content.decode()
    assert not HourEntry.objects.exists()


def test_participant_logs_through_the_page(client, active_placement, participant_user):
    client.force_login(participant_user)
    response = client.post(
        f"/praxis/einsaetze/{active_placement.pk}/stunden/neu/",
        {
            "date": days(-2).strftime("%d.%m.%Y"),
            "start_time": "08:00",
            "end_time": "12:00",
            "break_minutes": "0",
            "activity": "Vorlesen in der Leseecke",
        },
    )
    assert response.status_code == 302
    entry = HourEntry.objects.get()
    assert entry.created_by == participant_user and entry.start_time == datetime.time(8)


def test_staff_logs_on_behalf_of_the_participant(client, active_placement, staff):
    client.force_login(staff)
    response = client.post(
        f"/praxis/einsaetze/{active_placement.pk}/stunden/neu/",
        {"date": days(-2).strftime("%d.%m.%Y"), "start_time": "08:00", "end_time": "12:00", "break_minutes": "0"},
    )
    assert response.status_code == 302
    assert HourEntry.objects.get().created_by == staff


def test_other_participant_and_supervisor_cannot_log(client, active_placement, other_participant_user, supervisor):
    for user in (other_participant_user, supervisor):
        client.force_login(user)
        response = client.post(
            f"/praxis/einsaetze/{active_placement.pk}/stunden/neu/",
            {"date": days(-2).strftime("%d.%m.%Y"), "start_time": "08:00", "end_time": "12:00", "break_minutes": "0"},
        )
        assert response.status_code == 403
    assert not HourEntry.objects.exists()
