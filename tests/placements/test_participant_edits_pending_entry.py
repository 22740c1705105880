"""A participant fixes their own hour entry while it waits for the supervisor (a mistyped time, the wrong
day); once confirmed or rejected it is history, and only staff correct it."""

import pytest

from core.exceptions import DomainError
from placements import services
from placements.models import HourEntry, HourEntryAction

from .conftest import days, log

pytestmark = pytest.mark.django_db


def _form(day=-2, start="08:00", end="13:00", pause="0", activity="Vorlesen in der Leseecke"):
    return {
        "date": days(day).strftime("%d.%m.%Y"),
        "start_time": start,
        "end_time": end,
        "break_minutes": pause,
        "activity": activity,
    }


def _url(entry):
    return f"/praxis/stunden/{entry.pk}/aendern/"


def test_participant_changes_a_pending_entry_through_the_page(client, active_placement, participant_user):
    entry = log(active_placement, participant_user, day=-3, start="08:00", end="12:00")
    client.force_login(participant_user)
    assert client.get(_url(entry)).status_code == 200
    response = client.post(_url(entry), _form(day=-2, end="13:00"))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.date, entry.work_minutes, entry.status) == (days(-2), 300, "pending")
    event = entry.events.latest("id")
    assert event.action == HourEntryAction.CORRECTED and event.by == participant_user
    assert event.details["before"]["end"] == "12:00" and event.details["after"]["end"] == "13:00"


def test_the_placement_page_offers_the_change_only_for_pending_entries(
    client, active_placement, participant_user, supervisor
):
    pending = log(active_placement, participant_user, day=-3)
    confirmed = log(active_placement, participant_user, day=-4)
    services.hours_confirm(entry=confirmed, by=supervisor)
    client.force_login(participant_user)
    page = client.get(f"/praxis/einsaetze/{active_placement.pk}/").content.decode()
    assert _url(pending) in page
    assert _url(confirmed) not in page


def test_a_decided_entry_cannot_be_changed_by_the_participant(client, active_placement, participant_user, supervisor):
    entry = log(active_placement, participant_user, day=-3)
    services.hours_confirm(entry=entry, by=supervisor)
    client.force_login(participant_user)
    assert client.post(_url(entry), _form()).status_code == 403
    entry.refresh_from_db()
    assert entry.date == days(-3)


def test_a_decision_in_the_meantime_wins(active_placement, participant_user, supervisor):
    """The page was opened while pending; the supervisor confirmed before the participant saved."""
    entry = log(active_placement, participant_user, day=-3)
    stale = HourEntry.objects.get(pk=entry.pk)
    services.hours_confirm(entry=entry, by=supervisor)
    with pytest.raises(DomainError, match="already confirmed"):
        services.hours_edit_pending(
            entry=stale,
            date=days(-2),
            start_time=stale.start_time,
            end_time=stale.end_time,
            break_minutes=0,
            activity="",
            by=participant_user,
        )
    entry.refresh_from_db()
    assert entry.date == days(-3) and entry.status == "confirmed"


def test_the_working_time_rules_still_apply(client, active_placement, participant_user):
    entry = log(active_placement, participant_user, day=-3, start="08:00", end="12:00")
    client.force_login(participant_user)
    response = client.post(_url(entry), _form(day=-3, start="08:00", end="15:00", pause="0"))
    assert response.status_code == 200
    assert "requires a break of at least 30 minutes" in response.content.decode()
    entry.refresh_from_db()
    assert entry.end_time.hour == 12


def test_nobody_else_changes_it_here(
    client, active_placement, participant_user, other_participant_user, supervisor, staff
):
    entry = log(active_placement, participant_user, day=-3)
    for user in (other_participant_user, supervisor, staff):
        client.force_login(user)
        assert client.post(_url(entry), _form()).status_code in (403, 404), user
    entry.refresh_from_db()
    assert entry.date == days(-3)
