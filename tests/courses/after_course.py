"""Ending a participant's course the ways it ends, for the "after the course" tests of every app."""

import datetime

from courses import services
from courses.models import Cohort, CohortStatus, Enrolment, EnrolmentStatus

# Withdrawn: they left. Finished: staff closed the run. Completed: their place is done (a certificate was issued).
ENDINGS = ("withdrawn", "finished", "completed")


def end_course(enrolment: Enrolment, how: str, *, by) -> Enrolment:
    if how == "withdrawn":
        services.enrolment_withdraw(enrolment=enrolment, on=datetime.date(2026, 4, 30), reason="Arbeitsaufnahme", by=by)
    elif how == "finished":
        Cohort.objects.filter(pk=enrolment.cohort_id).update(status=CohortStatus.FINISHED)
    elif how == "completed":
        Enrolment.objects.filter(pk=enrolment.pk).update(status=EnrolmentStatus.COMPLETED)
    else:
        raise ValueError(how)
    return Enrolment.objects.select_related("cohort", "participant").get(pk=enrolment.pk)
