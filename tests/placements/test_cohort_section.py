"""The placements section of the cohort page: 25 people per page, paged apart from the roster."""

import pytest

from tests.factories import EnrolmentFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


def _section(page: str) -> str:
    return page.split('id="placements-heading"')[1].split("</section>")[0]


def test_placements_are_paged_apart_from_the_roster(client, staff, cohort):
    for _ in range(30):
        EnrolmentFactory(cohort=cohort, participant=ParticipantFactory(organisation=cohort.site.organisation))
    client.force_login(staff)

    first = _section(client.get(f"/kohorten/{cohort.pk}/").content.decode())
    second = _section(client.get(f"/kohorten/{cohort.pk}/?placements-page=2").content.decode())

    assert first.count("<tr") == 26  # the header and 25 people
    assert "placements-page=2" in first
    assert 1 < second.count("<tr") < 26


@pytest.mark.parametrize("role", ["supervisor", "participant_user", "other_staff"])
def test_others_do_not_see_the_section(client, request, cohort, role):
    client.force_login(request.getfixturevalue(role))
    response = client.get(f"/kohorten/{cohort.pk}/")
    assert response.status_code == 403 or 'id="placements-heading"' not in response.content.decode()
