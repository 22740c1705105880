"""The register: one submit records the whole roster; bad rows refuse the whole submit; corrections after
the day are kept with who, when, old and new values."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from core.exceptions import DomainError
from courses.models import AttendanceCorrection, AttendanceRecord
from courses.services import AttendanceEntry, attendance_record, enrolment_withdraw, session_create
from tests.factories import EnrolmentFactory, ParticipantFactory, UserFactory

T = datetime.time


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def current_cohort(cohort, today):
    cohort.start_date = today - datetime.timedelta(days=60)
    cohort.end_date = today + datetime.timedelta(days=60)
    cohort.save()
    return cohort


def _session(cohort, staff, day):
    return session_create(
        cohort=cohort,
        module=cohort.programme.modules.get(position=1),
        date=day,
        start_time=T(9, 0),
        end_time=T(12, 0),
        units=4,
        by=staff,
    )


def _person(cohort, **kwargs):
    return EnrolmentFactory(
        cohort=cohort,
        participant=ParticipantFactory(organisation=cohort.site.organisation, **kwargs),
        enrolled_on=cohort.start_date - datetime.timedelta(days=7),
    )


@pytest.mark.django_db
def test_whole_roster_in_one_submit(current_cohort, staff, today):
    session = _session(current_cohort, staff, today)
    people = [_person(current_cohort) for _ in range(4)]
    result = attendance_record(
        session=session,
        entries=[
            AttendanceEntry(people[0].pk, "P"),
            AttendanceEntry(people[1].pk, "P", late_minutes=45),
            AttendanceEntry(people[2].pk, "K"),
            AttendanceEntry(people[3].pk, "UE", note="nicht erreicht"),
        ],
        by=staff,
    )
    assert result.created == 4
    units = dict(AttendanceRecord.objects.values_list("enrolment_id", "attended_units"))
    assert units == {
        people[0].pk: Decimal("4.00"),
        people[1].pk: Decimal("3.00"),
        people[2].pk: Decimal("0.00"),
        people[3].pk: Decimal("0.00"),
    }
    # Same day, changes are not corrections.
    again = attendance_record(session=session, entries=[AttendanceEntry(people[2].pk, "E")], by=staff)
    assert again.changed == 1 and again.corrections == 0
    assert not AttendanceCorrection.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"status": "X"}, "unknown attendance code X"),
        ({"status": "K", "late_minutes": 20}, "recorded as absent"),
        ({"status": "P", "late_minutes": 120, "early_minutes": 60}, "180 minutes late or left early"),
        ({"status": "P", "late_minutes": -5}, "whole number"),
    ],
)
def test_bad_rows_refuse_the_whole_submit(current_cohort, staff, today, entry, message):
    session = _session(current_cohort, staff, today)
    good, bad = _person(current_cohort), _person(current_cohort, given_name="Łukasz", family_name="Wróbel")
    with pytest.raises(DomainError, match=message) as caught:
        attendance_record(
            session=session,
            entries=[AttendanceEntry(good.pk, "P"), AttendanceEntry(bad.pk, **entry)],
            by=staff,
        )
    assert "Łukasz Wróbel" in str(caught.value)
    assert not AttendanceRecord.objects.exists()


@pytest.mark.django_db
def test_someone_not_enrolled_that_day_is_refused(current_cohort, other_cohort, staff, today):
    session = _session(current_cohort, staff, today - datetime.timedelta(days=3))
    late_joiner = _person(current_cohort, given_name="Nguyễn Thị", family_name="Lan")
    late_joiner.enrolled_on = today - datetime.timedelta(days=1)
    late_joiner.save()
    with pytest.raises(DomainError, match="Nguyễn Thị Lan was not enrolled in this cohort on"):
        attendance_record(session=session, entries=[AttendanceEntry(late_joiner.pk, "P")], by=staff)

    left = _person(current_cohort)
    enrolment_withdraw(enrolment=left, on=today - datetime.timedelta(days=4), reason="Arbeitsaufnahme", by=staff)
    with pytest.raises(DomainError, match="was not enrolled"):
        attendance_record(session=session, entries=[AttendanceEntry(left.pk, "P")], by=staff)

    stranger = EnrolmentFactory(cohort=other_cohort)
    with pytest.raises(DomainError, match="was not enrolled"):
        attendance_record(session=session, entries=[AttendanceEntry(stranger.pk, "P")], by=staff)
    assert not AttendanceRecord.objects.exists()


@pytest.mark.django_db
def test_future_session_cannot_be_recorded(current_cohort, staff, today):
    session = _session(current_cohort, staff, today + datetime.timedelta(days=1))
    person = _person(current_cohort)
    with pytest.raises(DomainError, match="on or after the day"):
        attendance_record(session=session, entries=[AttendanceEntry(person.pk, "P")], by=staff)


@pytest.mark.django_db
def test_correction_after_the_day_is_kept_with_who_and_when(current_cohort, staff, today):
    session = _session(current_cohort, staff, today - datetime.timedelta(days=2))
    person = _person(current_cohort)
    attendance_record(session=session, entries=[AttendanceEntry(person.pk, "UE")], by=staff)
    result = attendance_record(
        session=session, entries=[AttendanceEntry(person.pk, "K", note="Attest nachgereicht")], by=staff
    )
    assert result.corrections == 1
    correction = AttendanceCorrection.objects.get()
    assert (correction.old_status, correction.new_status) == ("UE", "K")
    assert correction.new_note == "Attest nachgereicht"
    assert correction.changed_by == staff
    assert correction.changed_at is not None
    # Unchanged rows make no history.
    attendance_record(session=session, entries=[AttendanceEntry(person.pk, "K", note="Attest nachgereicht")], by=staff)
    assert AttendanceCorrection.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["supervisor", "participant_user", "other_staff"])
def test_only_staff_may_correct_after_the_day(request, current_cohort, staff, today, who):
    session = _session(current_cohort, staff, today - datetime.timedelta(days=2))
    person = _person(current_cohort)
    attendance_record(session=session, entries=[AttendanceEntry(person.pk, "UE")], by=staff)
    user = request.getfixturevalue(who)
    with pytest.raises(DomainError, match="Only programme staff"):
        attendance_record(session=session, entries=[AttendanceEntry(person.pk, "P")], by=user)
    assert AttendanceRecord.objects.get().status == "UE"
    assert not AttendanceCorrection.objects.exists()


@pytest.mark.django_db
def test_superuser_may_correct(current_cohort, staff, today):
    session = _session(current_cohort, staff, today - datetime.timedelta(days=2))
    person = _person(current_cohort)
    attendance_record(session=session, entries=[AttendanceEntry(person.pk, "UE")], by=staff)
    root = UserFactory(username="root", is_superuser=True)
    assert attendance_record(session=session, entries=[AttendanceEntry(person.pk, "E")], by=root).corrections == 1
