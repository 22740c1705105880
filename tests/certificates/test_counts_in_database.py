"""The cohort page's and the overview's counts come from the requirements' database conditions; they must
say exactly what the checklists say. Varied small worlds (seeded): attendance sums a hundredth either side
of each module's minimum, withdrawals, several placements (cancelled, later, at a facility type the
programme does not accept), hours a minute either side of the requirement, every prerequisite missing,
stale or on its month-end boundary, and issued, revoked and attendance documents. Runs on both databases
(`DATABASE_URL=postgres://…` for PostgreSQL)."""

import datetime
import random
from decimal import Decimal

import pytest
from django.utils import timezone

from certificates import services
from certificates.eligibility import cohort_facts, eligibility_for_cohort, eligible_condition, requirements_for
from certificates.selectors import cohort_certificate_counts, cohort_overview, cohort_overview_counts
from courses.models import AttendanceRecord, AttendanceStatus, EnrolmentStatus, FacilityType, TeachingSession
from courses.selectors import attended_units_needed
from placements.models import ConductCertificateCheck, HourEntry, Placement
from tests.factories import CohortFactory, EnrolmentFactory, FacilityFactory, ModuleFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)
BIRTHDAYS = (datetime.date(1965, 3, 1), datetime.date(1970, 12, 31), datetime.date(1971, 1, 1))  # measles rule


def _sessions(cohort, per_module: int = 2):
    """Two past sessions per module, splitting its planned units."""
    sessions = {}
    for module in cohort.programme.modules.order_by("position"):
        first = module.planned_units // per_module
        for number, units in enumerate((first, module.planned_units - first)):
            sessions.setdefault(module, []).append(
                TeachingSession.objects.create(
                    cohort=cohort,
                    module=module,
                    date=cohort.start_date + datetime.timedelta(days=module.position * 7 + number),
                    start_time=datetime.time(8, 0),
                    end_time=datetime.time(16, 0),
                    units=units,
                )
            )
    return sessions


def _attend(rng, enrolment, sessions, good: bool):
    """Attendance summing to around the module's minimum: exactly it, a hundredth or five below or above,
    all of it, or nothing recorded at all."""
    for module, module_sessions in sessions.items():
        needed = attended_units_needed(module.planned_units, module.effective_min_attendance_percent)
        choice = "all" if good else rng.choice(["needed", "-0.01", "-0.05", "-0.06", "+0.04", "all", "none"])
        if choice == "none":
            continue
        total = Decimal(module.planned_units) if choice == "all" else needed
        if choice not in ("needed", "all"):
            total += Decimal(choice)
        total = max(total, Decimal(0))
        first = (total / 2).quantize(Decimal("0.01"))
        for session, units in zip(module_sessions, (first, total - first), strict=True):
            AttendanceRecord.objects.create(
                session=session,
                enrolment=enrolment,
                status=AttendanceStatus.PRESENT if units else AttendanceStatus.UNEXCUSED,
                attended_units=units,
            )


def _month_end_boundary(rng) -> tuple[datetime.date, datetime.date]:
    """(inspected on, issued on) around the three-month limit, at a month's end where the clamp matters."""
    inspected = rng.choice([datetime.date(2026, 5, 31), datetime.date(2024, 5, 31), datetime.date(2026, 4, 20)])
    limit = {5: datetime.date(inspected.year, 2, 29 if inspected.year % 4 == 0 else 28)}.get(
        inspected.month, datetime.date(2026, 1, 20)
    )
    return inspected, limit + rng.choice([-DAY, datetime.timedelta(0), DAY])


def _place(rng, enrolment, facilities, required_minutes, supervisor, good: bool):
    now = timezone.now()
    count = 1 if good else rng.choice([0, 1, 1, 1, 2, 3])
    for number in range(count):
        start = rng.choice([datetime.date(2026, 5, 4), datetime.date(2026, 3, 2), TODAY - 20 * DAY])
        end = start + 40 * DAY if good else rng.choice([start + 40 * DAY, TODAY - DAY, TODAY, TODAY + DAY])
        complete = good or rng.random() < 0.6
        status = rng.choice(["active", "active", "planned", "cancelled"]) if number < count - 1 else "active"
        started = complete or status == "active" or rng.random() < 0.5
        placement = Placement.objects.create(
            enrolment=enrolment,
            facility=facilities[0] if good else rng.choice(facilities),
            supervisor=supervisor,
            start_date=start,
            end_date=max(end, start),
            planned_hours=100,
            status=status,
            activated_at=now if started else None,
            cancelled_at=now if status == "cancelled" else None,
            measles_proof_seen_at=now if complete or rng.random() < 0.5 else None,
            conduct_check_deleted_at=None if complete or rng.random() < 0.5 else now,
            infection_instruction_date=(
                rng.choice([start - 10 * DAY, datetime.date(start.year - 2, start.month, 1), start - 800 * DAY, None])
                if not complete
                else start - 10 * DAY
            ),
        )
        if complete or rng.random() < 0.6:
            inspected, issued = (start - 9 * DAY, start - 30 * DAY) if good else _month_end_boundary(rng)
            ConductCertificateCheck.objects.create(
                placement=placement,
                inspected_on=inspected,
                issue_date=issued,
                has_relevant_entry=not complete and rng.random() < 0.3,
            )
        confirmed = rng.choice([required_minutes, required_minutes - 1, required_minutes + 30, 0]) // max(count, 1)
        confirmed = required_minutes if good else confirmed
        for status, minutes in (("confirmed", confirmed), ("pending", rng.choice([0, 60]))):
            if minutes > 0:
                HourEntry.objects.create(
                    placement=placement,
                    date=start,
                    start_time=datetime.time(8, 0),
                    end_time=datetime.time(16, 0),
                    work_minutes=minutes,
                    status=status,
                )


def _world(seed: int, supervisor, *, placement_hours: int, ended: bool, people: int = 24):
    rng = random.Random(seed)
    end = TODAY - 30 * DAY if ended else TODAY + 30 * DAY
    cohort = CohortFactory(
        programme__required_placement_hours=placement_hours,
        programme__allowed_facility_types=[FacilityType.KITA],
        start_date=end - 150 * DAY,
        end_date=end,
    )
    ModuleFactory(programme=cohort.programme, position=1, planned_units=40)
    ModuleFactory(programme=cohort.programme, position=2, planned_units=23, min_attendance_percent=67)
    ModuleFactory(programme=cohort.programme, position=3, planned_units=17)
    sessions = _sessions(cohort)
    organisation = cohort.site.organisation
    facilities = [
        FacilityFactory(organisation=organisation, facility_type=FacilityType.KITA),
        FacilityFactory(organisation=organisation, facility_type=FacilityType.OGS),
    ]
    for number in range(people):
        enrolment = EnrolmentFactory(
            cohort=cohort,
            participant=ParticipantFactory(
                organisation=organisation,
                family_name=f"Nguyễn{number:02d}",
                date_of_birth=rng.choice(BIRTHDAYS),
            ),
        )
        good = rng.random() < 0.3  # everything in order, so that some are eligible
        if not good and rng.random() < 0.1:
            enrolment.status, enrolment.withdrawn_on = EnrolmentStatus.WITHDRAWN, end - 60 * DAY
            enrolment.withdrawal_reason = "Umzug"
            enrolment.save()
        _attend(rng, enrolment, sessions, good)
        if placement_hours:
            _place(rng, enrolment, facilities, placement_hours * 60, supervisor, good)
    return cohort


def _documents(rng, cohort, staff):
    """Certificates for some who may have one, one of them revoked; attendance documents for some others."""
    for eligibility in eligibility_for_cohort(cohort).values():
        if eligibility.eligible and rng.random() < 0.5:
            certificate = services.certificate_issue(enrolment=eligibility.enrolment, by=staff)
            if rng.random() < 0.4:
                services.certificate_revoke(certificate=certificate, reason="Stundennachweis fehlerhaft", by=staff)
        elif not eligibility.eligible and cohort.end_date < TODAY and rng.random() < 0.4:
            services.attendance_issue(enrolment=eligibility.enrolment, by=staff)


def _in_database(enrolments, condition) -> set[int]:
    if condition is False:
        return set()
    if condition is not True:
        enrolments = enrolments.filter(condition)
    return set(enrolments.values_list("pk", flat=True))


# The requirement each checklist item belongs to (PlacementHours also says whether the facility type fits).
REQUIREMENT_OF = {"facility_type": "placement_hours"}


def _requirements_met_in_python(cohort) -> dict[str, set[int]]:
    missed: dict[str, set[int]] = {requirement.code: set() for requirement in requirements_for(cohort.programme)}
    everyone = set()
    for pk, eligibility in eligibility_for_cohort(cohort).items():
        everyone.add(pk)
        for item in eligibility.items:
            if not item.met:
                code = item.code.split(":")[0]
                missed[REQUIREMENT_OF.get(code, code)].add(pk)
    return {code: everyone - pks for code, pks in missed.items()}


@pytest.mark.parametrize(
    "seed, placement_hours, ended",
    [(2022, 90, True), (2023, 90, True), (2024, 90, False), (2025, 0, True), (2026, 0, False)],
)
def test_database_counts_equal_the_checklists(seed, placement_hours, ended, staff, supervisor):
    cohort = _world(seed, supervisor, placement_hours=placement_hours, ended=ended)
    enrolments, eligible = eligible_condition(cohort)
    python = {pk for pk, eligibility in eligibility_for_cohort(cohort).items() if eligibility.eligible}
    assert _in_database(enrolments, eligible) == python
    # Rule by rule too: a difference in one rule must not hide behind another one that is missed.
    facts = cohort_facts(cohort)
    for requirement in requirements_for(cohort.programme):
        in_database = _in_database(enrolments, requirement.condition(facts))
        assert in_database == _requirements_met_in_python(cohort)[requirement.code], requirement.code
    _documents(random.Random(seed), cohort, staff)
    assert cohort_certificate_counts(cohort) == cohort_overview_counts(cohort_overview(cohort))


def test_the_worlds_are_varied(supervisor):
    """The seeds above reach both answers for each requirement, so the comparison means something."""
    met, missed = set(), set()
    for seed in (2022, 2023):
        for eligibility in eligibility_for_cohort(_world(seed, supervisor, placement_hours=90, ended=True)).values():
            for item in eligibility.items:
                (met if item.met else missed).add(item.code.split(":")[0])
            if eligibility.eligible:
                met.add("eligible")
            else:
                missed.add("eligible")
    codes = {"enrolment", "measure_over", "attendance", "placement_hours", "facility_type", "prerequisites"}
    assert codes - {"facility_type"} <= met and codes <= missed and "eligible" in met


def test_the_count_is_one_query_whatever_the_size(supervisor, django_assert_num_queries):
    small = _world(7, supervisor, placement_hours=90, ended=True, people=3)
    large = _world(8, supervisor, placement_hours=90, ended=True)
    for cohort in (small, large):
        cohort.programme  # noqa: B018 - loaded by the page before
        with django_assert_num_queries(3):  # modules, held units, the counts
            first = cohort_certificate_counts(cohort)
        with django_assert_num_queries(3):  # the same, the count's SQL compiled once per process
            assert cohort_certificate_counts(cohort) == first


def test_a_remembered_count_query_still_reads_the_current_data(staff, supervisor):
    cohort = _world(2022, supervisor, placement_hours=90, ended=True)
    before = cohort_certificate_counts(cohort)
    assert before["eligible"] > 0
    enrolment = next(e.enrolment for e in eligibility_for_cohort(cohort).values() if e.eligible)
    services.certificate_issue(enrolment=enrolment, by=staff)
    after = cohort_certificate_counts(cohort)
    assert (after["issued"], after["eligible"]) == (before["issued"] + 1, before["eligible"] - 1)
