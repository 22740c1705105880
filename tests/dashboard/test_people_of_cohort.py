"""A cohort's figures page lists its people: by name for the provider's staff, by customer number for a
partner unless the provider switched names on for the cohort (§78 SGB X); what the partner saw is recorded."""

import pytest
from django.urls import reverse

from accounts.models import Role
from courses.models import PartnerAccess
from dashboard.services import figures_rebuild

from ..factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def numbered(world):
    cohort, people, _other = world
    for index, enrolment in enumerate(people):
        enrolment.participant.jobcenter_customer_number = f"123D{index:06d}"
        enrolment.participant.save()
    figures_rebuild()
    return cohort, people


@pytest.fixture
def jobcenter(numbered):
    cohort, _people = numbered
    user = UserFactory(username="jobcenter", role=Role.PARTNER)
    cohort.funding_body.members.add(user)
    return user


def page(client, cohort):
    response = client.get(reverse("dashboard:cohort", args=[cohort.pk]))
    assert response.status_code == 200
    return response


def test_staff_see_the_people_by_name(client, numbered, staff):
    cohort, people = numbered
    client.force_login(staff)
    response = page(client, cohort)
    rows = {row.label: row for row in response.context["people"]}
    first = people[0].participant
    assert set(rows) == {p.participant.full_name for p in people}
    row = rows[first.full_name]
    assert (str(row.attendance_rate), str(row.placement_hours), row.document) == ("100.0", "10.0", "Certificate")
    assert row.outcome_at_six_months != ""


def test_a_partner_sees_customer_numbers_unless_names_are_switched_on(client, numbered, jobcenter):
    cohort, people = numbered
    client.force_login(jobcenter)
    text = page(client, cohort).content.decode()
    assert "123D000000" in text
    assert not any(p.participant.family_name in text for p in people)
    assert PartnerAccess.objects.get().names_shown is False
    cohort.names_visible_to_partners = True
    cohort.save()
    text = page(client, cohort).content.decode()
    assert people[0].participant.full_name in text
    assert PartnerAccess.objects.latest("pk").names_shown is True


def test_other_partners_and_supervisors_are_refused(client, numbered, supervisor):
    cohort, _people = numbered
    stranger = UserFactory(username="borken", role=Role.PARTNER)
    for user in (stranger, supervisor):
        client.force_login(user)
        assert client.get(reverse("dashboard:cohort", args=[cohort.pk])).status_code == 403
