"""Planning sessions: one at a time or from a weekly pattern; bad plans are refused with nothing saved."""

import datetime

import pytest

from core.exceptions import DomainError
from courses.models import TeachingSession
from courses.services import session_create, session_delete, session_update, sessions_generate_weekly

T = datetime.time


def _create(cohort, staff, **overrides):
    values = {
        "cohort": cohort,
        "module": cohort.programme.modules.get(position=1),
        "date": datetime.date(2026, 2, 2),
        "start_time": T(9, 0),
        "end_time": T(12, 0),
        "units": 4,
        "topic": "Bild vom Kind",
        "trainer": "Frau Schulte",
        "by": staff,
    }
    values.update(overrides)
    return session_create(**values)


@pytest.mark.django_db
def test_staff_plans_a_session(cohort, staff):
    session = _create(cohort, staff)
    assert session.duration_minutes == 180
    assert session.created_by == staff


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"date": datetime.date(2026, 1, 30)}, "within the cohort's dates"),
        ({"date": datetime.date(2026, 6, 29)}, "within the cohort's dates"),
        ({"end_time": T(9, 0)}, "must end after it starts"),
        ({"units": 5}, "do not fit into 180 minutes"),
    ],
)
def test_bad_session_is_refused(cohort, staff, overrides, message):
    with pytest.raises(DomainError, match=message):
        _create(cohort, staff, **overrides)
    assert not TeachingSession.objects.exists()


@pytest.mark.django_db
def test_module_of_another_programme_is_refused(cohort, other_cohort, staff):
    from tests.factories import ModuleFactory

    foreign = ModuleFactory(programme=other_cohort.programme)
    with pytest.raises(DomainError, match="cohort's programme"):
        _create(cohort, staff, module=foreign)


@pytest.mark.django_db
def test_overlapping_session_is_refused(cohort, staff):
    _create(cohort, staff)
    with pytest.raises(DomainError, match="already a session from 09:00 to 12:00"):
        _create(cohort, staff, start_time=T(11, 0), end_time=T(13, 15), units=3)
    # Back to back is fine.
    _create(cohort, staff, start_time=T(12, 0), end_time=T(13, 30), units=2)
    assert TeachingSession.objects.count() == 2


@pytest.mark.django_db
def test_weekly_pattern_skips_nrw_holidays_and_days_outside_the_cohort(cohort, staff):
    module = cohort.programme.modules.get(position=1)
    # Mondays and Wednesdays from 23.03.2026 for 3 weeks; Easter Monday 06.04.2026 is a holiday.
    result = sessions_generate_weekly(
        cohort=cohort,
        module=module,
        weekdays=[0, 2],
        start_time=T(9, 0),
        end_time=T(12, 0),
        first_date=datetime.date(2026, 3, 23),
        weeks=3,
        units=4,
        by=staff,
    )
    days = [s.date for s in result.created]
    assert datetime.date(2026, 4, 6) not in days
    assert result.skipped_holidays == [(datetime.date(2026, 4, 6), "Ostermontag")]
    assert len(days) == 5
    assert all(d.weekday() in (0, 2) for d in days)


@pytest.mark.django_db
def test_weekly_pattern_can_stop_at_the_planned_units(cohort, staff):
    module = cohort.programme.modules.get(position=2)  # 20 units
    result = sessions_generate_weekly(
        cohort=cohort,
        module=module,
        weekdays=[0, 1, 2, 3],
        start_time=T(9, 0),
        end_time=T(12, 0),
        first_date=datetime.date(2026, 2, 2),
        weeks=18,
        units=4,
        stop_when_planned=True,
        by=staff,
    )
    assert len(result.created) == 5


@pytest.mark.django_db
def test_weekly_pattern_with_an_overlap_saves_nothing(cohort, staff):
    _create(cohort, staff, date=datetime.date(2026, 2, 11), start_time=T(10, 0), end_time=T(11, 30), units=2)
    with pytest.raises(DomainError, match="11.02.2026.*Nothing was saved"):
        sessions_generate_weekly(
            cohort=cohort,
            module=cohort.programme.modules.get(position=1),
            weekdays=[0, 2],
            start_time=T(9, 0),
            end_time=T(12, 0),
            first_date=datetime.date(2026, 2, 2),
            weeks=4,
            units=4,
            by=staff,
        )
    assert TeachingSession.objects.count() == 1


@pytest.mark.django_db
def test_session_with_attendance_keeps_its_day_and_cannot_be_deleted(cohort, staff, enrolment):
    from courses.services import AttendanceEntry, attendance_record

    session = _create(cohort, staff)
    attendance_record(session=session, entries=[AttendanceEntry(enrolment.pk, "P", 30, 0)], by=staff)
    with pytest.raises(DomainError, match="date and module cannot change"):
        session_update(session=session, date=datetime.date(2026, 2, 3), by=staff)
    with pytest.raises(DomainError, match="cannot be deleted"):
        session_delete(session=session, by=staff)
    # Shorter session: the attended units are recomputed (3 units over 135 minutes, 30 late).
    session_update(session=session, end_time=T(11, 15), units=3, by=staff)
    record = session.attendance.get()
    assert str(record.attended_units) == "2.33"
