"""Placing an enrolled participant at a facility with a named supervisor."""

import pytest

from accounts.models import Role
from core.exceptions import DomainError
from courses import services as course_services
from placements import services
from placements.models import Placement
from tests.factories import FacilityFactory, UserFactory

from .conftest import days

pytestmark = pytest.mark.django_db


def _create(enrolment, facility, supervisor, staff, **overrides):
    fields = {"start_date": days(-30), "end_date": days(20), "planned_hours": 90, **overrides}
    return services.placement_create(enrolment=enrolment, facility=facility, supervisor=supervisor, by=staff, **fields)


def test_staff_places_a_participant(enrolment, facility, supervisor, staff):
    placement = _create(enrolment, facility, supervisor, staff)
    assert placement.status == "planned" and placement.created_by == staff


def test_facility_type_must_be_allowed_by_the_programme(enrolment, organisation, staff):
    programme = enrolment.cohort.programme
    programme.allowed_facility_types = ["kita"]
    programme.save()
    ogs = FacilityFactory(organisation=organisation, facility_type="ogs", name="OGS Paul-Gerhardt-Schule")
    person = UserFactory(username="ogs-anleitung", role=Role.SUPERVISOR)
    ogs.supervisors.add(person)
    with pytest.raises(DomainError, match="does not allow placements at a facility of type OGS"):
        _create(enrolment, ogs, person, staff)


def test_supervisor_must_belong_to_the_facility(enrolment, facility, staff):
    stranger = UserFactory(username="fremd", role=Role.SUPERVISOR)
    with pytest.raises(DomainError, match="one of the facility's supervisors"):
        _create(enrolment, facility, stranger, staff)


def test_facility_of_another_organisation_is_refused(enrolment, other_organisation, supervisor, staff):
    foreign = FacilityFactory(organisation=other_organisation)
    foreign.supervisors.add(supervisor)
    with pytest.raises(DomainError, match="not a partner"):
        _create(enrolment, foreign, supervisor, staff)


def test_dates_must_lie_within_the_cohort(enrolment, facility, supervisor, staff):
    with pytest.raises(DomainError, match="within the cohort's period"):
        _create(enrolment, facility, supervisor, staff, end_date=days(400))
    with pytest.raises(DomainError, match="end date must not be before"):
        _create(enrolment, facility, supervisor, staff, start_date=days(5), end_date=days(1))


def test_two_overlapping_placements_are_refused(enrolment, facility, supervisor, staff):
    _create(enrolment, facility, supervisor, staff)
    with pytest.raises(DomainError, match="already has a placement"):
        _create(enrolment, facility, supervisor, staff, start_date=days(0), end_date=days(30))
    assert Placement.objects.count() == 1


def test_withdrawn_participant_cannot_be_placed(enrolment, facility, supervisor, staff):
    course_services.enrolment_withdraw(enrolment=enrolment, on=days(-1), reason="Umzug", by=staff)
    with pytest.raises(DomainError, match="withdrawn"):
        _create(enrolment, facility, supervisor, staff)


def test_placement_form_by_staff(client, enrolment, facility, supervisor, staff):
    client.force_login(staff)
    response = client.post(
        f"/praxis/teilnahmen/{enrolment.pk}/einsatz/neu/",
        {
            "facility": facility.pk,
            "supervisor": supervisor.pk,
            "start_date": days(-30).strftime("%d.%m.%Y"),
            "end_date": days(20).strftime("%d.%m.%Y"),
            "planned_hours": 90,
        },
    )
    assert response.status_code == 302
    assert Placement.objects.filter(enrolment=enrolment).exists()


def test_placement_form_refused_for_other_roles(client, enrolment, facility, supervisor, other_staff, participant_user):
    for user in (other_staff, supervisor, participant_user):
        client.force_login(user)
        response = client.post(
            f"/praxis/teilnahmen/{enrolment.pk}/einsatz/neu/",
            {
                "facility": facility.pk,
                "supervisor": supervisor.pk,
                "start_date": days(-30).strftime("%d.%m.%Y"),
                "end_date": days(20).strftime("%d.%m.%Y"),
                "planned_hours": 90,
            },
        )
        assert response.status_code == 403
    assert not Placement.objects.exists()
