"""The digest's signed link: a supervisor decides one placement's waiting entries on a phone without logging in.
Only the entries it was sent for, until it expires, is used up, or the supervisor leaves the facility."""

import pytest
from django.core import signing
from django.test import Client

from notifications.links import link_path, make_token
from placements import services
from placements.models import HourEntryAction, HourEntryEvent, HourEntryStatus
from tests.placements.conftest import log

pytestmark = pytest.mark.django_db


@pytest.fixture
def phone():
    return Client(headers={"accept-language": "en", "user-agent": "Mozilla/5.0 (iPhone)"})


def path_for(supervisor, placement, entries):
    return link_path(supervisor_id=supervisor.pk, placement_id=placement.pk, entry_ids=[e.pk for e in entries])


def test_shows_only_the_links_entries_and_confirms_without_login(phone, active_placement, participant_user, supervisor):
    first, second = log(active_placement, participant_user, day=-4), log(active_placement, participant_user, day=-3)
    later = log(active_placement, participant_user, day=-2)  # logged after the digest: not in this link
    url = path_for(supervisor, active_placement, [first, second])
    page = phone.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert f'value="{first.pk}"' in html and f'value="{second.pk}"' in html
    assert f'value="{later.pk}"' not in html
    assert page["Cache-Control"].startswith("no-store") or "no-store" in page["Cache-Control"]
    response = phone.post(url, {"entry": first.pk, "decision": "confirm"}, follow=True)
    assert "The entry was confirmed." in response.content.decode()
    first.refresh_from_db()
    assert first.status == HourEntryStatus.CONFIRMED
    assert first.decided_by == supervisor
    event = HourEntryEvent.objects.get(entry=first, action=HourEntryAction.CONFIRMED)
    assert event.by == supervisor and event.via_link


def test_an_entry_outside_the_link_cannot_be_decided(phone, active_placement, participant_user, supervisor):
    inside, outside = log(active_placement, participant_user, day=-4), log(active_placement, participant_user, day=-3)
    url = path_for(supervisor, active_placement, [inside])
    phone.post(url, {"entry": outside.pk, "decision": "confirm"})
    outside.refresh_from_db()
    assert outside.status == HourEntryStatus.PENDING


def test_reject_needs_a_reason_and_is_recorded_via_link(phone, active_placement, participant_user, supervisor):
    entry = log(active_placement, participant_user)
    url = path_for(supervisor, active_placement, [entry])
    response = phone.post(url, {"entry": entry.pk, "decision": "reject", "reason": ""}, follow=True)
    assert "Please give a reason for the rejection." in response.content.decode()
    phone.post(url, {"entry": entry.pk, "decision": "reject", "reason": "Falscher Tag"})
    entry.refresh_from_db()
    assert entry.status == HourEntryStatus.REJECTED
    assert HourEntryEvent.objects.get(entry=entry, action=HourEntryAction.REJECTED).via_link


def test_link_stops_once_all_its_entries_are_decided(phone, active_placement, participant_user, supervisor):
    entry = log(active_placement, participant_user)
    url = path_for(supervisor, active_placement, [entry])
    services.hours_confirm(entry=entry, by=supervisor)  # decided in the app meanwhile
    response = phone.get(url)
    assert response.status_code == 410
    assert "All entries of this link have been decided." in response.content.decode()


def test_link_expires(phone, active_placement, participant_user, supervisor, settings, monkeypatch):
    entry = log(active_placement, participant_user)
    url = path_for(supervisor, active_placement, [entry])
    settings.SUPERVISOR_LINK_MAX_AGE_DAYS = 14
    real_time = signing.time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() + 15 * 86400)
    response = phone.get(url)
    assert response.status_code == 410
    assert "This link has expired." in response.content.decode()
    phone.post(url, {"entry": entry.pk, "decision": "confirm"})
    entry.refresh_from_db()
    assert entry.status == HourEntryStatus.PENDING


def test_link_stops_when_the_supervisor_leaves_the_facility(
    phone, active_placement, participant_user, supervisor, staff
):
    entry = log(active_placement, participant_user)
    url = path_for(supervisor, active_placement, [entry])
    active_placement.facility.supervisors.remove(supervisor)
    assert phone.get(url).status_code == 410
    phone.post(url, {"entry": entry.pk, "decision": "confirm"})
    entry.refresh_from_db()
    assert entry.status == HourEntryStatus.PENDING


def test_a_tampered_link_is_refused(phone, active_placement, participant_user, supervisor):
    entry = log(active_placement, participant_user)
    token = make_token(supervisor_id=supervisor.pk, placement_id=active_placement.pk, entry_ids=[entry.pk])
    response = phone.get(f"/benachrichtigungen/anleitung/{token[:-2]}xx/")
    assert response.status_code == 410
    assert "This link is not valid." in response.content.decode()
