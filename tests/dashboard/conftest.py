"""A small world for the dashboard: a finished cohort whose 6-month follow-ups are due, with attendance,
withdrawals (one before starting), placement hours, both kinds of document and outcomes, written straight
to the tables (each app tests its own services); and a cohort of another organisation that must never
count."""

import datetime
from decimal import Decimal
from itertools import count

import pytest
from django.utils import timezone

from accounts.models import Role
from certificates.models import Certificate
from courses.models import AttendanceRecord, PartnerOrganisation, TeachingSession
from dashboard.services import figures_rebuild
from outcomes.models import OutcomeRecord
from outcomes.selectors import add_months
from placements.models import HourEntry, Placement

from ..factories import CohortFactory, EnrolmentFactory, FacilityFactory, ModuleFactory, UserFactory

TODAY = timezone.localdate()
_numbers = count(1)


def finished_cohort(organisation, *, months_ago: int = 8, **kwargs):
    """A cohort that ended ``months_ago`` months ago after 3 weeks, with two modules of 6 units each."""
    end = add_months(TODAY, -months_ago)
    cohort = CohortFactory(
        programme__organisation=organisation,
        start_date=end - datetime.timedelta(days=20),
        end_date=end,
        status="finished",
        **kwargs,
    )
    ModuleFactory(programme=cohort.programme, position=1, title="Bildungsgrundsätze", planned_units=6)
    ModuleFactory(programme=cohort.programme, position=2, title="Kinderrechte", planned_units=6)
    return cohort


def sessions(cohort):
    """Module 1 in weeks 1 and 2 (3 units each), module 2 in week 3 (6 units)."""
    modules = list(cohort.programme.modules.order_by("position"))
    made = []
    for week, module in ((0, modules[0]), (1, modules[0]), (2, modules[1])):
        made.append(
            TeachingSession.objects.create(
                cohort=cohort,
                module=module,
                date=cohort.start_date + datetime.timedelta(days=7 * week),
                start_time=datetime.time(9, 0),
                end_time=datetime.time(12, 0),
                units=3 if week < 2 else 6,
            )
        )
    return made


def attend(enrolment, made, fractions):
    for session, fraction in zip(made, fractions, strict=True):
        if fraction is None:
            continue
        units = (Decimal(session.units) * Decimal(fraction)).quantize(Decimal("0.01"))
        AttendanceRecord.objects.create(
            session=session, enrolment=enrolment, status="P" if units else "UE", attended_units=units
        )


def hours(enrolment, supervisor, facility, *, confirmed_minutes, pending_minutes=0):
    placement = Placement.objects.create(
        enrolment=enrolment,
        facility=facility,
        supervisor=supervisor,
        start_date=enrolment.cohort.start_date,
        end_date=enrolment.cohort.end_date,
        planned_hours=100,
    )
    for status, minutes in (("confirmed", confirmed_minutes), ("pending", pending_minutes)):
        if minutes:
            HourEntry.objects.create(
                placement=placement,
                date=enrolment.cohort.start_date + datetime.timedelta(days=1),
                start_time=datetime.time(8, 0),
                end_time=datetime.time(16, 0),
                work_minutes=minutes,
                status=status,
            )


def document(enrolment, by, kind="certificate", status="valid"):
    n = next(_numbers)
    return Certificate.objects.create(
        enrolment=enrolment,
        kind=kind,
        number=f"T-{n}",
        prefix="T",
        year=2026,
        sequence=n,
        verification_code=f"CODE{n:08d}",
        template_version=1,
        snapshot={},
        status=status,
        issued_at=timezone.now(),
        issued_by=by,
        revoked_at=timezone.now() if status == "revoked" else None,
        revocation_reason="Fehler" if status == "revoked" else "",
    )


def outcome(enrolment, kind):
    OutcomeRecord.objects.create(
        participant=enrolment.participant,
        enrolment=enrolment,
        follow_up_month=6,
        date=TODAY,
        kind=kind,
        source="participant",
    )


def fill(cohort, staff):
    """Six people: two in work, one on a course, one unanswered, one withdrawn after starting, one before."""
    supervisor = UserFactory(role="supervisor")
    facility = FacilityFactory(organisation=cohort.site.organisation)
    made = sessions(cohort)
    people = [EnrolmentFactory(cohort=cohort, enrolled_on=cohort.start_date) for _ in range(6)]
    a, b, c, d, e, f = people
    attend(a, made, [1, 1, 1])
    attend(b, made, ["0.5", 1, 1])  # module 1 below 80 %
    attend(c, made, [1, 1, 0])  # module 2 missed
    attend(d, made, [1, 1, 1])
    attend(e, made, [1, None, None])  # present once, then withdrew
    for enrolment, day, reason in ((e, 8, "Umzug"), (f, 0, "  umzug.")):
        enrolment.status = "withdrawn"
        enrolment.withdrawn_on = cohort.start_date + datetime.timedelta(days=day)
        enrolment.withdrawal_reason = reason
        enrolment.save()
    hours(a, supervisor, facility, confirmed_minutes=600, pending_minutes=120)
    hours(b, supervisor, facility, confirmed_minutes=90)
    document(a, staff)
    document(b, staff, kind="attendance")
    document(c, staff, status="revoked")
    document(d, staff)
    outcome(a, "employed")
    outcome(b, "ausbildung")
    outcome(c, "course")
    return people


@pytest.fixture
def world(organisation, other_organisation, staff):
    cohort = finished_cohort(organisation)
    people = fill(cohort, staff)
    other = finished_cohort(other_organisation)
    fill(other, staff)
    return cohort, people, other


@pytest.fixture
def jobcenter(world):
    """A partner log-in of the world cohort's funder; the other cohort gets a funder of its own."""
    cohort, _people, other = world
    other.funding_body = PartnerOrganisation.objects.create(name="Jobcenter Kreis Borken")
    other.save()
    figures_rebuild()
    user = UserFactory(username="jobcenter", role=Role.PARTNER)
    cohort.funding_body.members.add(user)
    return user
