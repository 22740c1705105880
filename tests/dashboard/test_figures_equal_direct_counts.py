"""Each stored figure equals a count made directly from the facts, the attendance minimum by the
attendance matrix's own rule; another organisation's cohort does not mix in."""

from decimal import Decimal

import pytest
from django.db.models import F, Sum

from certificates.models import Certificate
from courses.models import AttendanceRecord, Enrolment
from courses.selectors import attendance_progress_of_cohort
from dashboard.models import CohortFigures
from dashboard.services import figures_rebuild
from outcomes.models import OutcomeRecord
from placements.models import HourEntry

pytestmark = pytest.mark.django_db


def test_every_figure_equals_its_direct_count(world):
    cohort, people, other = world
    figures_rebuild()
    stored = CohortFigures.objects.get(cohort=cohort)
    enrolments = Enrolment.objects.filter(cohort=cohort)
    staying = enrolments.exclude(status="withdrawn")

    assert stored.enrolled == enrolments.count() == 6
    assert stored.started == enrolments.filter(attendance__status="P").distinct().count() == 5
    assert stored.withdrawn == enrolments.filter(status="withdrawn").count() == 2
    assert stored.reasons == {"Umzug": 2}
    assert stored.finished == staying.count() == 4

    records = AttendanceRecord.objects.filter(session__cohort=cohort)
    sums = records.aggregate(attended=Sum("attended_units"), units=Sum(F("session__units")))
    assert Decimal(stored.attended_centiunits) / 100 == sums["attended"]
    assert stored.recorded_units == sums["units"]

    progress = attendance_progress_of_cohort(cohort)
    staying_ids = set(staying.values_list("pk", flat=True))
    for position, _title, met, counted in stored.modules:
        direct = [next(m for m in progress[pk] if m.position == position).met for pk in staying_ids]
        assert (met, counted) == (sum(direct), len(staying_ids))
    assert [(m[0], m[2], m[3]) for m in stored.modules] == [(1, 3, 4), (2, 3, 4)]

    confirmed = HourEntry.objects.filter(placement__enrolment__cohort=cohort, status="confirmed")
    assert stored.placement_minutes == confirmed.aggregate(m=Sum("work_minutes"))["m"] == 690

    valid = Certificate.objects.filter(enrolment__cohort=cohort, status="valid")
    assert stored.certificates == valid.filter(kind="certificate").count() == 2
    assert stored.attendance_certificates == valid.filter(kind="attendance").count() == 1

    answers = OutcomeRecord.objects.filter(enrolment__cohort=cohort, follow_up_month=6)
    assert stored.six_month_due == staying.count()
    assert stored.in_work_or_training == answers.filter(kind__in=["employed", "minijob", "ausbildung"]).count() == 2
    assert stored.outcomes == {"employed": 1, "ausbildung": 1, "course": 1, "none": 1}

    assert [week for week, _, _ in stored.weeks] == [1, 2, 3]
    assert sum(units for _, _, units in stored.weeks) == stored.recorded_units
    assert CohortFigures.objects.get(cohort=other).enrolled == 6  # counted, but apart


def test_a_rebuild_counts_anew_and_twice_changes_nothing(world):
    cohort, people, other = world
    figures_rebuild()
    first = CohortFigures.objects.filter(cohort=cohort).values().get()
    figures_rebuild()
    again = CohortFigures.objects.filter(cohort=cohort).values().get()
    assert {k: v for k, v in first.items() if k != "computed_at"} == {
        k: v for k, v in again.items() if k != "computed_at"
    }
    Enrolment.objects.filter(pk=people[0].pk).update(
        status="withdrawn", withdrawn_on=cohort.end_date, withdrawal_reason="Arbeit"
    )
    figures_rebuild(cohort_ids=[cohort.pk])
    stored = CohortFigures.objects.get(cohort=cohort)
    assert (stored.withdrawn, stored.finished, stored.six_month_due) == (3, 3, 3)
    assert stored.reasons == {"Umzug": 2, "Arbeit": 1}


def test_the_command_counts_every_cohort(world):
    from django.core.management import call_command

    call_command("dashboard_figures", verbosity=0)
    assert CohortFigures.objects.count() == 2
