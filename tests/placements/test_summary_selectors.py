"""The interface the certificates app reads: one summary per enrolment, in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from placements import selectors, services
from tests.factories import EnrolmentFactory, ParticipantFactory

from .conftest import complete_prerequisites, days, log, plan_placement

pytestmark = pytest.mark.django_db


def test_enrolment_without_placement_is_absent(cohort, enrolment):
    assert selectors.placement_summaries_of_cohort(cohort) == {}
    assert selectors.placement_summary_of_enrolment(enrolment) is None


def test_summary_of_a_blocked_placement_names_what_is_missing(cohort, placement):
    summary = selectors.placement_summaries_of_cohort(cohort)[placement.enrolment_id]
    assert summary.placement_id == placement.pk
    assert summary.facility_name == placement.facility.name
    assert summary.facility_type == "kita"
    assert summary.facility_type_label == "Kita (day-care centre)"
    assert summary.required_minutes == cohort.programme.required_placement_hours * 60
    assert summary.prerequisites_complete is False
    assert "Proof of measles protection has not been recorded." in summary.missing_prerequisites
    assert len(summary.missing_prerequisites) == 3


def test_summary_counts_confirmed_and_pending_minutes(cohort, active_placement, participant_user, supervisor):
    first = log(active_placement, participant_user, day=-5, start="08:00", end="12:00")
    log(active_placement, participant_user, day=-4, start="08:00", end="11:30")
    services.hours_confirm(entry=first, by=supervisor)
    summary = selectors.placement_summary_of_enrolment(active_placement.enrolment)
    assert summary.confirmed_minutes == 240
    assert summary.pending_minutes == 210
    assert summary.prerequisites_complete is True
    assert summary.missing_prerequisites == []
    assert summary.start_date == days(-30) and summary.end_date == days(20)


def test_latest_non_cancelled_placement_represents_the_enrolment(cohort, placement, staff, facility, supervisor):
    services.placement_cancel(placement=placement, reason="Nicht angetreten", by=staff)
    second = services.placement_create(
        enrolment=placement.enrolment,
        facility=facility,
        supervisor=supervisor,
        start_date=days(-10),
        end_date=days(30),
        planned_hours=60,
        by=staff,
    )
    assert selectors.placement_summary_of_enrolment(placement.enrolment).placement_id == second.pk


def test_cohort_summaries_take_a_fixed_number_of_queries(cohort, facility, supervisor, staff):
    def add_one():
        enrolment = EnrolmentFactory(
            cohort=cohort, participant=ParticipantFactory(organisation=cohort.site.organisation)
        )
        placement = plan_placement(enrolment, facility, supervisor, staff)
        complete_prerequisites(placement, staff)
        services.placement_activate(placement=placement, by=staff)
        log(placement, staff)

    add_one()
    cohort = type(cohort).objects.select_related("programme").get(pk=cohort.pk)
    with CaptureQueriesContext(connection) as one:
        selectors.placement_summaries_of_cohort(cohort)
    for _ in range(3):
        add_one()
    with CaptureQueriesContext(connection) as four:
        result = selectors.placement_summaries_of_cohort(cohort)
    assert len(result) == 4
    assert (
        len(four.captured_queries) == len(one.captured_queries) <= 3
    )  # the people (shared with the page), placements, hour sums
