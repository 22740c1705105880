"""The URL-by-role walk, limited to this app's pages (the full walk in tests/test_url_access.py covers all)."""

import pytest
from django.urls import reverse

from tests import url_access
from tests.test_url_access import ALL_NAMES, ENTRIES, world  # noqa: F401 - world is a fixture

NAMES = [name for name in ALL_NAMES if name.startswith("placements:")]


def test_every_placements_url_has_an_entry():
    assert NAMES and all(name in ENTRIES for name in NAMES)


@pytest.mark.django_db
@pytest.mark.parametrize("role", url_access.ROLES)
def test_each_role_reaches_exactly_its_placement_pages(client, world, role):  # noqa: F811
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    wrong = []
    for name in NAMES:
        access = ENTRIES[name]
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
