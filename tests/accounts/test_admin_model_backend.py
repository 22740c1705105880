"""Model permissions serve the admin site only (accounts.backends.AdminModelBackend): people who cannot use
the admin are answered by the rules alone, without reading permission tables on every page, while admin
users keep what the admin grants them."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _permission_queries(queries) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if "auth_permission" in q["sql"]]


@pytest.mark.parametrize("who", ["staff", "supervisor", "participant_user"])
def test_pages_of_app_users_read_no_permission_tables(request, client, who):
    user = request.getfixturevalue(who)
    client.force_login(user)
    client.get(reverse("home"))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("home")).status_code == 200
    assert _permission_queries(queries) == []


def test_a_model_permission_does_nothing_for_someone_outside_the_admin():
    user = UserFactory(username="granted", role=Role.STAFF)
    user.user_permissions.add(Permission.objects.get(codename="view_facility"))
    assert not user.has_perm("placements.view_facility")
    assert user.get_all_permissions() == set()


def test_admin_users_keep_their_model_permissions(client):
    clerk = UserFactory(username="clerk", role=Role.STAFF, is_staff=True)
    clerk.user_permissions.add(Permission.objects.get(codename="view_facility"))
    assert clerk.has_perm("placements.view_facility")
    assert clerk.has_module_perms("placements")
    client.force_login(clerk)
    assert client.get("/admin/placements/facility/").status_code == 200
    assert client.get("/admin/placements/placement/").status_code == 403
