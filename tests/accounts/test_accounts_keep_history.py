"""Accounts that did something are deactivated, never deleted: the records keep who did it."""

import pytest
from django.contrib.auth import get_user_model
from django.db.models import ProtectedError
from django.urls import reverse

from accounts.selectors import history_of_user
from tests.factories import EnrolmentFactory, UserFactory, staff_user

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def recorder(organisation, cohort):
    """A staff member who enrolled someone."""
    user = staff_user(organisation, username="erfasserin")
    EnrolmentFactory(cohort=cohort, created_by=user)
    return user


def _admin_delete(client, superuser, user):
    client.force_login(superuser)
    return client.post(reverse("admin:accounts_user_delete", args=[user.pk]), {"post": "yes"})


def test_admin_refuses_to_delete_an_account_with_history(client, superuser, recorder):
    response = _admin_delete(client, superuser, recorder)
    assert response.status_code == 200
    text = response.content.decode()
    assert "deactivate the account instead" in text
    assert User.objects.filter(pk=recorder.pk).exists()


def test_the_database_refuses_too(recorder):
    with pytest.raises(ProtectedError):
        recorder.delete()


def test_bulk_delete_action_refuses_too(client, superuser, recorder):
    client.force_login(superuser)
    response = client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "delete_selected", "_selected_action": [recorder.pk], "post": "yes"},
    )
    assert response.status_code == 200
    assert User.objects.filter(pk=recorder.pk).exists()


def test_history_names_what_the_account_did(recorder):
    assert history_of_user(recorder) == ["enrolments"]
    assert history_of_user(UserFactory(username="neu")) == []


def test_an_account_without_history_can_be_deleted(client, superuser):
    unused = UserFactory(username="tippfehler")
    response = _admin_delete(client, superuser, unused)
    assert response.status_code == 302
    assert not User.objects.filter(pk=unused.pk).exists()


def test_deactivation_keeps_the_history_and_stops_the_log_in(client, superuser, recorder, cohort):
    client.force_login(superuser)
    response = client.post(
        reverse("admin:accounts_user_changelist"), {"action": "deactivate", "_selected_action": [recorder.pk]}
    )
    assert response.status_code == 302
    recorder.refresh_from_db()
    assert not recorder.is_active
    assert cohort.enrolments.filter(created_by=recorder).exists()
    client.logout()
    login = client.post(reverse("accounts:login"), {"username": "erfasserin", "password": "pass-word-123"})
    assert login.status_code == 200 and "_auth_user_id" not in client.session
