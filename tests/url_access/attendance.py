"""Who may open the teaching pages: staff of the cohort's organisation only; a participant sees only their
own attendance page. Supervisors never open registers, matrices or reports."""

import datetime

from courses.models import EnrolmentStatus, TeachingSession
from tests.factories import EnrolmentFactory, ParticipantFactory

from . import allow


def extend_world(world):
    world.session = TeachingSession.objects.create(
        cohort=world.cohort,
        module=world.cohort.programme.modules.order_by("position").first(),
        date=datetime.date(2026, 2, 2),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(12, 0),
        units=4,
    )
    world.withdrawn_enrolment = EnrolmentFactory(
        cohort=world.cohort,
        participant=ParticipantFactory(organisation=world.cohort.site.organisation),
        status=EnrolmentStatus.WITHDRAWN,
        withdrawn_on=datetime.date(2026, 3, 13),
        withdrawal_reason="Arbeitsaufnahme",
    )


def _cohort(w):
    return {"pk": w.cohort.pk}


def _session(w):
    return {"pk": w.session.pk}


ENTRIES = {
    "courses:session_list": allow("staff", kwargs=_cohort),
    "courses:session_create": allow("staff", kwargs=_cohort),
    "courses:session_series": allow("staff", kwargs=_cohort),
    "courses:session_update": allow("staff", kwargs=_session),
    "courses:session_delete": allow("staff", kwargs=_session),
    "courses:register": allow("staff", kwargs=_session),
    "courses:attendance_sheet": allow("staff", kwargs=_session),
    "courses:attendance_matrix": allow("staff", kwargs=_cohort),
    "courses:enrolment_attendance": allow("staff", "participant", kwargs=lambda w: {"pk": w.enrolment.pk}),
    "courses:absence_report": allow("staff", kwargs=_cohort),
    "courses:absence_report_download": allow(
        "staff", kwargs=lambda w: {"pk": w.cohort.pk, "year": 2026, "month": 2, "fmt": "pdf"}
    ),
    "courses:dropout_notice": allow("staff", kwargs=lambda w: {"pk": w.withdrawn_enrolment.pk}),
}
