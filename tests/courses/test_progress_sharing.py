"""People with the same attendance figures share one (immutable) progress per module; different figures give
different progress, and nobody can change a shared one."""

import datetime

import pytest

from courses.models import AttendanceRecord, TeachingSession, attended_units_for
from courses.selectors import attendance_progress_of_cohort
from tests.factories import EnrolmentFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 4, 30)


def _person(cohort):
    return EnrolmentFactory(cohort=cohort, participant=ParticipantFactory(organisation=cohort.site.organisation))


def _attend(session, enrolment, status):
    AttendanceRecord.objects.create(
        session=session, enrolment=enrolment, status=status, attended_units=attended_units_for(session, status, 0, 0)
    )


def test_same_figures_share_one_progress_and_it_cannot_be_changed(cohort):
    module = cohort.programme.modules.order_by("position").first()
    session = TeachingSession.objects.create(
        cohort=cohort,
        module=module,
        date=datetime.date(2026, 2, 2),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(12, 0),
        units=4,
    )
    present_1, present_2, sick = _person(cohort), _person(cohort), _person(cohort)
    _attend(session, present_1, "P")
    _attend(session, present_2, "P")
    _attend(session, sick, "K")

    progress = attendance_progress_of_cohort(cohort, today=TODAY)

    assert progress[present_1.pk][0] is progress[present_2.pk][0]
    assert progress[sick.pk][0] is not progress[present_1.pk][0]
    assert progress[sick.pk][0].absences == {"E": 0, "K": 1, "UE": 0}
    assert progress[present_1.pk][0].attended_units == 4
    with pytest.raises(TypeError):
        progress[present_1.pk][0].absences["K"] = 5
