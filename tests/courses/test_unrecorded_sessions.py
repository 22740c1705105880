"""A session whose register nobody has taken yet is "not yet recorded": it lowers nobody's attendance and warns
nobody, the participant sees it as such, and staff find it on their start page until they take the register."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.attendance_tables import progress_bar_html
from courses.models import TeachingSession
from courses.selectors import attendance_progress_of_enrolment, registers_to_take_visible_to
from courses.services import AttendanceEntry, attendance_record

pytestmark = pytest.mark.django_db


def _sessions(cohort, module, days):
    return [
        TeachingSession.objects.create(
            cohort=cohort,
            module=module,
            date=day,
            start_time=datetime.time(9, 0),
            end_time=datetime.time(12, 0),
            units=4,
        )
        for day in days
    ]


def _cohort_around_today(cohort):
    today = timezone.localdate()
    cohort.start_date, cohort.end_date = today - datetime.timedelta(days=60), today + datetime.timedelta(days=60)
    cohort.save()
    return today


def test_unregistered_past_sessions_neither_lower_the_rate_nor_put_anyone_at_risk(cohort, enrolment, staff):
    today = _cohort_around_today(cohort)
    enrolment.enrolled_on = cohort.start_date
    enrolment.save()
    module = cohort.programme.modules.get(position=1)
    taken, *forgotten = _sessions(cohort, module, [today - datetime.timedelta(days=d) for d in (14, 7, 6, 5)])
    attendance_record(session=taken, entries=[AttendanceEntry(enrolment.pk, "P")], by=staff)

    module_progress = attendance_progress_of_enrolment(enrolment, today=today)[0]

    assert module_progress.held_units == Decimal("4.0")
    assert module_progress.attended_units == Decimal("4.0")
    assert module_progress.unrecorded_units == Decimal("12.0")
    assert module_progress.state == "on_track"
    bar = progress_bar_html(module_progress)
    assert "12.0 units not yet recorded" in bar and "at risk" not in bar and "no longer reachable" not in bar

    # Once the register is taken, an absence counts.
    attendance_record(session=forgotten[0], entries=[AttendanceEntry(enrolment.pk, "UE")], by=staff)
    module_progress = attendance_progress_of_enrolment(enrolment, today=today)[0]
    assert module_progress.held_units == Decimal("8.0")
    assert module_progress.unrecorded_units == Decimal("8.0")
    assert module_progress.state == "at_risk"


def test_staff_start_page_lists_the_registers_still_to_take(client, cohort, enrolment, staff, other_staff):
    today = _cohort_around_today(cohort)
    module = cohort.programme.modules.get(position=1)
    old, older, _today = _sessions(
        cohort, module, [today - datetime.timedelta(days=2), today - datetime.timedelta(days=9), today]
    )
    enrolment.enrolled_on = cohort.start_date
    enrolment.save()

    rows, total = registers_to_take_visible_to(staff)
    assert [row.pk for row in rows] == [older.pk, old.pk] and total == 2
    client.force_login(staff)
    page = client.get(reverse("home")).content.decode()
    assert "Registers still to take" in page
    assert reverse("courses:register", args=[older.pk]) in page

    attendance_record(session=older, entries=[AttendanceEntry(enrolment.pk, "P")], by=staff)
    assert [row.pk for row in registers_to_take_visible_to(staff)[0]] == [old.pk]

    # Another organisation's staff see none of them.
    assert registers_to_take_visible_to(other_staff) == ([], 0)
    client.force_login(other_staff)
    assert "Registers still to take" not in client.get(reverse("home")).content.decode()
