"""Supervisors confirm or reject entries of their own facilities; every decision is kept with who and when."""

import datetime

import pytest
from django.core import mail

from accounts.models import Role
from core.exceptions import DomainError
from placements import services
from placements.models import HourEntry, HourEntryAction, HourEntryEvent, HourEntryStatus
from tests.factories import FacilityFactory, UserFactory

from .conftest import days, log

pytestmark = pytest.mark.django_db


@pytest.fixture
def stranger(organisation):
    """A supervisor of another facility of the same provider."""
    user = UserFactory(username="andere-anleitung", role=Role.SUPERVISOR)
    FacilityFactory(organisation=organisation, name="Kita St. Viktor").supervisors.add(user)
    return user


def test_supervisor_confirms_and_the_entry_is_locked(active_placement, participant_user, supervisor):
    entry = services.hours_confirm(entry=log(active_placement, participant_user), by=supervisor)
    assert entry.status == HourEntryStatus.CONFIRMED and entry.is_locked
    assert entry.decided_by == supervisor and entry.decided_at
    assert entry.events.filter(action=HourEntryAction.CONFIRMED, by=supervisor).count() == 1
    with pytest.raises(DomainError, match="already confirmed by"):
        services.hours_confirm(entry=entry, by=supervisor)
    with pytest.raises(DomainError, match="already confirmed by"):
        services.hours_reject(entry=entry, reason="doch nicht", by=supervisor)


def test_reject_needs_a_reason_and_is_kept(active_placement, participant_user, supervisor):
    entry = log(active_placement, participant_user)
    with pytest.raises(DomainError, match="reason"):
        services.hours_reject(entry=entry, reason="  ", by=supervisor)
    entry = services.hours_reject(entry=entry, reason="An dem Tag war die Kita geschlossen.", by=supervisor)
    assert entry.status == HourEntryStatus.REJECTED
    event = entry.events.get(action=HourEntryAction.REJECTED)
    assert event.note == "An dem Tag war die Kita geschlossen." and event.by == supervisor


def test_supervisor_of_another_facility_cannot_decide(active_placement, participant_user, stranger):
    entry = log(active_placement, participant_user)
    with pytest.raises(DomainError):
        services.hours_confirm(entry=entry, by=stranger)
    with pytest.raises(DomainError):
        services.hours_decide_many(entry_ids=[entry.pk], confirm=True, by=stranger)
    entry.refresh_from_db()
    assert entry.status == HourEntryStatus.PENDING


def test_staff_and_participant_cannot_confirm(active_placement, participant_user, staff):
    entry = log(active_placement, participant_user)
    for user in (staff, participant_user):
        with pytest.raises(DomainError):
            services.hours_confirm(entry=entry, by=user)


def test_bulk_confirm_skips_and_names_entries_already_decided(active_placement, participant_user, supervisor):
    first = log(active_placement, participant_user, day=-5)
    second = log(active_placement, participant_user, day=-4)
    third = log(active_placement, participant_user, day=-3)
    services.hours_confirm(entry=first, by=supervisor)
    done, skipped = services.hours_decide_many(entry_ids=[first.pk, second.pk, third.pk], confirm=True, by=supervisor)
    assert done == 2 and len(skipped) == 1 and "already confirmed" in skipped[0]
    assert HourEntry.objects.filter(status=HourEntryStatus.CONFIRMED).count() == 3
    assert HourEntryEvent.objects.filter(action=HourEntryAction.CONFIRMED).count() == 3


def test_bulk_reject_with_one_reason(active_placement, participant_user, supervisor):
    ids = [log(active_placement, participant_user, day=d).pk for d in (-5, -4)]
    with pytest.raises(DomainError, match="reason"):
        services.hours_decide_many(entry_ids=ids, confirm=False, reason="", by=supervisor)
    done, _ = services.hours_decide_many(entry_ids=ids, confirm=False, reason="Bitte mit Pausen", by=supervisor)
    assert done == 2
    assert set(HourEntry.objects.values_list("rejection_reason", flat=True)) == {"Bitte mit Pausen"}


def test_staff_correct_a_confirmed_entry_and_the_history_keeps_both(
    active_placement, participant_user, supervisor, staff
):
    entry = services.hours_confirm(
        entry=log(active_placement, participant_user, start="08:00", end="12:00"), by=supervisor
    )
    with pytest.raises(DomainError, match="why"):
        services.hours_correct(
            entry=entry,
            date=entry.date,
            start_time=datetime.time(8),
            end_time=datetime.time(13),
            break_minutes=0,
            activity="",
            note="",
            by=staff,
        )
    entry = services.hours_correct(
        entry=entry,
        date=entry.date,
        start_time=datetime.time(8),
        end_time=datetime.time(13),
        break_minutes=0,
        activity="Begleitung beim Mittagessen",
        note="Laut Dienstplan bis 13 Uhr",
        by=staff,
    )
    assert entry.work_minutes == 300 and entry.status == HourEntryStatus.CONFIRMED
    event = entry.events.get(action=HourEntryAction.CORRECTED)
    assert event.by == staff and event.details["before"]["end"] == "12:00" and event.details["after"]["end"] == "13:00"
    assert [e.action for e in entry.events.all()] == ["logged", "confirmed", "corrected"]


def test_correction_obeys_the_same_rules(active_placement, participant_user, staff):
    entry = log(active_placement, participant_user, start="08:00", end="12:00")
    with pytest.raises(DomainError, match="future date"):
        services.hours_correct(
            entry=entry,
            date=days(1),
            start_time=datetime.time(8),
            end_time=datetime.time(12),
            break_minutes=0,
            activity="",
            note="Datum",
            by=staff,
        )


def test_confirmed_entry_cannot_be_corrected_by_participant_or_supervisor(
    client, active_placement, participant_user, supervisor
):
    entry = services.hours_confirm(entry=log(active_placement, participant_user), by=supervisor)
    for user in (participant_user, supervisor):
        client.force_login(user)
        response = client.post(
            f"/praxis/stunden/{entry.pk}/korrigieren/",
            {
                "date": entry.date.strftime("%d.%m.%Y"),
                "start_time": "07:00",
                "end_time": "12:00",
                "break_minutes": 0,
                "note": "x",
            },
        )
        assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.start_time == datetime.time(8)


def test_rejection_emails_the_participant(
    active_placement, participant_user, supervisor, django_capture_on_commit_callbacks
):
    participant = active_placement.enrolment.participant
    participant.email = "lan@example.org"
    participant.save()
    entry = log(active_placement, participant_user)
    with django_capture_on_commit_callbacks(execute=True):
        services.hours_reject(entry=entry, reason="Bitte Pause eintragen", by=supervisor)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lan@example.org"]
    assert "Bitte Pause eintragen" in message.body
    assert f"/praxis/einsaetze/{active_placement.pk}/" in message.body


def test_pending_page_bulk_confirm_on_the_phone(client, active_placement, participant_user, supervisor):
    ids = [log(active_placement, participant_user, day=d).pk for d in (-5, -4, -3)]
    client.force_login(supervisor)
    page = client.get("/praxis/bestaetigen/").content.decode()
    assert 'name="entry"' in page and 'name="viewport"' in page
    response = client.post("/praxis/bestaetigen/", {"entry": ids[:2], "decision": "confirm"})
    assert response.status_code == 302
    assert HourEntry.objects.filter(status=HourEntryStatus.CONFIRMED).count() == 2


def test_pending_page_bulk_reject_without_reason_says_so(client, active_placement, participant_user, supervisor):
    entry = log(active_placement, participant_user)
    client.force_login(supervisor)
    response = client.post("/praxis/bestaetigen/", {"entry": [entry.pk], "decision": "reject", "bulk-reason": ""})
    assert response.status_code == 200
    assert "Please give a reason for the rejection." in response.content.decode()
    entry.refresh_from_db()
    assert entry.status == HourEntryStatus.PENDING


def test_single_confirm_and_reject_pages(client, active_placement, participant_user, supervisor):
    first = log(active_placement, participant_user, day=-5)
    second = log(active_placement, participant_user, day=-4)
    client.force_login(supervisor)
    assert client.post(f"/praxis/stunden/{first.pk}/bestaetigen/").status_code == 302
    assert client.post(f"/praxis/stunden/{second.pk}/ablehnen/", {"reason": "Nicht anwesend"}).status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == HourEntryStatus.CONFIRMED and second.status == HourEntryStatus.REJECTED
