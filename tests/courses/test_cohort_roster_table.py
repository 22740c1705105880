"""The cohort page's roster: 25 people per page in roster order, sortable by name both ways, with a withdraw
button only for staff of the cohort's organisation; sorting it leaves the page's other sections in roster
order (they share the same list of people)."""

import pytest
from django.urls import reverse

from tests.factories import EnrolmentFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

FAMILY_NAMES = ["Łukasiewicz", "Åberg", "Yılmaz", "Nguyễn", "Öztürk", "Becker"]


def _enrol(cohort, count):
    people = []
    for index in range(count):
        family = FAMILY_NAMES[index % len(FAMILY_NAMES)]
        participant = ParticipantFactory(
            organisation=cohort.site.organisation, given_name=f"Person{index:02d}", family_name=family
        )
        people.append(EnrolmentFactory(cohort=cohort, participant=participant))
    return people


def _roster_names(page: str) -> list[str]:
    roster = page.split('id="roster-heading"', 1)[1]
    return [part.split("</a>", 1)[0].split(">")[-1] for part in roster.split('href="/teilnehmende/')[1:]]


def test_roster_pages_and_sorts_without_reordering_the_other_sections(client, staff, cohort):
    _enrol(cohort, 30)
    client.force_login(staff)

    first = client.get(reverse("courses:cohort_detail", args=[cohort.pk])).content.decode()
    descending = client.get(reverse("courses:cohort_detail", args=[cohort.pk]) + "?sort=-name").content.decode()

    ascending_names = _roster_names(first)
    assert len(ascending_names) == 25
    assert ascending_names == sorted(ascending_names, key=lambda name: name.replace("Å", "A").replace("Ł", "L"))
    assert _roster_names(descending)[0] != ascending_names[0]
    placements = descending.split('id="placements-heading"', 1)[1]
    # The placements section beside it still starts with the first person in roster order.
    assert placements.index(ascending_names[0]) < placements.index(_roster_names(descending)[0])


def test_withdraw_buttons_only_for_own_staff(client, staff, other_staff, cohort):
    _enrol(cohort, 2)
    client.force_login(staff)
    assert "Withdraw" in client.get(reverse("courses:cohort_detail", args=[cohort.pk])).content.decode()
    client.force_login(other_staff)
    assert client.get(reverse("courses:cohort_detail", args=[cohort.pk])).status_code == 403
