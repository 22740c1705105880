"""The placement form offers only the chosen facility's supervisors (htmx asks the page again when the facility
changes) and tells namesakes apart by their e-mail address."""

import re

import pytest
from django.urls import reverse

from accounts.models import Role
from tests.factories import FacilityFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_facilities(organisation, facility, supervisor, cohort):
    facility.facility_type = cohort.programme.allowed_facility_types[0]
    facility.save()
    other = FacilityFactory(organisation=organisation, facility_type=facility.facility_type)
    namesake_here = UserFactory(
        username="mueller1", first_name="Anna", last_name="Müller", email="a.mueller@kita-a.de", role=Role.SUPERVISOR
    )
    namesake_there = UserFactory(
        username="mueller2", first_name="Anna", last_name="Müller", email="anna.m@kita-b.de", role=Role.SUPERVISOR
    )
    facility.supervisors.add(namesake_here)
    other.supervisors.add(namesake_there)
    return facility, other, namesake_here, namesake_there


def _options(page: str) -> list[str]:
    select = re.search(r'<select name="supervisor".*?</select>', page, re.S).group(0)
    return re.findall(r"<option value=\"\d+\"[^>]*>([^<]*)</option>", select)


def test_supervisors_follow_the_chosen_facility(client, staff, enrolment, two_facilities):
    facility, other, here, there = two_facilities
    client.force_login(staff)
    url = reverse("placements:placement_create", args=[enrolment.pk])
    page = client.get(url).content.decode()
    assert f'hx-get="{url}"' in page and 'hx-select="#id_supervisor"' in page
    assert "Anna Müller (a.mueller@kita-a.de)" in _options(page) and "Anna Müller (anna.m@kita-b.de)" in _options(page)

    # What htmx asks when the facility changes.
    options = _options(client.get(url, {"facility": other.pk}, HTTP_HX_REQUEST="true").content.decode())
    assert options == ["Anna Müller (anna.m@kita-b.de)"]
    options = _options(client.get(url, {"facility": facility.pk}).content.decode())
    assert "Anna Müller (a.mueller@kita-a.de)" in options and "Anna Müller (anna.m@kita-b.de)" not in options

    # A supervisor of another facility is refused by the form itself.
    response = client.post(
        url,
        {
            "facility": facility.pk,
            "supervisor": there.pk,
            "start_date": "01.03.2026",
            "end_date": "30.04.2026",
            "planned_hours": 90,
        },
    )
    assert response.status_code == 200 and not enrolment.placements.exists()


@pytest.mark.parametrize("role", ["other_staff", "supervisor", "participant_user"])
def test_other_roles_get_no_form(client, request, enrolment, two_facilities, role):
    client.force_login(request.getfixturevalue(role))
    response = client.get(reverse("placements:placement_create", args=[enrolment.pk]), {"facility": 1})
    assert response.status_code in (403, 404)
