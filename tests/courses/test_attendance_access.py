"""The teaching pages by role, walked on their own (the project-wide walk in tests/test_url_access.py covers
them too): staff of the organisation get in; other staff, supervisors and participants are refused, except a
participant's own attendance page."""

import types

import pytest
from django.urls import reverse

from accounts.models import Role
from tests.factories import UserFactory
from tests.url_access import ROLES
from tests.url_access.attendance import ENTRIES, extend_world


@pytest.fixture
def world(cohort, staff, other_staff, supervisor, participant_user, other_participant_user, enrolment):
    world = types.SimpleNamespace(cohort=cohort, enrolment=enrolment, participant=enrolment.participant)
    world.users = {
        "anonymous": None,
        "staff": staff,
        "other_staff": other_staff,
        "supervisor": supervisor,
        "other_supervisor": UserFactory(username="other-supervisor", role=Role.SUPERVISOR),
        "participant": participant_user,
        "other_participant": other_participant_user,
    }
    extend_world(world)
    return world


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_teaching_pages_by_role(client, world, role):
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    wrong = []
    for name, access in ENTRIES.items():
        response = client.get(reverse(name, kwargs=access.kwargs(world)) + access.query)
        if role in access.allowed:
            if response.status_code != access.allowed_status:
                wrong.append(f"{name}: expected {access.allowed_status}, got {response.status_code}")
        elif role == "anonymous":
            if response.status_code != 302 or "/konto/anmelden/" not in response["Location"]:
                wrong.append(f"{name}: anonymous got {response.status_code}")
        elif response.status_code not in (403, 404):
            wrong.append(f"{name}: {role} should be refused, got {response.status_code}")
    assert not wrong, "\n".join(wrong)
