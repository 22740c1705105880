"""A person without e-mail gets a printed letter with a short code and sets their password at "first log-in"."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import Invitation
from accounts.services import normalise_code

PASSWORD = "Sonnenblume-im-Juli-26"


def _print_invitation(client, staff, participant):
    client.force_login(staff)
    response = client.post(
        reverse("courses:participant_login", args=[participant.pk]),
        {"login-username": "savas", "login-delivery": "print"},
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    return response.context["code"]


def _first_login(client, code, username="savas", password=PASSWORD):
    client.logout()
    return client.post(
        reverse("accounts:first_login"),
        {"username": username, "code": code, "new_password1": password, "new_password2": password},
    )


@pytest.mark.django_db
def test_printed_code_sets_password_and_logs_in_once(client, staff, enrolment):
    code = _print_invitation(client, staff, enrolment.participant)
    invitation = Invitation.objects.get()
    assert len(normalise_code(code)) == 12
    assert normalise_code(code) not in invitation.code_hash  # stored only hashed
    assert not mail.outbox  # nothing claims an e-mail went out
    response = _first_login(client, code.lower().replace("-", " "))  # as typed from paper
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert client.get(reverse("home")).status_code == 200
    user = get_user_model().objects.get(username="savas")
    assert user.check_password(PASSWORD)
    response = _first_login(client, code, password="Ein-anderes-Passwort-9")
    assert response.status_code == 200 and response.context["form"].errors["code"]
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


@pytest.mark.django_db
def test_wrong_code_counts_and_locks_after_the_limit(client, staff, enrolment, settings):
    settings.INVITATION_CODE_MAX_ATTEMPTS = 3
    code = _print_invitation(client, staff, enrolment.participant)
    for _ in range(3):
        response = _first_login(client, "AAAA-BBBB-CCCC")
        assert response.status_code == 200
        assert "code is wrong" in response.context["form"].errors["code"][0]
    invitation = Invitation.objects.get()
    assert invitation.failed_attempts == 3 and invitation.closed_at is not None
    response = _first_login(client, code)  # the right code no longer helps
    assert response.status_code == 200
    assert not get_user_model().objects.get(username="savas").has_usable_password()


@pytest.mark.django_db
def test_unknown_user_name_gets_the_same_answer(client, staff, enrolment):
    code = _print_invitation(client, staff, enrolment.participant)
    unknown = _first_login(client, code, username="nobody")
    wrong = _first_login(client, "AAAA-BBBB-CCCC")
    assert unknown.context["form"].errors == wrong.context["form"].errors


@pytest.mark.django_db
def test_expired_code_is_refused(client, staff, enrolment):
    code = _print_invitation(client, staff, enrolment.participant)
    Invitation.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    assert _first_login(client, code).status_code == 200


@pytest.mark.django_db
def test_reprint_invalidates_previous_code(client, staff, enrolment):
    first = _print_invitation(client, staff, enrolment.participant)
    second = _print_invitation(client, staff, enrolment.participant)
    assert _first_login(client, first).status_code == 200
    assert _first_login(client, second).status_code == 302


@pytest.mark.django_db
def test_weak_password_keeps_the_code_usable(client, staff, enrolment):
    code = _print_invitation(client, staff, enrolment.participant)
    response = _first_login(client, code, password="123")
    assert response.status_code == 200 and response.context["form"].errors["new_password1"]
    assert Invitation.objects.get().failed_attempts == 0
    assert _first_login(client, code).status_code == 302


@pytest.mark.django_db
def test_print_page_refused_to_other_staff(client, other_staff, enrolment):
    client.force_login(other_staff)
    response = client.post(
        reverse("courses:participant_login", args=[enrolment.participant.pk]),
        {"login-username": "savas", "login-delivery": "print"},
    )
    assert response.status_code == 403 and not Invitation.objects.exists()
