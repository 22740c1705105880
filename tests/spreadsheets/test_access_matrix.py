"""The spreadsheets URLs by role, walked on their own so a gap elsewhere in the matrix cannot hide ours."""

import pytest
from django.urls import reverse

from tests.test_url_access import world  # noqa: F401  (the shared fixture)
from tests.url_access import ROLES
from tests.url_access.spreadsheets import ENTRIES


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_spreadsheets_urls_by_role(client, world, role):  # noqa: F811
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
