"""Walks every URL the app defines and checks, for each role and an anonymous visitor, who gets through."""

import types

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts.models import Role

from . import url_access
from .factories import EnrolmentFactory, FacilityFactory, UserFactory

MODULES = url_access.load_modules()
ENTRIES = {name: access for module in MODULES for name, access in module.ENTRIES.items()}
NOT_WALKED = set().union(*(getattr(module, "NOT_WALKED", set()) for module in MODULES))


def _url_names(patterns=None, namespace=""):
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin" or entry.app_name == "admin":
                continue  # the Django admin has its own, well-tested permission checks
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _url_names(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}"


ALL_NAMES = sorted(set(_url_names()))


def test_every_url_has_an_access_rule():
    missing = [name for name in ALL_NAMES if name not in ENTRIES and name not in NOT_WALKED]
    assert not missing, f"Add these URLs to tests/url_access/: {missing}"


@pytest.fixture
def world(cohort, staff, other_staff, supervisor, participant_user, other_participant_user, enrolment, partner):
    world = types.SimpleNamespace()
    world.cohort = cohort
    world.enrolment = enrolment
    world.participant = enrolment.participant
    world.facility = FacilityFactory(organisation=cohort.site.organisation)
    world.other_facility = FacilityFactory(organisation=cohort.site.organisation)
    other_supervisor = UserFactory(username="other-supervisor", role=Role.SUPERVISOR)
    world.other_facility.supervisors.add(other_supervisor)
    world.users = {
        "anonymous": None,
        "staff": staff,
        "other_staff": other_staff,
        "supervisor": supervisor,
        "other_supervisor": other_supervisor,
        "participant": participant_user,
        "other_participant": other_participant_user,
        # Of the Jobcenter funding ``cohort``: refused everywhere except the start, account and public pages.
        "partner": partner,
    }
    world.supervisor_facility = supervisor.supervised_facilities.get()
    world.make_enrolment = EnrolmentFactory
    for module in MODULES:
        if hasattr(module, "extend_world"):
            module.extend_world(world)
    return world


def _area(name: str) -> str:
    return name.split(":", 1)[0] if ":" in name else "project"


AREAS = sorted({_area(name) for name in ALL_NAMES if name not in NOT_WALKED})


def access_problems(client, world, role: str, names) -> list[str]:
    """Every URL in ``names`` that lets ``role`` in when it should not, or refuses it when it should not."""
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    wrong = []
    for name in names:
        access = ENTRIES[name]
        url = reverse(name, kwargs=access.kwargs(world)) + access.query
        response = client.get(url)
        if role in access.allowed:
            if response.status_code != access.allowed_status:
                wrong.append(f"{name}: expected {access.allowed_status}, got {response.status_code}")
        elif role == "anonymous":
            if response.status_code not in (302, 403, 404) or (
                response.status_code == 302 and "/konto/anmelden/" not in response["Location"]
            ):
                wrong.append(f"{name}: anonymous got {response.status_code}")
        elif name == "accounts:login":
            if response.status_code != 302:
                wrong.append(f"{name}: logged-in user got {response.status_code}")
        elif response.status_code not in (403, 404):
            wrong.append(f"{name}: {role} should be refused, got {response.status_code}")
    return wrong


@pytest.mark.django_db
@pytest.mark.parametrize("area", AREAS)
@pytest.mark.parametrize("role", url_access.ROLES)
def test_each_role_reaches_exactly_its_pages(client, world, role, area):
    names = [name for name in ALL_NAMES if name not in NOT_WALKED and _area(name) == area]
    wrong = access_problems(client, world, role, names)
    assert not wrong, "\n".join(wrong)
