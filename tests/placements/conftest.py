"""Placements are tested against a cohort that is running today, so "in the future" and "within the
placement period" mean the same whatever day the tests run."""

import datetime

import pytest
from django.utils import timezone

from placements import services

from ..factories import CohortFactory, ModuleFactory

TODAY = timezone.localdate()


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def cohort(organisation):
    cohort = CohortFactory(programme__organisation=organisation, start_date=days(-150), end_date=days(40))
    ModuleFactory(programme=cohort.programme, position=1, title="Bildungsgrundsätze", planned_units=40)
    return cohort


def plan_placement(enrolment, facility, supervisor, staff):
    """A 90-hour placement from 30 days ago until 20 days ahead, planned by staff."""
    return services.placement_create(
        enrolment=enrolment,
        facility=facility,
        supervisor=supervisor,
        start_date=days(-30),
        end_date=days(20),
        planned_hours=90,
        by=staff,
    )


@pytest.fixture
def placement(enrolment, facility, supervisor, staff):
    return plan_placement(enrolment, facility, supervisor, staff)


def complete_prerequisites(placement, by):
    services.conduct_check_record(
        placement=placement, inspected_on=days(-40), issue_date=days(-60), has_relevant_entry=False, by=by
    )
    services.measles_proof_record(placement=placement, by=by)
    services.infection_instruction_record(placement=placement, instruction_date=days(-35), by=by)


@pytest.fixture
def active_placement(placement, staff):
    complete_prerequisites(placement, staff)
    return services.placement_activate(placement=placement, by=staff)


def log(placement, by, *, day=-3, start="08:00", end="12:00", pause=0, activity="Begleitung im Morgenkreis"):
    return services.hours_log(
        placement=placement,
        date=days(day) if isinstance(day, int) else day,
        start_time=datetime.time.fromisoformat(start),
        end_time=datetime.time.fromisoformat(end),
        break_minutes=pause,
        activity=activity,
        by=by,
    )
