"""Rejecting an entry never claims an e-mail that is not sent (issue 21: "…erhält eine E-Mail" for a
participant without an address)."""

import pytest
from django.core import mail

from notifications.services import email_preference_set

from .conftest import log

pytestmark = pytest.mark.django_db


def reject(client, supervisor, entry, django_capture_on_commit_callbacks):
    client.force_login(supervisor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/praxis/stunden/{entry.pk}/ablehnen/", {"reason": "Pause fehlt"}, follow=True)
    return response.content.decode()


def test_no_address_no_claim(
    client, active_placement, participant_user, supervisor, django_capture_on_commit_callbacks
):
    entry = log(active_placement, participant_user)
    page = reject(client, supervisor, entry, django_capture_on_commit_callbacks)
    assert "told by email" not in page
    assert "No e-mail reaches the participant: please tell them the reason yourself." in page
    assert mail.outbox == []


def test_with_an_address_the_message_says_so_and_the_mail_goes(
    client, active_placement, participant_user, supervisor, django_capture_on_commit_callbacks
):
    participant = active_placement.enrolment.participant
    participant.email = "lan@example.org"
    participant.save()
    entry = log(active_placement, participant_user)
    page = reject(client, supervisor, entry, django_capture_on_commit_callbacks)
    assert "the participant is told by email" in page
    assert [m.to for m in mail.outbox] == [["lan@example.org"]]


def test_opted_out_participant_is_not_said_to_get_an_email(
    client, active_placement, participant_user, supervisor, django_capture_on_commit_callbacks
):
    participant_user.email = "lan@example.org"
    participant_user.save()
    email_preference_set(user=participant_user, emails_enabled=False)
    entry = log(active_placement, participant_user)
    page = reject(client, supervisor, entry, django_capture_on_commit_callbacks)
    assert "No e-mail reaches the participant" in page
    assert mail.outbox == []
