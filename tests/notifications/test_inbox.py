"""Each person's inbox: unread count in the navigation, mark read (opening the link), mark all, e-mail opt-out."""

import pytest

from notifications.models import EmailPreference, Notification
from notifications.services import notify

pytestmark = pytest.mark.django_db


def make(user, **kwargs):
    return notify(kind="hours_confirmed", recipient=user, params={"date": "2026-03-02", "given_name": "Lan"}, **kwargs)


def test_unread_count_in_the_navigation_and_reading_opens_the_link(client, participant_user, other_participant_user):
    first = make(participant_user, link="/praxis/")
    make(participant_user)
    client.force_login(participant_user)
    page = client.get("/").content.decode()
    assert '<span class="badge text-bg-warning">2<span class="visually-hidden"> unread' in page
    response = client.post(f"/benachrichtigungen/{first.pk}/gelesen/")
    assert response["Location"] == "/praxis/"
    first.refresh_from_db()
    assert first.read_at is not None
    client.force_login(other_participant_user)
    assert client.post(f"/benachrichtigungen/{first.pk}/gelesen/").status_code == 403


def test_inbox_lists_only_own_messages_and_marks_all(client, participant_user, other_participant_user):
    make(participant_user)
    make(other_participant_user)
    client.force_login(participant_user)
    page = client.get("/benachrichtigungen/")
    assert page.content.decode().count("Praxisstunden vom 02.03.2026 wurden bestätigt") == 1  # her language
    assert "no-store" in page["Cache-Control"]
    client.post("/benachrichtigungen/alle-gelesen/")
    assert not Notification.objects.filter(recipient=participant_user, read_at__isnull=True).exists()
    assert Notification.objects.filter(recipient=other_participant_user, read_at__isnull=True).exists()


def test_opting_out_of_emails(client, participant_user):
    client.force_login(participant_user)
    client.post("/benachrichtigungen/einstellungen/", {})
    assert EmailPreference.objects.get(user=participant_user).emails_enabled is False
    participant_user.email = "lan@example.org"
    participant_user.save()
    assert make(participant_user).email_to == ""
    client.post("/benachrichtigungen/einstellungen/", {"emails": "on"})
    assert make(participant_user).email_to == "lan@example.org"


def test_anonymous_visitors_are_sent_to_log_in(client):
    assert client.get("/benachrichtigungen/").status_code == 302
