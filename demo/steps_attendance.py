"""Demo part of the teaching module: sessions for the four runs (Mon–Wed, 5 units a morning, the three
modules one after the other, NRW holidays skipped) and realistic registers: nearly everyone present, some
E and K, a few late arrivals, unexcused absences only in the later runs (the pilot's first two runs had
none), one correction after a sick note came in, and one participant of the running cohort at risk."""

import datetime

from django.utils import timezone

from courses import services
from courses.models import AttendanceRecord, AttendanceStatus, TeachingSession
from courses.selectors import enrolments_on

T = datetime.time

TOPICS = {
    1: ["Die zehn Bildungsbereiche", "Bild vom Kind", "Beobachtung und Dokumentation", "Sprache und Kommunikation"],
    2: ["UN-Kinderrechtskonvention", "Partizipation im Kita-Alltag", "Vielfalt und Mehrsprachigkeit"],
    3: ["Kinderschutz", "Kindeswohlgefährdung erkennen", "Handeln nach § 8a SGB VIII"],
}
TRAINERS = {1: "Birgit Hoffmann", 2: "Dr. Canan Aydın", 3: "Markus Terhorst"}
AT_RISK = ("Zeynep", "Kaya")  # in the running cohort


def build_sessions(world) -> None:
    count = 0
    for cohort in world.cohorts:
        start = cohort.start_date
        for module in world.programme.modules.order_by("position"):
            result = services.sessions_generate_weekly(
                cohort=cohort,
                module=module,
                weekdays=[0, 1, 2],
                start_time=T(8, 30),
                end_time=T(12, 45),
                first_date=start,
                weeks=12,
                units=5,
                topic=TOPICS[module.position][0],
                trainer=TRAINERS[module.position],
                stop_when_planned=True,
                by=world.staff_user,
            )
            topics = TOPICS[module.position]
            for index, session in enumerate(result.created):
                TeachingSession.objects.filter(pk=session.pk).update(
                    topic=topics[index * len(topics) // len(result.created)]
                )
            count += len(result.created)
            start = result.created[-1].date + datetime.timedelta(days=1)
    world.summary.append(f"{count} teaching sessions")


def _entry(world, enrolment, session, *, allow_unexcused, at_risk):
    rng = world.rng
    if at_risk and session.module.position == 2:
        # Ill for a week with a doctor's note, and one unexcused day: the module's minimum is missed.
        index = world.at_risk_counter = getattr(world, "at_risk_counter", 0) + 1
        if index in (3, 4):
            return services.AttendanceEntry(enrolment.pk, AttendanceStatus.SICK, note="AU-Bescheinigung liegt vor")
        if index == 7:
            return services.AttendanceEntry(enrolment.pk, AttendanceStatus.UNEXCUSED)
    if at_risk and session.module.position == 3 and rng.random() < 0.25:
        return services.AttendanceEntry(enrolment.pk, AttendanceStatus.EXCUSED, note="Termin Ausländerbehörde")
    roll = rng.random()
    if roll < 0.025:
        return services.AttendanceEntry(enrolment.pk, AttendanceStatus.SICK, note="AU-Bescheinigung")
    if roll < 0.045:
        return services.AttendanceEntry(
            enrolment.pk,
            AttendanceStatus.EXCUSED,
            note=rng.choice(["Kind krank", "Termin Jobcenter", "Behördentermin"]),
        )
    if allow_unexcused and roll < 0.05:
        return services.AttendanceEntry(enrolment.pk, AttendanceStatus.UNEXCUSED)
    if roll < 0.09:
        return services.AttendanceEntry(enrolment.pk, AttendanceStatus.PRESENT, late_minutes=rng.choice([20, 30, 45]))
    if roll < 0.10:
        return services.AttendanceEntry(enrolment.pk, AttendanceStatus.PRESENT, early_minutes=rng.choice([30, 60]))
    return services.AttendanceEntry(enrolment.pk, AttendanceStatus.PRESENT)


def build_registers(world) -> None:
    today = timezone.localdate()
    records = 0
    for number, cohort in enumerate(world.cohorts):
        # Up to yesterday: today's register is the new user's to take.
        sessions = TeachingSession.objects.filter(cohort=cohort, date__lt=today).select_related("module")
        for session in sessions.order_by("date", "start_time"):
            entries = [
                _entry(
                    world,
                    enrolment,
                    session,
                    allow_unexcused=number >= 2,
                    at_risk=(enrolment.participant.given_name, enrolment.participant.family_name) == AT_RISK,
                )
                for enrolment in enrolments_on(cohort, session.date)
            ]
            services.attendance_record(session=session, entries=entries, by=world.staff_user)
            records += len(entries)
    # A sick note handed in late turns an unexcused absence into K: kept as a correction with who and when.
    running = world.cohorts[-1]
    record = (
        AttendanceRecord.objects.filter(
            session__cohort=running, session__date__lt=today, status=AttendanceStatus.UNEXCUSED
        )
        .exclude(enrolment__participant__family_name=AT_RISK[1])
        .select_related("session")
        .order_by("session__date")
        .first()
    )
    if record:
        services.attendance_record(
            session=record.session,
            entries=[services.AttendanceEntry(record.enrolment_id, AttendanceStatus.SICK, note="Attest nachgereicht")],
            by=world.staff_user,
        )
    world.summary.append(f"{records} attendance records")


STEPS = [build_sessions, build_registers]
