"""The people and records the journeys start from, built with the apps' factories and services.

Names are realistic (they end up in the README's screenshots); dates are relative to today so the
journeys behave the same whatever day they run.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from accounts.models import Role
from courses.models import CohortStatus
from placements import services as placement_services

from ..certificates.factories import attend, place
from ..factories import (
    CohortFactory,
    EnrolmentFactory,
    FacilityFactory,
    ModuleFactory,
    OrganisationFactory,
    ParticipantFactory,
    ProgrammeFactory,
    SiteFactory,
    UserFactory,
    staff_user,
)

TODAY = timezone.localdate()

MODULES = [
    ("Bildungsgrundsätze NRW und Bild vom Kind", 40),
    ("Kinderrechte und Kinderschutz", 24),
    ("Sprache, Mehrsprachigkeit und Kommunikation", 32),
]


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def german_date(day: datetime.date) -> str:
    return day.strftime("%d.%m.%Y")


@dataclass
class World:
    organisation: object
    programme: object
    site: object
    staff: object
    modules: list


def build_world() -> World:
    organisation = OrganisationFactory(name="AWO Unterbezirk Münsterland-Recklinghausen")
    programme = ProgrammeFactory(
        organisation=organisation,
        title="Integrationsbegleiter:in in Kitas",
        min_attendance_percent=80,
        required_placement_hours=90,
    )
    modules = [
        ModuleFactory(programme=programme, position=i, title=title, planned_units=units)
        for i, (title, units) in enumerate(MODULES, start=1)
    ]
    site = SiteFactory(organisation=organisation, name="Dülmen, Familienbildungsstätte")
    staff = staff_user(organisation, username="mitarbeiterin", first_name="Miriam", last_name="Hoffmann")
    assert staff.role == Role.STAFF
    return World(organisation=organisation, programme=programme, site=site, staff=staff, modules=modules)


def running_cohort(world: World, *, number: str = "2026-1", **kwargs):
    defaults = dict(
        programme=world.programme,
        site=world.site,
        number=number,
        start_date=days(-120),
        end_date=days(30),
        capacity=15,
        status=CohortStatus.RUNNING,
        measure_number="962/0041/26",
    )
    defaults.update(kwargs)
    return CohortFactory(**defaults)


def enrol(cohort, given_name: str, family_name: str, date_of_birth: datetime.date, *, username: str = ""):
    """An enrolment of a new participant, with a login when ``username`` is given."""
    participant = ParticipantFactory(
        organisation=cohort.site.organisation,
        given_name=given_name,
        family_name=family_name,
        date_of_birth=date_of_birth,
    )
    enrolment = EnrolmentFactory(cohort=cohort, participant=participant, enrolled_on=cohort.start_date)
    if username:
        participant.user = UserFactory(
            username=username, first_name=given_name, last_name=family_name, role=Role.PARTICIPANT
        )
        participant.save()
    return enrolment


def supervisor_at(world: World, *, facility_name: str = "Kita Regenbogen", username: str = "anleitung"):
    facility = FacilityFactory(organisation=world.organisation, name=facility_name, facility_type="kita")
    supervisor = UserFactory(username=username, first_name="Sabine", last_name="Kortmann", role=Role.SUPERVISOR)
    facility.supervisors.add(supervisor)
    return facility, supervisor


def active_placement(world: World, enrolment, *, facility, supervisor, planned_hours: int = 90):
    """A started placement (every check before the start recorded) through the placements services."""
    placement = placement_services.placement_create(
        enrolment=enrolment,
        facility=facility,
        supervisor=supervisor,
        start_date=days(-30),
        end_date=days(20),
        planned_hours=planned_hours,
        by=world.staff,
    )
    placement_services.conduct_check_record(
        placement=placement, inspected_on=days(-40), issue_date=days(-60), has_relevant_entry=False, by=world.staff
    )
    placement_services.measles_proof_record(placement=placement, by=world.staff)
    placement_services.infection_instruction_record(placement=placement, instruction_date=days(-35), by=world.staff)
    return placement_services.placement_activate(placement=placement, by=world.staff)


def past_weekdays(count: int, *, skip: int = 1) -> list[datetime.date]:
    """The ``count`` weekdays before today (leaving out the ``skip`` most recent), oldest first."""
    found, day = [], TODAY
    while len(found) < count + skip:
        day -= datetime.timedelta(days=1)
        if day.weekday() < 5:
            found.append(day)
    return sorted(found[skip:])


def log_hours(placement, by, day: datetime.date, start: str, end: str, *, pause: int = 0, activity: str = ""):
    return placement_services.hours_log(
        placement=placement,
        date=day,
        start_time=datetime.time.fromisoformat(start),
        end_time=datetime.time.fromisoformat(end),
        break_minutes=pause,
        activity=activity,
        by=by,
    )


def finished_cohort_with_results():
    """A finished run: three participants met every requirement, Amina Haddad's attendance is too low."""
    world = build_world()
    cohort = running_cohort(
        world,
        number="2026-1",
        start_date=datetime.date(2026, 2, 2),
        end_date=datetime.date(2026, 6, 26),
        status=CohortStatus.FINISHED,
    )
    facility, supervisor = supervisor_at(world, facility_name="Kita Regenbogen, Dülmen")
    people = {
        "lan": enrol(cohort, "Thị Lan", "Nguyễn", datetime.date(1988, 3, 14), username="teilnehmerin"),
        "savas": enrol(cohort, "Savaş", "Yılmaz", datetime.date(1991, 11, 2)),
        "agnieszka": enrol(cohort, "Agnieszka", "Kowalska", datetime.date(1985, 6, 27)),
        "amina": enrol(cohort, "Amina", "Haddad", datetime.date(1994, 1, 9)),
    }
    for key, enrolment in people.items():
        attend(enrolment, "0.6" if key == "amina" else "0.95")
        place(enrolment, supervisor=supervisor, facility=facility)
    return world, cohort, people
