"""The supervisor's pending-hours page shows a few people at a time (the one waiting longest first, each with all
their entries); the bulk buttons act on the ticked entries of the shown page, and every decision leads back
to the page the supervisor was on. Other supervisors, staff and participants get nothing of it."""

import pytest

from accounts.models import Role
from placements import selectors, services
from placements.models import HourEntry, HourEntryStatus
from placements.views import PendingEntriesView
from tests.factories import FacilityFactory, UserFactory

from .conftest import complete_prerequisites, days, log, plan_placement

pytestmark = pytest.mark.django_db

PAGE = "/praxis/bestaetigen/"


@pytest.fixture
def one_per_page(monkeypatch):
    monkeypatch.setattr(PendingEntriesView, "people_per_page", 1)


@pytest.fixture
def two_people(active_placement, participant_user, other_participant_user, facility, supervisor, staff):
    """The first person has waited longer (entries of five and four days ago) than the second (three days ago)."""
    second = plan_placement(other_participant_user.participant.enrolments.get(), facility, supervisor, staff)
    complete_prerequisites(second, staff)
    second = services.placement_activate(placement=second, by=staff)
    first_entries = [log(active_placement, participant_user, day=d).pk for d in (-5, -4)]
    second_entries = [log(second, other_participant_user, day=-3).pk]
    return first_entries, second_entries


def shown_entries(html: str) -> set[int]:
    return {pk for pk in HourEntry.objects.values_list("pk", flat=True) if f'id="entry-{pk}"' in html}


def test_groups_are_counted_and_the_longest_waiting_person_comes_first(two_people, active_placement, supervisor):
    groups = selectors.pending_groups_visible_to(supervisor)
    assert [(g["placement_id"], g["count"], g["oldest"]) for g in groups][0] == (active_placement.pk, 2, days(-5))
    assert [g["count"] for g in groups] == [2, 1]


def test_people_waiting_since_the_same_day_come_in_name_order(
    two_people, active_placement, other_participant_user, supervisor
):
    second = other_participant_user.participant.enrolments.get().placements.get()
    log(second, other_participant_user, day=-5)
    for placement, family_name in ((active_placement, "Żurek"), (second, "Aydın")):  # the later placement first
        participant = placement.enrolment.participant
        participant.family_name = family_name
        participant.save()
    groups = selectors.pending_groups_visible_to(supervisor)
    assert [g["placement_id"] for g in groups] == [second.pk, active_placement.pk]


def test_supervisor_pages_through_the_people(client, one_per_page, two_people, supervisor):
    first, second = two_people
    client.force_login(supervisor)
    page = client.get(PAGE).content.decode()
    assert shown_entries(page) == set(first)
    assert "3 entries are waiting." in page  # all of them, not only this page's
    assert "This page shows 2 of them: people 1–1 of 2, oldest entries first." in page
    assert "Select all on this page" in page and 'href="?page=2"' in page and 'aria-current="page"' in page
    page = client.get(PAGE, {"page": 2}).content.decode()
    assert shown_entries(page) == set(second)
    assert f'formaction="/praxis/stunden/{second[0]}/bestaetigen/?page=2"' in page
    assert f'<form id="reject-{second[0]}" method="get" action="/praxis/stunden/{second[0]}/ablehnen/" hidden>' in page
    assert '<input type="hidden" name="page" value="2">' in page
    # A page past the end shows the last one, a page that is not a number the first.
    assert shown_entries(client.get(PAGE, {"page": 9}).content.decode()) == set(second)
    assert shown_entries(client.get(PAGE, {"page": "x"}).content.decode()) == set(first)


def test_pages_are_translated(german_client, one_per_page, two_people, supervisor):
    german_client.force_login(supervisor)
    page = german_client.get(PAGE).content.decode()
    assert "Alle auf dieser Seite auswählen" in page and "Diese Seite zeigt 2 davon" in page
    assert 'aria-label="Seiten der zu bestätigenden Einträge"' in page and "Weiter" in page


def test_one_page_has_no_page_navigation(client, two_people, supervisor):
    client.force_login(supervisor)
    page = client.get(PAGE).content.decode()
    assert shown_entries(page) == set(two_people[0] + two_people[1])
    assert "Select all on this page" not in page and "Select all" in page and "?page=" not in page


def test_bulk_confirm_acts_on_the_ticked_entries_of_the_page_and_comes_back_to_it(
    client, one_per_page, two_people, supervisor
):
    first, second = two_people
    client.force_login(supervisor)
    response = client.post(f"{PAGE}?page=2", {"entry": second, "decision": "confirm"})
    assert response.status_code == 302 and response.url == f"{PAGE}?page=2"
    assert set(HourEntry.objects.filter(status=HourEntryStatus.PENDING).values_list("pk", flat=True)) == set(first)
    # Page 2 is gone now: the last page, the first person, is shown instead.
    assert shown_entries(client.get(response.url).content.decode()) == set(first)


def test_bulk_reject_without_reason_shows_the_same_page_with_the_ticks(client, one_per_page, two_people, supervisor):
    first, second = two_people
    client.force_login(supervisor)
    response = client.post(f"{PAGE}?page=2", {"entry": second, "decision": "reject", "bulk-reason": ""})
    page = response.content.decode()
    assert response.status_code == 200 and "Please give a reason for the rejection." in page
    assert shown_entries(page) == set(second) and f'value="{second[0]}" id="entry-{second[0]}"' in page
    assert f'id="entry-{second[0]}" checked>' in page


def test_single_decisions_come_back_to_the_page(client, one_per_page, two_people, supervisor):
    first, second = two_people
    client.force_login(supervisor)
    response = client.post(f"/praxis/stunden/{first[0]}/bestaetigen/?page=2")
    assert response.status_code == 302 and response.url == f"{PAGE}?page=2"
    reject = f"/praxis/stunden/{first[1]}/ablehnen/?page=2"
    assert f'href="{PAGE}?page=2"' in client.get(reject).content.decode()  # "Cancel"
    response = client.post(reject, {"reason": "Nicht anwesend"})
    assert response.status_code == 302 and response.url == f"{PAGE}?page=2"
    # Only a page number is carried over.
    response = client.post(f"/praxis/stunden/{second[0]}/bestaetigen/?page=//example.org")
    assert response.url == PAGE
    assert HourEntry.objects.filter(status=HourEntryStatus.PENDING).count() == 0


def test_activity_and_names_are_escaped(client, active_placement, participant_user, supervisor):
    log(active_placement, participant_user, activity='<img src=x onerror="alert(1)">')
    client.force_login(supervisor)
    page = client.get(PAGE).content.decode()
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page and "<img src=x" not in page


def test_other_roles_get_none_of_the_pages(client, one_per_page, two_people, staff, participant_user, organisation):
    stranger = UserFactory(username="andere-anleitung", role=Role.SUPERVISOR)
    FacilityFactory(organisation=organisation, name="Kita St. Viktor").supervisors.add(stranger)
    client.force_login(stranger)
    for number in (1, 2):
        page = client.get(PAGE, {"page": number}).content.decode()
        assert not shown_entries(page) and "Nothing is waiting for you." in page
    for user in (staff, participant_user):
        client.force_login(user)
        assert client.get(PAGE, {"page": 2}).status_code == 403
