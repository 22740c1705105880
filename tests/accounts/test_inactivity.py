"""Logins nobody used for ACCOUNT_INACTIVITY_DAYS are deactivated by a daily, idempotent command."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts.services import invitation_create
from tests.factories import UserFactory


def _days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.mark.django_db
def test_command_deactivates_only_unused_logins(settings, capsys):
    settings.ACCOUNT_INACTIVITY_DAYS = 365
    stale = UserFactory(username="stale", last_login=_days_ago(400))
    never = UserFactory(username="never", last_login=None, date_joined=_days_ago(400))
    recent = UserFactory(username="recent", last_login=_days_ago(10))
    new = UserFactory(username="new", last_login=None, date_joined=_days_ago(5))
    admin = UserFactory(username="admin", is_superuser=True, last_login=_days_ago(900))
    reinvited = UserFactory(username="reinvited", email="r@example.org", last_login=_days_ago(800))
    invitation_create(user=reinvited, by=None, delivery="email")
    call_command("deactivate_inactive_accounts")
    assert "2 inactive" in capsys.readouterr().out
    for user in (stale, never, recent, new, admin, reinvited):
        user.refresh_from_db()
    assert not stale.is_active and not never.is_active
    assert recent.is_active and new.is_active and admin.is_active and reinvited.is_active
    call_command("deactivate_inactive_accounts")
    assert "0 inactive" in capsys.readouterr().out


@pytest.mark.django_db
def test_zero_switches_it_off(settings):
    settings.ACCOUNT_INACTIVITY_DAYS = 0
    user = UserFactory(username="stale", last_login=_days_ago(4000))
    call_command("deactivate_inactive_accounts")
    user.refresh_from_db()
    assert user.is_active


@pytest.mark.django_db
def test_deactivated_login_cannot_log_in_until_invited_again(client, settings):
    from django.urls import reverse

    from accounts.services import invitation_redeem_code

    settings.ACCOUNT_INACTIVITY_DAYS = 30
    user = UserFactory(username="stale", last_login=_days_ago(40))
    call_command("deactivate_inactive_accounts")
    response = client.post(reverse("accounts:login"), {"username": "stale", "password": "pass-word-123"})
    assert response.status_code == 200  # refused
    _, code = invitation_create(user=user, by=None, delivery="print")
    invitation_redeem_code(username="stale", code=code, password="Wieder-da-im-Juli-26")
    user.refresh_from_db()
    assert user.is_active and user.check_password("Wieder-da-im-Juli-26")
