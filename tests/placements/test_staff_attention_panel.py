"""The staff start page's "Placements needing attention": planned ones, and active ones with hours awaiting
confirmation; not active ones with nothing waiting, not another organisation's."""

import pytest

from placements import selectors, services

from ..factories import EnrolmentFactory, ParticipantFactory
from .conftest import complete_prerequisites, log, plan_placement

pytestmark = pytest.mark.django_db


def _another(cohort):
    return EnrolmentFactory(cohort=cohort, participant=ParticipantFactory(organisation=cohort.site.organisation))


def test_planned_and_waiting_are_listed_the_rest_not(
    active_placement, participant_user, supervisor, staff, other_staff, cohort, facility
):
    log(active_placement, participant_user)  # active, one entry waiting
    planned = plan_placement(_another(cohort), facility, supervisor, staff)
    quiet = plan_placement(_another(cohort), facility, supervisor, staff)
    complete_prerequisites(quiet, staff)
    services.placement_activate(placement=quiet, by=staff)  # active, nothing waiting

    shown = {p.pk for p in selectors.staff_open_placements(staff)}

    assert shown == {active_placement.pk, planned.pk}
    assert selectors.staff_open_placements(other_staff) == []
    assert selectors.staff_open_placements(supervisor) == []


def test_confirmed_hours_leave_the_list(active_placement, participant_user, supervisor, staff):
    entry = log(active_placement, participant_user)
    assert [p.pk for p in selectors.staff_open_placements(staff)] == [active_placement.pk]
    services.hours_confirm(entry=entry, by=supervisor)
    assert selectors.staff_open_placements(staff) == []
