import pytest

from accounts.models import Role
from accounts.services import login_create
from core.exceptions import DomainError

from ..factories import UserFactory


@pytest.mark.django_db
def test_login_create_sets_role_and_password():
    user = login_create(username=" petra.h ", password="Kinderrechte-2026", role=Role.SUPERVISOR, first_name="Petra")
    assert user.username == "petra.h" and user.role == Role.SUPERVISOR
    assert user.check_password("Kinderrechte-2026")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("username", "password", "message"),
    [
        ("", "Kinderrechte-2026", "enter a user name"),
        ("TAKEN", "Kinderrechte-2026", "cannot be used"),
        ("neu", "123", "too short"),
    ],
)
def test_login_create_refuses_bad_input(username, password, message):
    UserFactory(username="taken")
    with pytest.raises(DomainError, match=message):
        login_create(username=username, password=password, role=Role.PARTICIPANT)
