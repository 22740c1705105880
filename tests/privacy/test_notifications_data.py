"""The messages the application sent a person are part of what is stored about them: the Art. 15 export lists
them, and erasure removes them with the person's calendar address (their texts name the person)."""

import pytest

from courses.models import EnrolmentDateChange
from notifications.models import CalendarFeed, Notification
from privacy import services
from privacy.selectors import personal_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def messages(enrolment, participant_user, staff):
    participant = enrolment.participant
    Notification.objects.create(
        recipient=participant_user, kind="hours_rejected", subject="Stunden am 03.11. abgelehnt",
        body=f"Hallo {participant.given_name}, die Stunden wurden abgelehnt: Attest fehlt.",
    )
    Notification.objects.create(recipient=staff, kind="hours_waiting", subject="Stunden warten", body="…")
    CalendarFeed.objects.create(token="t" * 40, participant=participant)
    return participant


def test_the_export_lists_the_persons_messages_only(messages):
    data = personal_data(messages)["notifications"]
    assert [m["subject"] for m in data["messages"]] == ["Stunden am 03.11. abgelehnt"]
    assert "Attest fehlt" in data["messages"][0]["text"] and data["messages"][0]["read_at"] is None
    assert data["calendar_feed"] is True


def test_erasure_removes_messages_and_the_calendar_address(messages, staff, participant_user):
    services.participant_erase(participant=messages, reason="Antrag nach Art. 17", by=staff)
    assert not Notification.objects.filter(subject__startswith="Stunden am").exists()
    assert not CalendarFeed.objects.filter(participant=messages).exists()
    assert Notification.objects.filter(recipient=staff).count() == 1  # staff's own inbox stays


def test_erasure_removes_the_reason_of_an_entry_date_change(enrolment, staff):
    change = EnrolmentDateChange.objects.create(
        enrolment=enrolment, old_date=enrolment.enrolled_on, new_date=enrolment.enrolled_on,
        reason=f"{enrolment.participant.given_name} kam erst nach dem Umzug", changed_by=staff,
    )
    services.participant_erase(participant=enrolment.participant, reason="Antrag nach Art. 17", by=staff)
    change.refresh_from_db()
    assert enrolment.participant.given_name not in change.reason
