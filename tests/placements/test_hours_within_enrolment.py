"""Hours count only while the person takes part: not before the enrolment date, not after the withdrawal; the
supervisor cannot confirm such entries. The activity text is bounded."""

import pytest
from django.urls import reverse

from core.exceptions import DomainError
from courses import services as course_services
from courses.models import Enrolment
from placements import services
from placements.models import ACTIVITY_MAX_LENGTH, HourEntry, HourEntryStatus

from .conftest import days, log

pytestmark = pytest.mark.django_db


def _withdraw(enrolment, staff, day):
    course_services.enrolment_withdraw(enrolment=enrolment, on=days(day), reason="Umzug", by=staff)


def test_no_hours_after_the_withdrawal(active_placement, participant_user, staff, enrolment):
    _withdraw(enrolment, staff, -5)
    with pytest.raises(DomainError, match="withdrew on"):
        log(active_placement, participant_user, day=-3)
    assert not HourEntry.objects.exists()


def test_hours_up_to_the_day_of_the_withdrawal_are_kept(active_placement, participant_user, staff, enrolment):
    _withdraw(enrolment, staff, -5)
    assert log(active_placement, participant_user, day=-5).status == HourEntryStatus.PENDING
    assert log(active_placement, participant_user, day=-7).status == HourEntryStatus.PENDING


def test_no_hours_before_the_enrolment_date(active_placement, participant_user, enrolment):
    Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_on=days(-10))
    active_placement.refresh_from_db()
    with pytest.raises(DomainError, match="from the enrolment date"):
        log(active_placement, participant_user, day=-12)
    assert log(active_placement, participant_user, day=-10).work_minutes == 240


def test_an_entry_cannot_be_moved_after_the_withdrawal(active_placement, participant_user, staff, enrolment):
    entry = log(active_placement, participant_user, day=-7)
    _withdraw(enrolment, staff, -5)
    with pytest.raises(DomainError, match="withdrew on"):
        services.hours_edit_pending(
            entry=entry, date=days(-3), start_time=entry.start_time, end_time=entry.end_time, break_minutes=0,
            activity="", by=participant_user,
        )


def test_supervisor_cannot_confirm_hours_after_the_withdrawal(
    active_placement, participant_user, staff, enrolment, supervisor
):
    late = log(active_placement, participant_user, day=-3)
    early = log(active_placement, participant_user, day=-7)
    _withdraw(enrolment, staff, -5)
    with pytest.raises(DomainError, match="cannot be recorded or confirmed"):
        services.hours_confirm(entry=late, by=supervisor)
    assert services.hours_confirm(entry=early, by=supervisor).status == HourEntryStatus.CONFIRMED
    # Rejecting it stays possible, so the list can be cleared.
    assert services.hours_reject(entry=late, reason="Nach dem Austritt", by=supervisor).status == "rejected"


def test_confirming_several_skips_the_ones_after_the_withdrawal(
    active_placement, participant_user, staff, enrolment, supervisor
):
    late = log(active_placement, participant_user, day=-3)
    early = log(active_placement, participant_user, day=-7)
    _withdraw(enrolment, staff, -5)
    done, skipped = services.hours_decide_many(entry_ids=[late.pk, early.pk], confirm=True, by=supervisor)
    assert done == 1 and len(skipped) == 1 and "withdrew" in skipped[0]
    assert HourEntry.objects.get(pk=late.pk).status == HourEntryStatus.PENDING


def test_activity_of_500_characters_is_kept_and_longer_refused(active_placement, participant_user):
    text = ("Vorlesen im Morgenkreis. " * 40)[: ACTIVITY_MAX_LENGTH - 1] + "!"
    kept = log(active_placement, participant_user, day=-3, activity=text)
    assert len(kept.activity) == ACTIVITY_MAX_LENGTH
    with pytest.raises(DomainError, match="at most 500 characters"):
        log(active_placement, participant_user, day=-4, activity="x" * (2 * 1024 * 1024))
    assert HourEntry.objects.count() == 1


def test_two_megabyte_activity_through_the_form_gets_a_message(client, active_placement, participant_user):
    client.force_login(participant_user)
    response = client.post(
        reverse("placements:hour_entry_create", args=[active_placement.pk]),
        {"date": days(-3).strftime("%d.%m.%Y"), "start_time": "08:00", "end_time": "12:00", "break_minutes": "0",
         "activity": "x" * (2 * 1024 * 1024)},
    )
    assert response.status_code == 200
    assert "at most 500 characters" in response.content.decode()
    assert not HourEntry.objects.exists()


def test_activity_with_a_direction_control_is_refused(active_placement, participant_user):
    with pytest.raises(DomainError, match="writing direction"):
        log(active_placement, participant_user, activity="Morgenkreis \u202e")
