"""Invitations (default: certificate holders of the chosen cohorts), acceptance, and wishes entered by
staff or by the participant on their own page; participants see only their own."""

import pytest
from django.urls import reverse

from outcomes import services
from outcomes.models import EventEmployer, EventParticipant, ParticipantWish
from tests.factories import EnrolmentFactory

from .conftest import issue_certificate

pytestmark = pytest.mark.django_db


def test_certificate_holders_of_the_cohorts_are_the_default_invitees(client, staff, event, enrolment):
    without = EnrolmentFactory(cohort=enrolment.cohort)
    issue_certificate(enrolment, staff)
    client.force_login(staff)
    client.post(reverse("outcomes:event_invite_holders", args=[event.pk]))
    assert list(EventParticipant.objects.filter(event=event).values_list("participant_id", flat=True)) == [
        enrolment.participant_id
    ]
    assert not EventParticipant.objects.filter(participant=without.participant).exists()


def test_acceptance_and_rounds_are_recorded(client, staff, event, employer):
    invitation = EventEmployer.objects.create(event=event, employer=employer)
    client.force_login(staff)
    client.post(
        reverse("outcomes:employer_answer", args=[invitation.pk]),
        {"status": "accepted", "first_round": "2", "last_round": "", "seats": "2"},
    )
    invitation.refresh_from_db()
    assert (invitation.status, invitation.first_round, invitation.last_round, invitation.seats) == (
        "accepted",
        2,
        None,
        2,
    )
    response = client.post(
        reverse("outcomes:employer_answer", args=[invitation.pk]),
        {"status": "accepted", "first_round": "7"},
        follow=True,
    )
    assert "The event has rounds 1 to 3." in response.content.decode()


def test_the_participant_enters_their_own_wishes(client, participant_user, accepted_event):
    invitation = EventParticipant.objects.get(event=accepted_event, participant__user=participant_user)
    first, second, _third = accepted_event.test_employers
    client.force_login(participant_user)
    page = client.get(reverse("outcomes:own_events")).content.decode()
    assert accepted_event.place in page
    client.post(reverse("outcomes:wishes", args=[invitation.pk]), {"rank_1": second.pk, "rank_2": first.pk})
    assert list(
        ParticipantWish.objects.filter(event=accepted_event).order_by("rank").values_list("employer_id", flat=True)
    ) == [second.pk, first.pk]


def test_the_same_employer_twice_is_refused(client, participant_user, accepted_event):
    invitation = EventParticipant.objects.get(event=accepted_event, participant__user=participant_user)
    first = accepted_event.test_employers[0]
    client.force_login(participant_user)
    response = client.post(reverse("outcomes:wishes", args=[invitation.pk]), {"rank_1": first.pk, "rank_2": first.pk})
    assert "only once" in response.content.decode()
    assert not ParticipantWish.objects.exists()


def test_participants_see_only_their_own(client, other_participant_user, participant_user, accepted_event):
    invitation = EventParticipant.objects.get(event=accepted_event, participant__user=participant_user)
    client.force_login(other_participant_user)
    assert client.get(reverse("outcomes:wishes", args=[invitation.pk])).status_code in (403, 404)
    page = client.get(reverse("outcomes:own_events")).content.decode()
    assert accepted_event.place not in page


def test_wishes_only_for_invited_employers(accepted_event, other_employer):
    invitation = EventParticipant.objects.filter(event=accepted_event).first()
    with pytest.raises(services.DomainError, match="Only employers invited"):
        services.wishes_set(invitation=invitation, employers=[other_employer])


def test_former_participants_without_a_certificate_can_be_invited_too(client, staff, event, enrolment):
    without = EnrolmentFactory(cohort=enrolment.cohort)
    client.force_login(staff)
    client.post(reverse("outcomes:event_invite_everyone", args=[event.pk]))
    invited = set(EventParticipant.objects.filter(event=event).values_list("participant_id", flat=True))
    assert invited == {enrolment.participant_id, without.participant_id}


def test_other_staff_cannot_invite(client, other_staff, event, enrolment):
    client.force_login(other_staff)
    response = client.post(reverse("outcomes:event_invite_everyone", args=[event.pk]))
    assert response.status_code in (403, 404)
    assert not EventParticipant.objects.exists()
