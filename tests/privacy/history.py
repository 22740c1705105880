"""A participant with a full course history, written directly (these tests are about reading and erasing
it, not about the services that write it)."""

import datetime

from django.utils import timezone

from accounts.models import Role
from certificates.models import Certificate
from certificates.samples import sample_snapshot
from courses.models import AttendanceCorrection, AttendanceRecord, TeachingSession
from placements.models import ConductCertificateCheck, HourEntry, HourEntryEvent, Placement, PlacementStatus
from privacy.models import LoginRecord
from spreadsheets.models import ImportRecord

from ..factories import FacilityFactory, UserFactory

_sequence = iter(range(9000, 100000))


def full_history(enrolment, *, staff, supervisor=None, sessions=12, hour_days=10):
    """Attendance (with notes, absences and a correction), a started placement with every prerequisite and
    confirmed hours with their history, a certificate and an import preview naming the person."""
    participant = enrolment.participant
    participant.email = "savas@example.org"
    participant.phone = "+49 2594 1234"
    participant.address = "Marktstraße 1\n48249 Dülmen"
    participant.jobcenter_customer_number = f"123D{next(_sequence)}"
    participant.save()
    cohort = enrolment.cohort
    module = cohort.programme.modules.order_by("position").first()
    codes = ["P", "P", "E", "P", "K", "P", "UE"]
    for index in range(sessions):
        day = cohort.start_date + datetime.timedelta(days=index)
        session, _created = TeachingSession.objects.get_or_create(
            cohort=cohort,
            date=day,
            start_time=datetime.time(9, 0),
            defaults={"module": module, "end_time": datetime.time(12, 0), "units": 4},
        )
        code = codes[index % len(codes)]
        record = AttendanceRecord.objects.create(
            session=session,
            enrolment=enrolment,
            status=code,
            attended_units=4 if code == "P" else 0,
            note="Arzttermin Kinderarzt" if code == "E" else "",
        )
        if index == 2:
            AttendanceCorrection.objects.create(
                record=record, changed_by=staff, old_status="UE", new_status="E", new_note="Nachweis kam später"
            )
    organisation = cohort.site.organisation
    facility = FacilityFactory(organisation=organisation)
    if supervisor is None:
        supervisor = UserFactory(username=f"anleitung-{next(_sequence)}", role=Role.SUPERVISOR)
    facility.supervisors.add(supervisor)
    placement = Placement.objects.create(
        enrolment=enrolment,
        facility=facility,
        supervisor=supervisor,
        start_date=cohort.end_date - datetime.timedelta(days=30),
        end_date=cohort.end_date,
        planned_hours=90,
        status=PlacementStatus.ACTIVE,
        activated_at=timezone.now(),
        measles_proof_seen_at=timezone.now(),
        infection_instruction_date=cohort.start_date,
    )
    ConductCertificateCheck.objects.create(
        placement=placement,
        inspected_on=cohort.start_date,
        issue_date=cohort.start_date - datetime.timedelta(days=20),
        has_relevant_entry=False,
        checked_by=staff,
    )
    author = participant.user or staff
    for index in range(hour_days):
        entry = HourEntry.objects.create(
            placement=placement,
            date=placement.start_date + datetime.timedelta(days=index),
            start_time=datetime.time(8, 0),
            end_time=datetime.time(12, 0),
            work_minutes=240,
            activity="Morgenkreis mit Savaş' Gruppe",
            status="confirmed",
            decided_by=supervisor,
            decided_at=timezone.now(),
            created_by=author,
        )
        HourEntryEvent.objects.create(
            entry=entry, action="logged", by=author, details={"activity": entry.activity, "work_minutes": 240}
        )
        HourEntryEvent.objects.create(entry=entry, action="confirmed", by=supervisor, note="passt")
    snapshot = sample_snapshot()
    snapshot["participant"] = {
        "given_name": participant.given_name,
        "family_name": participant.family_name,
        "full_name": participant.full_name,
        "date_of_birth": participant.date_of_birth.isoformat(),
    }
    number = next(_sequence)
    certificate = Certificate.objects.create(
        enrolment=enrolment,
        number=f"IB-2026-{number}",
        year=2026,
        sequence=number,
        verification_code=f"ABCD{number:012d}",
        template_version=1,
        snapshot=snapshot,
        issued_at=timezone.now(),
        issued_by=staff,
    )
    ImportRecord.objects.create(
        organisation=organisation,
        cohort=cohort,
        created_by=staff,
        file_name="jobcenter-liste.xlsx",
        status="rejected",
        preview=[
            {"row": 2, "status": "error", "name": participant.sortable_name, "born": "17.05.1990", "messages": ["x"]},
            {"row": 3, "status": "new", "name": "Kowalski, Łukasz", "born": "01.01.1991", "messages": []},
        ],
    )
    if participant.user_id:
        LoginRecord.objects.create(user=participant.user)
    return certificate


def outcomes_history(enrolment, *, staff, events=2, goals=2):
    """The speed-dating and Verbleib part of a history: an intake profile, goals, ``events`` past events
    (each with an invitation, two wishes, an employer's mark and two talks with results), and an outcome
    record from a talk plus the 0-, 3- and 6-month follow-up answers. Returns the 6-month answer."""
    from outcomes.models import (
        Employer,
        EmployerWish,
        Event,
        EventParticipant,
        Goal,
        IntakeProfile,
        OutcomeRecord,
        ParticipantWish,
        Talk,
    )

    participant = enrolment.participant
    organisation = participant.organisation
    IntakeProfile.objects.create(
        participant=participant,
        qualifications="Erzieherin (Türkei), Anerkennung läuft",
        recognition_status="pending",
        experience_with_children="3 Jahre Kita in Izmir",
        interests="Kita, U3",
        german_level="B1",
        german_test_date=datetime.date(2025, 11, 3),
        hours_per_week=25,
        family_times="vormittags 8–13",
        towns_without_car="Dülmen, Coesfeld",
        updated_by=staff,
    )
    for index in range(goals):
        Goal.objects.create(participant=participant, title=f"Sprachkurs B2 Teil {index + 1}")
    first_employer, second_employer = (
        Employer.objects.get_or_create(organisation=organisation, name=name)[0]
        for name in ("AWO Kitas Dülmen", "Stadt Coesfeld OGS")
    )
    talk = None
    for index in range(events):
        event = Event.objects.create(
            organisation=organisation,
            date=enrolment.cohort.end_date + datetime.timedelta(days=14 + index),
            place="Kreishaus Coesfeld",
            start_time=datetime.time(10, 0),
        )
        event.cohorts.add(enrolment.cohort)
        EventParticipant.objects.create(event=event, participant=participant, status="accepted", attended=True)
        for rank, employer in enumerate((first_employer, second_employer), start=1):
            ParticipantWish.objects.create(event=event, participant=participant, employer=employer, rank=rank)
        EmployerWish.objects.create(event=event, employer=second_employer, participant=participant)
        talk = Talk.objects.create(
            event=event,
            round=1,
            table=1,
            participant=participant,
            employer=first_employer,
            held=True,
            participant_interested=True,
            employer_interested=True,
            next_step="praktikum",
            recorded_at=timezone.now(),
            recorded_by=staff,
        )
        Talk.objects.create(
            event=event, round=2, table=1, participant=participant, employer=second_employer, held=False
        )
    OutcomeRecord.objects.create(
        participant=participant,
        date=enrolment.cohort.end_date + datetime.timedelta(days=20),
        kind="seeking",
        source="event",
        talk=talk,
        employer=first_employer,
        note="Praktikum bei AWO Kita Sonnenschein vereinbart",
        recorded_by=staff,
    )
    answer = None
    for month, kind in ((0, "seeking"), (3, "minijob"), (6, "employed")):
        answer = OutcomeRecord.objects.create(
            participant=participant,
            enrolment=enrolment,
            follow_up_month=month,
            date=enrolment.cohort.end_date + datetime.timedelta(days=30 * month),
            kind=kind,
            workplace="kita" if kind in ("minijob", "employed") else "",
            hours_per_week=25 if kind in ("minijob", "employed") else None,
            employer=first_employer if kind == "employed" else None,
            source="jobcenter",
            note="Telefonat mit Frau Öztürk",
        )
    return answer
