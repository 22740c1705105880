"""Demo part of the placements: supervisors for every facility; for the three finished runs a three-week
placement at the end with complete prerequisites and confirmed hours (one person a little short, the §72a
facts already deleted as the law requires); for the running run a placement on Thursdays and Fridays
for the last five weeks, older days confirmed, the last week waiting for the supervisors (``anleitung`` has some),
one rejected day, and one placement blocked because the measles proof is missing."""

import datetime

import holidays
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.models import Role
from courses.models import EnrolmentStatus
from demo.builders import DEMO_PASSWORD
from placements import services
from placements.models import ConductCertificateCheck, HourEntry, HourEntryEvent, Placement

T = datetime.time
NRW_HOLIDAYS = holidays.Germany(subdiv="NW", years=range(2021, 2028))
ACTIVITIES = [
    "Morgenkreis begleitet, Begrüßung der Familien",
    "Vorlesen in der Leseecke, Sprachförderung in Kleingruppe",
    "Begleitung beim Mittagessen und in der Ruhephase",
    "Elterngespräch mit Praxisanleitung vorbereitet (Dolmetschen)",
    "Bewegungsangebot im Außengelände",
    "Hausaufgabenbetreuung in der OGS",
    "Kreativangebot: Laternen basteln",
]


def _aware(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, time))


def build_supervisors(world) -> None:
    """The demo world links ``anleitung`` to two facilities; the other two get a supervisor of their own."""
    world.facility_supervisors = {0: world.supervisor_user, 3: world.supervisor_user}
    for index, (username, first, last) in (
        (1, ("tenhagen", "Maria", "Tenhagen")),
        (2, ("overbeck", "Sabine", "Overbeck")),
    ):
        user = services.supervisor_create(
            facility=world.facilities[index],
            username=username,
            first_name=first,
            last_name=last,
            email=f"{username}@example.org",
            password="Demo-Passwort-2026!",
            by=world.staff_user,
        )
        # The same fixed hash as every demo login, so the fixture stays stable between rebuilds.
        type(user).objects.filter(pk=user.pk).update(password=make_password(DEMO_PASSWORD, salt="demofixture"))
        world.facility_supervisors[index] = user
    for index, facility in enumerate(world.facilities):
        facility.contact_name = world.facility_supervisors[index].get_full_name()
        facility.contact_phone = f"02594 {9100 + index * 7}"
        facility.save(update_fields=["contact_name", "contact_phone"])
    assert all(u.role == Role.SUPERVISOR for u in world.facility_supervisors.values())


def _prerequisites(placement, staff, *, measles=True) -> None:
    start = placement.start_date
    services.conduct_check_record(
        placement=placement,
        inspected_on=start - datetime.timedelta(days=21),
        issue_date=start - datetime.timedelta(days=40),
        has_relevant_entry=False,
        by=staff,
    )
    if measles:
        services.measles_proof_record(placement=placement, by=staff)
    services.infection_instruction_record(
        placement=placement, instruction_date=start - datetime.timedelta(days=14), by=staff
    )


def _backdate_checks(placement) -> None:
    """Let the recorded moments fall before the start, as they would have in reality."""
    seen = _aware(placement.start_date - datetime.timedelta(days=21), T(10, 15))
    Placement.objects.filter(pk=placement.pk).update(
        measles_proof_seen_at=seen,
        infection_instruction_recorded_at=_aware(placement.start_date - datetime.timedelta(days=14), T(12)),
        activated_at=_aware(placement.start_date, T(8)),
    )
    ConductCertificateCheck.objects.filter(placement=placement).update(checked_at=seen)


def _workdays(start: datetime.date, end: datetime.date, weekdays: set[int]):
    day = start
    while day <= end:
        if day.weekday() in weekdays and day not in NRW_HOLIDAYS:
            yield day
        day += datetime.timedelta(days=1)


def _log_days(world, placement, days, by) -> list[HourEntry]:
    entries = []
    for index, day in enumerate(days):
        start = T(8, 0) if index % 3 else T(7, 30)
        end = T(15, 0) if index % 3 else T(14, 30)
        entries.append(
            services.hours_log(
                placement=placement,
                date=day,
                start_time=start,
                end_time=end,
                break_minutes=30,
                activity=world.rng.choice(ACTIVITIES),
                by=by,
            )
        )
    return entries


def _confirm(entries, supervisor) -> None:
    if not entries:
        return
    services.hours_decide_many(entry_ids=[e.pk for e in entries], confirm=True, by=supervisor)
    for entry in entries:
        decided = _aware(entry.date + datetime.timedelta(days=1), T(16, 30))
        HourEntry.objects.filter(pk=entry.pk).update(decided_at=decided)
        HourEntryEvent.objects.filter(entry=entry, action="confirmed").update(at=decided)
        HourEntryEvent.objects.filter(entry=entry, action="logged").update(at=_aware(entry.date, T(15, 30)))


def _place(world, enrolment, index, start, end):
    facility = world.facilities[index % len(world.facilities)]
    return services.placement_create(
        enrolment=enrolment,
        facility=facility,
        supervisor=world.facility_supervisors[index % len(world.facilities)],
        start_date=start,
        end_date=end,
        planned_hours=world.programme.required_placement_hours,
        by=world.staff_user,
    )


def build_finished_placements(world) -> None:
    staff = world.staff_user
    count = 0
    for cohort in world.cohorts[:3]:
        end = cohort.end_date
        start = end - datetime.timedelta(days=end.weekday() + 14)  # the Monday three weeks before the end
        enrolments = cohort.enrolments.exclude(status=EnrolmentStatus.WITHDRAWN).order_by("participant__name_key")
        for index, enrolment in enumerate(enrolments):
            placement = _place(world, enrolment, index, start, end)
            _prerequisites(placement, staff)
            services.placement_activate(placement=placement, by=staff)
            _backdate_checks(placement)
            days = list(_workdays(start, end, {0, 1, 2, 3, 4}))
            if cohort == world.cohorts[2] and index == 1:
                days = days[:-3]  # ill in the last days: a little short of the required hours
            entries = _log_days(world, placement, days, staff)
            _confirm(entries, placement.supervisor)
            count += 1
    # The §72a facts of these long-finished placements have been deleted, as the law requires.
    services.conduct_checks_purge()
    world.summary.append(f"{count} finished placements with confirmed hours")


def build_running_placements(world) -> None:
    staff = world.staff_user
    cohort = world.cohorts[3]
    today = timezone.localdate()
    # On Thursdays and Fridays since the Monday five weeks before the build day.
    start, end = today - datetime.timedelta(days=today.weekday() + 35), cohort.end_date
    lan = world.participant_user
    enrolments = list(cohort.enrolments.filter(status=EnrolmentStatus.ACTIVE).select_related("participant"))
    # Nguyễn Thị Lan first, so she is placed with ``anleitung`` at AWO-Kita Sonnenschein.
    enrolments.sort(key=lambda e: (e.participant.user_id != lan.pk, e.participant.name_key))
    blocked = enrolments[-1]
    pending = 0
    for index, enrolment in enumerate(enrolments):
        placement = _place(world, enrolment, index, start, end)
        if enrolment == blocked:
            _prerequisites(placement, staff, measles=False)  # measles proof not yet shown: cannot start
            continue
        _prerequisites(placement, staff)
        services.placement_activate(placement=placement, by=staff)
        _backdate_checks(placement)
        days = [day for day in _workdays(start, today - datetime.timedelta(days=1), {3, 4})]
        by = lan if enrolment.participant.user_id == lan.pk else staff
        entries = _log_days(world, placement, days, by)
        # Up to the Friday before last confirmed; last week's days wait for the supervisor.
        cutoff = today - datetime.timedelta(days=today.weekday() + 10)
        _confirm([e for e in entries if e.date <= cutoff], placement.supervisor)
        waiting = [e for e in entries if e.date > cutoff]
        if index == 2 and waiting:
            services.hours_reject(
                entry=waiting.pop(0),
                reason="An diesem Tag war die Einrichtung wegen Fortbildung geschlossen.",
                by=placement.supervisor,
            )
        pending += len(waiting)
    world.summary.append(
        f"{len(enrolments)} placements in the running cohort, {pending} hour entries waiting for confirmation, "
        f"one blocked by a missing prerequisite"
    )


STEPS = [build_supervisors, build_finished_placements, build_running_placements]
