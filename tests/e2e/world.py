"""The people and records the journeys start from, built with the apps' factories and services.

Names are realistic (they end up in the README's screenshots); dates are relative to today so the
journeys behave the same whatever day they run.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from accounts.models import Role
from courses.models import CohortStatus

from ..factories import CohortFactory, ModuleFactory, OrganisationFactory, ProgrammeFactory, SiteFactory, staff_user

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
        funding_body="Kreisjobcenter Coesfeld",
        measure_number="962/0041/26",
    )
    defaults.update(kwargs)
    return CohortFactory(**defaults)
