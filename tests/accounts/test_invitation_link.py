"""Staff invite a participant by e-mail; the participant chooses their own password through a one-time link."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import Invitation, Role

from .helpers import invitation_path

PASSWORD = "Sonnenblume-im-Juli-26"


def _invite(client, staff, participant, **data):
    client.force_login(staff)
    return client.post(
        reverse("courses:participant_login", args=[participant.pk]),
        {"login-username": "lan.nguyen", "login-delivery": "email", **data},
    )


@pytest.fixture
def participant(enrolment):
    participant = enrolment.participant
    participant.email = "lan@example.org"
    participant.save()
    return participant


@pytest.mark.django_db
def test_invitation_link_sets_password_logs_in_and_dies(client, staff, participant, organisation):
    response = _invite(client, staff, participant)
    assert response.status_code == 302
    user = get_user_model().objects.get(username="lan.nguyen")
    assert user.role == Role.PARTICIPANT and user.participant == participant
    assert not user.has_usable_password()  # staff never chose one
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lan@example.org"]
    assert organisation.name in message.subject and organisation.name in message.body
    assert message.alternatives and organisation.name in message.alternatives[0][0]
    client.logout()

    link = invitation_path()
    response = client.get(link)
    assert response.status_code == 302 and "passwort-setzen" in response["Location"]
    response = client.post(response["Location"], {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("home")
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    assert client.get(reverse("home")).status_code == 200  # logged in
    assert Invitation.objects.get(user=user).accepted_at is not None

    client.logout()
    dead = client.get(link)
    assert dead.status_code == 200
    assert dead.templates[0].name == "accounts/invitation_invalid.html"


@pytest.mark.django_db
def test_invitation_email_in_the_persons_language(client, staff, participant):
    _invite(client, staff, participant)  # the staff member's page is in English
    assert "Passwort" in mail.outbox[-1].body  # a new login speaks German, the default
    user = get_user_model().objects.get(username="lan.nguyen")
    user.preferred_language = "en"
    user.save()
    _invite(client, staff, participant)
    assert "choose your own password" in mail.outbox[-1].body


@pytest.mark.django_db
def test_weak_password_is_refused_and_link_stays_usable(client, staff, participant):
    _invite(client, staff, participant)
    client.logout()
    response = client.get(invitation_path())
    page = response["Location"]
    response = client.post(page, {"new_password1": "123", "new_password2": "123"})
    assert response.status_code == 200 and response.context["form"].errors
    user = get_user_model().objects.get(username="lan.nguyen")
    assert not user.has_usable_password()
    response = client.post(page, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 302


@pytest.mark.django_db
def test_expired_invitation_link_is_refused(client, staff, participant, settings):
    _invite(client, staff, participant)
    client.logout()
    Invitation.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get(invitation_path())
    assert response.templates[0].name == "accounts/invitation_invalid.html"


@pytest.mark.django_db
def test_expiry_follows_the_setting(client, staff, participant, settings):
    settings.INVITATION_TIMEOUT_DAYS = 3
    _invite(client, staff, participant)
    invitation = Invitation.objects.get()
    assert invitation.expires_at - invitation.created_at == datetime.timedelta(days=3)


@pytest.mark.django_db
def test_reinvite_invalidates_previous_link(client, staff, participant):
    _invite(client, staff, participant)
    first = invitation_path()
    _invite(client, staff, participant)
    second = invitation_path()
    assert first != second
    client.logout()
    assert client.get(first).templates[0].name == "accounts/invitation_invalid.html"
    assert client.get(second).status_code == 302
    assert Invitation.objects.filter(closed_at__isnull=True).count() == 1


@pytest.mark.django_db
def test_tampered_token_is_refused(client, staff, participant):
    _invite(client, staff, participant)
    client.logout()
    link = invitation_path()
    assert client.get(link[:-3] + "00/").templates[0].name == "accounts/invitation_invalid.html"


@pytest.mark.django_db
def test_logging_in_kills_the_link(client, staff, participant):
    _invite(client, staff, participant)
    client.logout()
    user = get_user_model().objects.get(username="lan.nguyen")
    user.last_login = timezone.now()
    user.save()
    assert client.get(invitation_path()).templates[0].name == "accounts/invitation_invalid.html"


@pytest.mark.django_db
def test_staff_of_another_organisation_cannot_invite(client, other_staff, participant):
    response = _invite(client, other_staff, participant)
    assert response.status_code == 403
    assert not get_user_model().objects.filter(username="lan.nguyen").exists()
    assert not mail.outbox


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["supervisor", "other_participant_user"])
def test_supervisor_and_participant_cannot_invite(client, request, participant, who):
    user = request.getfixturevalue(who)
    response = _invite(client, user, participant)
    assert response.status_code == 403
    assert not Invitation.objects.exists() and not mail.outbox


@pytest.mark.django_db
def test_email_invitation_needs_an_address(client, staff, enrolment):
    participant = enrolment.participant  # no e-mail recorded
    response = _invite(client, staff, participant)
    assert response.status_code == 200
    assert response.context["form"].errors["delivery"]
    assert not mail.outbox
    assert not get_user_model().objects.filter(username="lan.nguyen").exists()


@pytest.mark.django_db
def test_taken_user_name_is_refused_and_nothing_half_saved(client, staff, participant):
    from tests.factories import UserFactory

    UserFactory(username="Lan.Nguyen")
    response = _invite(client, staff, participant)
    assert response.status_code == 200 and response.context["form"].errors["username"]
    assert not Invitation.objects.exists()
    participant.refresh_from_db()
    assert participant.user is None


@pytest.mark.django_db
def test_staff_page_shows_state_never_a_password(client, staff, participant):
    _invite(client, staff, participant)
    page = client.get(reverse("courses:participant_detail", args=[participant.pk]))
    assert page.status_code == 200
    assert "invited" in page.content.decode()
    assert 'type="password"' not in page.content.decode()
