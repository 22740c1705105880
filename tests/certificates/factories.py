"""Attendance and placement facts for certificate tests, written straight to the tables (the attendance
and placement apps test their own services; here only the facts the engine reads matter)."""

import datetime
from decimal import Decimal

from django.utils import timezone

from courses.models import AttendanceRecord, AttendanceStatus, TeachingSession
from placements.models import ConductCertificateCheck, HourEntry, Placement

from ..factories import FacilityFactory

PAST = datetime.date(2026, 3, 2)


def sessions_for(cohort):
    """One past session per module, as long as the module (idempotent per cohort)."""
    sessions = []
    for module in cohort.programme.modules.order_by("position"):
        session, _ = TeachingSession.objects.get_or_create(
            cohort=cohort,
            module=module,
            date=PAST + datetime.timedelta(days=module.position),
            defaults={
                "start_time": datetime.time(8, 0),
                "end_time": datetime.time(16, 0),
                "units": module.planned_units,
            },
        )
        sessions.append(session)
    return sessions


def attend(enrolment, fraction: Decimal | str = "1"):
    """Attendance of ``fraction`` of every module's units."""
    for session in sessions_for(enrolment.cohort):
        units = (Decimal(session.units) * Decimal(fraction)).quantize(Decimal("0.1"))
        AttendanceRecord.objects.update_or_create(
            session=session,
            enrolment=enrolment,
            defaults={
                "status": AttendanceStatus.PRESENT if units else AttendanceStatus.UNEXCUSED,
                "attended_units": units,
            },
        )


def place(enrolment, *, supervisor, facility=None, confirmed_hours=None, pending_hours=0, prerequisites=True):
    """A placement with confirmed (and pending) hours; prerequisites complete unless told otherwise."""
    facility = facility or FacilityFactory(organisation=enrolment.cohort.site.organisation)
    confirmed_hours = (
        enrolment.cohort.programme.required_placement_hours if confirmed_hours is None else confirmed_hours
    )
    now = timezone.now()
    placement = Placement.objects.create(
        enrolment=enrolment,
        facility=facility,
        supervisor=supervisor,
        start_date=datetime.date(2026, 5, 4),
        end_date=datetime.date(2026, 6, 19),
        planned_hours=max(confirmed_hours, 1),
        status="active" if prerequisites else "planned",
        activated_at=now if prerequisites else None,
        measles_proof_seen_at=now if prerequisites else None,
        infection_instruction_date=datetime.date(2026, 4, 20) if prerequisites else None,
    )
    if prerequisites:
        ConductCertificateCheck.objects.create(
            placement=placement,
            inspected_on=datetime.date(2026, 4, 20),
            issue_date=datetime.date(2026, 4, 1),
            has_relevant_entry=False,
        )
    for status, hours in (("confirmed", confirmed_hours), ("pending", pending_hours)):
        if hours:
            HourEntry.objects.create(
                placement=placement,
                date=datetime.date(2026, 5, 5),
                start_time=datetime.time(8, 0),
                end_time=datetime.time(16, 0),
                work_minutes=hours * 60,
                status=status,
            )
    return placement


def make_eligible(enrolment, *, supervisor):
    attend(enrolment)
    place(enrolment, supervisor=supervisor)
    return enrolment
