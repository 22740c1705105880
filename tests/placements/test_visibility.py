"""Refused roles: a supervisor of another facility sees nothing; a participant sees only their own placement."""

import pytest

from accounts.models import Role
from placements import selectors
from placements.models import HourEntryStatus
from tests.factories import EnrolmentFactory, FacilityFactory, ParticipantFactory, UserFactory

from .conftest import log, plan_placement

pytestmark = pytest.mark.django_db


@pytest.fixture
def stranger(organisation):
    user = UserFactory(username="andere-anleitung", role=Role.SUPERVISOR)
    FacilityFactory(organisation=organisation, name="Kita St. Viktor").supervisors.add(user)
    return user


def test_supervisor_of_another_facility_sees_nothing(client, active_placement, participant_user, stranger):
    entry = log(active_placement, participant_user)
    assert not selectors.pending_entries_visible_to(stranger).exists()
    assert not selectors.placements_visible_to(stranger).exists()
    client.force_login(stranger)
    page = client.get("/praxis/bestaetigen/").content.decode()
    assert active_placement.enrolment.participant.full_name not in page
    assert client.get(f"/praxis/einsaetze/{active_placement.pk}/").status_code == 403
    assert client.post(f"/praxis/stunden/{entry.pk}/bestaetigen/").status_code == 403
    assert client.post(f"/praxis/stunden/{entry.pk}/ablehnen/", {"reason": "x"}).status_code == 403
    # A forged bulk post with someone else's entry changes nothing.
    client.post("/praxis/bestaetigen/", {"entry": [entry.pk], "decision": "confirm"})
    entry.refresh_from_db()
    assert entry.status == HourEntryStatus.PENDING


def test_supervisor_sees_the_pending_entries_of_their_facility(client, active_placement, participant_user, supervisor):
    log(active_placement, participant_user)
    assert selectors.pending_entries_visible_to(supervisor).count() == 1
    client.force_login(supervisor)
    assert active_placement.enrolment.participant.full_name in client.get("/praxis/bestaetigen/").content.decode()


def test_participant_sees_only_their_own_placement(
    client, active_placement, participant_user, other_participant_user, facility, supervisor, staff
):
    other_enrolment = other_participant_user.participant.enrolments.get()
    other = plan_placement(other_enrolment, facility, supervisor, staff)
    assert list(selectors.placements_visible_to(participant_user)) == [active_placement]
    client.force_login(participant_user)
    assert client.get(f"/praxis/einsaetze/{active_placement.pk}/").status_code == 200
    assert client.get(f"/praxis/einsaetze/{other.pk}/").status_code == 403
    assert client.get(f"/praxis/einsaetze/{other.pk}/stunden/neu/").status_code == 403
    assert client.get("/praxis/bestaetigen/").status_code == 403


def test_staff_of_another_organisation_sees_nothing(client, active_placement, other_staff):
    assert not selectors.placements_visible_to(other_staff).exists()
    client.force_login(other_staff)
    assert client.get(f"/praxis/einsaetze/{active_placement.pk}/").status_code == 403
    assert active_placement.facility.name not in client.get("/praxis/einrichtungen/").content.decode()


def test_supervisor_does_not_see_the_conduct_facts(client, active_placement, supervisor):
    client.force_login(supervisor)
    assert client.get(f"/praxis/einsaetze/{active_placement.pk}/voraussetzungen/").status_code == 403


def test_start_pages_show_each_role_its_part(client, active_placement, participant_user, supervisor, staff, cohort):
    log(active_placement, participant_user)
    blocked_enrolment = EnrolmentFactory(
        cohort=cohort, participant=ParticipantFactory(organisation=cohort.site.organisation)
    )
    plan_placement(blocked_enrolment, active_placement.facility, supervisor, staff)
    client.force_login(participant_user)
    page = client.get("/").content.decode()
    assert "Your placement" in page and f"/praxis/einsaetze/{active_placement.pk}/stunden/neu/" in page
    client.force_login(supervisor)
    page = client.get("/").content.decode()
    assert "Hours to confirm" in page and "/praxis/bestaetigen/" in page
    client.force_login(staff)
    page = client.get("/").content.decode()
    assert "Placements needing attention" in page and blocked_enrolment.participant.full_name in page


def test_cohort_page_shows_progress_per_participant(client, active_placement, participant_user, staff, cohort):
    log(active_placement, participant_user)
    client.force_login(staff)
    page = client.get(f"/kohorten/{cohort.pk}/").content.decode()
    assert 'id="placements-heading"' in page and "progress-stacked" in page


def test_participant_without_placement_sees_no_panel(client, participant_user):
    client.force_login(participant_user)
    assert "Your placement" not in client.get("/").content.decode()
