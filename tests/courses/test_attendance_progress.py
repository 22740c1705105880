"""Module progress per participant: attended units (reduced by late/early minutes) against planned units."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import AttendanceRecord, AttendanceStatus, TeachingSession, attended_units_for
from courses.selectors import attendance_progress_of_cohort, attendance_progress_of_enrolment
from tests.factories import EnrolmentFactory, ParticipantFactory

TODAY = datetime.date(2026, 4, 30)


def _session(cohort, module, day, units=4, start=(9, 0), end=(12, 0)):
    return TeachingSession.objects.create(
        cohort=cohort,
        module=module,
        date=day,
        start_time=datetime.time(*start),
        end_time=datetime.time(*end),
        units=units,
    )


def _record(session, enrolment, status="P", late=0, early=0):
    return AttendanceRecord.objects.create(
        session=session,
        enrolment=enrolment,
        status=status,
        late_minutes=late,
        early_minutes=early,
        attended_units=attended_units_for(session, status, late, early),
    )


def test_lateness_within_tolerance_is_not_deducted(cohort):
    session = _session(cohort, cohort.programme.modules.first(), datetime.date(2026, 2, 2))
    assert attended_units_for(session, "P", 15, 15) == Decimal("4.00")
    # 180-minute session, 45 minutes late: a quarter of the 4 units is lost.
    assert attended_units_for(session, "P", 45, 0) == Decimal("3.00")
    assert attended_units_for(session, "P", 30, 30) == Decimal("2.67")
    assert attended_units_for(session, "K", 0, 0) == Decimal("0.00")


@pytest.mark.django_db
def test_progress_counts_attended_held_and_absences(cohort, enrolment):
    first, second = cohort.programme.modules.order_by("position")
    days = [datetime.date(2026, 2, 2) + datetime.timedelta(days=7 * week) for week in range(10)]
    sessions = [_session(cohort, first, day) for day in days]  # 40 units, the whole module
    for session in sessions[:7]:
        _record(session, enrolment)
    _record(sessions[7], enrolment, "E")
    _record(sessions[8], enrolment, "K")
    _record(sessions[9], enrolment, "P", late=45)
    future = _session(cohort, second, datetime.date(2026, 5, 4))
    assert future.date > TODAY

    progress = attendance_progress_of_enrolment(enrolment, today=TODAY)

    assert [p.title for p in progress] == ["Bildungsgrundsätze", "Kinderrechte"]
    module = progress[0]
    assert module.planned_units == 40
    assert module.held_units == Decimal("40.0")
    assert module.attended_units == Decimal("31.0")
    assert module.rate_percent == Decimal("77.5")
    assert module.minimum_percent == 80
    assert module.met is False
    assert module.absences == {"E": 1, "K": 1, "UE": 0}
    assert module.state == "missed"
    other = progress[1]
    assert other.held_units == Decimal("0.0")
    assert other.attended_units == Decimal("0.0")
    assert other.state == "on_track"


@pytest.mark.django_db
def test_module_minimum_overrides_programme(cohort, enrolment):
    module = cohort.programme.modules.get(position=2)
    module.min_attendance_percent = 50
    module.save()
    for week in range(3):
        session = _session(cohort, module, datetime.date(2026, 2, 3) + datetime.timedelta(days=7 * week), units=4)
        _record(session, enrolment)  # 12 of 20 units = 60 %
    progress = attendance_progress_of_enrolment(enrolment, today=TODAY)[1]
    assert progress.rate_percent == Decimal("60.0")
    assert progress.minimum_percent == 50
    assert progress.met is True
    assert progress.state == "met"


@pytest.mark.django_db
def test_cohort_progress_takes_a_fixed_number_of_queries(cohort):
    module = cohort.programme.modules.get(position=1)
    sessions = [_session(cohort, module, datetime.date(2026, 2, 2) + datetime.timedelta(days=d)) for d in range(3)]

    def add_people(n):
        for _ in range(n):
            enrolment = EnrolmentFactory(
                cohort=cohort, participant=ParticipantFactory(organisation=cohort.site.organisation)
            )
            for session in sessions:
                _record(session, enrolment, AttendanceStatus.UNEXCUSED)

    add_people(2)
    with CaptureQueriesContext(connection) as few:
        small = attendance_progress_of_cohort(cohort, today=TODAY)
    add_people(8)
    with CaptureQueriesContext(connection) as many:
        large = attendance_progress_of_cohort(cohort, today=TODAY)
    assert len(small) == 2 and len(large) == 10
    assert len(few.captured_queries) == len(many.captured_queries) <= 5
    assert all(p[0].absences["UE"] == 3 for p in large.values())
