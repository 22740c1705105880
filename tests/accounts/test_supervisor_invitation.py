"""Staff create a supervisor login by invitation and can invite a linked supervisor again."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from accounts.models import Invitation, Role

from .helpers import invitation_path

PASSWORD = "Praxisanleitung-2026!"


def _create(client, user, facility, delivery="email"):
    client.force_login(user)
    return client.post(
        reverse("placements:facility_supervisor_create", args=[facility.pk]),
        {
            "new-first_name": "Petra",
            "new-last_name": "Hölscher",
            "new-email": "petra@example.org",
            "new-username": "petra.h",
            "new-delivery": delivery,
        },
    )


@pytest.mark.django_db
def test_staff_create_supervisor_by_invitation(client, staff, facility, organisation):
    response = _create(client, staff, facility)
    assert response.status_code == 302
    user = get_user_model().objects.get(username="petra.h")
    assert user.role == Role.SUPERVISOR and facility.supervisors.filter(pk=user.pk).exists()
    assert not user.has_usable_password()
    assert mail.outbox[0].to == ["petra@example.org"] and organisation.name in mail.outbox[0].body
    client.logout()
    page = client.get(invitation_path())["Location"]
    assert client.post(page, {"new_password1": PASSWORD, "new_password2": PASSWORD}).status_code == 302
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


@pytest.mark.django_db
def test_staff_print_supervisor_invitation(client, staff, facility):
    response = _create(client, staff, facility, delivery="print")
    assert response.status_code == 200 and response.context["code"]
    assert not mail.outbox


@pytest.mark.django_db
def test_reinvite_linked_supervisor(client, staff, facility, supervisor):
    client.force_login(staff)
    url = reverse("placements:facility_supervisors", args=[facility.pk])
    invite = reverse("placements:facility_supervisor_invite", args=[facility.pk])
    supervisor.email = "anleitung@example.org"
    supervisor.save()
    response = client.post(invite, {"user": supervisor.pk, "delivery": "email"})
    assert response.status_code == 302 and len(mail.outbox) == 1
    response = client.post(invite, {"user": supervisor.pk, "delivery": "print"})
    assert response.status_code == 200
    assert Invitation.objects.filter(user=supervisor, closed_at__isnull=True).count() == 1
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_supervisor_without_email_is_never_said_to_be_mailed(client, staff, facility, supervisor):
    supervisor.email = ""
    supervisor.save()
    client.force_login(staff)
    invite = reverse("placements:facility_supervisor_invite", args=[facility.pk])
    response = client.post(invite, {"user": supervisor.pk, "delivery": "email"}, follow=True)
    assert not mail.outbox and not Invitation.objects.exists()
    text = response.content.decode()
    assert "was sent" not in text


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["other_staff", "supervisor", "participant_user"])
def test_others_cannot_create_or_invite_supervisors(client, request, facility, supervisor, who):
    user = request.getfixturevalue(who)
    assert _create(client, user, facility).status_code == 403
    response = client.post(
        reverse("placements:facility_supervisor_invite", args=[facility.pk]),
        {"user": supervisor.pk, "delivery": "print"},
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists() and not get_user_model().objects.filter(username="petra.h").exists()
