"""The intake profile (staff or the participant themself), employers from the placement facilities."""

import pytest
from django.urls import reverse

from outcomes.models import Employer, IntakeProfile
from tests.factories import FacilityFactory

pytestmark = pytest.mark.django_db


def test_the_participant_edits_their_own_profile(client, participant_user, enrolment):
    client.force_login(participant_user)
    response = client.post(
        reverse("outcomes:intake_edit", args=[enrolment.participant_id]),
        {"german_level": "B1", "german_test_date": "12.05.2026", "hours_per_week": "25", "towns_without_car": "Dülmen"},
    )
    assert response.status_code == 302
    profile = IntakeProfile.objects.get()
    assert (profile.german_level, profile.hours_per_week, profile.updated_by) == ("B1", 25, participant_user)


def test_nobody_else_edits_it(client, other_participant_user, other_staff, supervisor, enrolment):
    for user in (other_participant_user, other_staff, supervisor):
        client.force_login(user)
        response = client.post(reverse("outcomes:intake_edit", args=[enrolment.participant_id]), {"german_level": "A1"})
        assert response.status_code in (403, 404)
    assert not IntakeProfile.objects.exists()


def test_too_many_hours_are_refused_with_a_message(client, staff, enrolment):
    client.force_login(staff)
    response = client.post(reverse("outcomes:intake_edit", args=[enrolment.participant_id]), {"hours_per_week": "99"})
    assert response.status_code == 200 and "60" in response.content.decode()
    assert not IntakeProfile.objects.exists()


def test_employers_come_from_the_placement_facilities_once(client, staff, organisation):
    FacilityFactory(organisation=organisation, name="Kita Regenbogen", provider="Stadt Dülmen")
    FacilityFactory(
        organisation=organisation, name="OGS Kardinal-von-Galen", provider="Stadt Dülmen", facility_type="ogs"
    )
    FacilityFactory(organisation=organisation, name="Kita Arche Noah")
    client.force_login(staff)
    client.post(reverse("outcomes:employer_import"))
    client.post(reverse("outcomes:employer_import"))
    names = sorted(Employer.objects.values_list("name", flat=True))
    assert names == ["Kita Arche Noah", "Stadt Dülmen"]
    assert Employer.objects.get(name="Stadt Dülmen").facilities.count() == 2


def test_other_staff_do_not_see_the_employers(client, other_staff, employer):
    client.force_login(other_staff)
    assert employer.name not in client.get(reverse("outcomes:employer_list")).content.decode()
    assert client.get(reverse("outcomes:employer_edit", args=[employer.pk])).status_code in (403, 404)
    client.post(reverse("outcomes:employer_import"))
    assert Employer.objects.count() == 1


def test_staff_add_a_facility_to_an_employer(client, staff, employer):
    client.force_login(staff)
    client.post(
        reverse("outcomes:employer_facility_add", args=[employer.pk]),
        {"facility-name": "OGS Lindenschule", "facility-facility_type": "ogs"},
    )
    assert list(employer.facilities.values_list("name", "facility_type")) == [("OGS Lindenschule", "ogs")]
