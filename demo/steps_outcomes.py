"""Demo part of the outcomes app: the employers (from the placement facilities, plus a town and a parents'
initiative), intake profiles and goals, a past speed-dating event after the last finished run with its
talks, results and outcomes, follow-up answers, and a coming event after the running cohort with
invitations and wishes entered (the plan is left for the user to make). Dates follow the cohorts found."""

import datetime

from courses.models import CohortStatus, EnrolmentStatus
from outcomes import services
from outcomes.models import (
    Employer,
    EmployerKind,
    Event,
    EventEmployer,
    EventParticipant,
    InvitationStatus,
    NextStep,
    OutcomeKind,
    OutcomeSource,
    Talk,
    UnavailableReason,
    Workplace,
)
from outcomes.selectors import add_months

T = datetime.time

QUALIFICATIONS = [
    ("Lehrerin für Grundschule (Ukraine)", "pending"),
    ("Abitur, zwei Semester Pädagogik (Iran)", "not_applied"),
    ("Krankenpflegehelferin (Syrien)", "partial"),
    ("Hauptschulabschluss (Deutschland)", "not_needed"),
    ("Kindergärtnerin (Vietnam)", "recognised"),
]
EXPERIENCE = [
    "Eigene Kinder, Tagesmutter in der Nachbarschaft",
    "Zwei Jahre Erzieherin im Heimatland",
    "Ehrenamt in der Hausaufgabenhilfe",
    "Babysitten, Sprachcafé für Familien",
]
INTERESTS = ["Kita, unter Dreijährige", "OGS, Hausaufgaben und Basteln", "Kita, Sprachförderung", "Kita oder OGS"]
TIMES = ["vormittags 8–13 Uhr", "Mo–Do 8–14 Uhr", "flexibel, ab 7:30 Uhr", "nachmittags in der OGS"]
TOWNS = ["Dülmen", "Dülmen, Buldern (Bus)", "Dülmen, Coesfeld (Zug)", "Dülmen, Lüdinghausen"]


def _employers(world) -> list[Employer]:
    by = world.staff_user
    services.employers_from_facilities(organisation=world.organisation, by=by)
    for name, kind, contact, towns in (
        ("Stadt Dülmen – Kitas und OGS", EmployerKind.MUNICIPALITY, "Frau Brüggemann", "Dülmen"),
        ("Elterninitiative Kinderhaus Pusteblume e. V.", EmployerKind.PARENTS, "Herr Terwey", "Dülmen-Buldern"),
    ):
        services.employer_save(
            employer=Employer(
                organisation=world.organisation,
                name=name,
                kind=kind,
                contact_name=contact,
                towns=towns,
                offers_full_time=kind == EmployerKind.MUNICIPALITY,
                family_friendly_hours=True,
                open_positions=2 if kind == EmployerKind.MUNICIPALITY else 1,
            )
        )
    employers = list(Employer.objects.filter(organisation=world.organisation).order_by("name"))
    kinds = {
        "AWO": EmployerKind.WELFARE,
        "DRK": EmployerKind.WELFARE,
        "Kath.": EmployerKind.CHURCH,
    }
    for employer in employers:
        for prefix, kind in kinds.items():
            if employer.name.startswith(prefix):
                employer.kind = kind
                employer.towns = employer.towns or "Dülmen"
                employer.open_positions = employer.open_positions or 1
                services.employer_save(employer=employer)
    return employers


def _profiles(world, cohorts) -> None:
    rng = world.rng
    for cohort in cohorts:
        for enrolment in cohort.enrolments.select_related("participant").order_by("participant__name_key"):
            participant = enrolment.participant
            qualification, recognition = rng.choice(QUALIFICATIONS)
            services.intake_save(
                participant=participant,
                by=world.staff_user,
                qualifications=qualification,
                recognition_status=recognition,
                experience_with_children=rng.choice(EXPERIENCE),
                interests=rng.choice(INTERESTS),
                german_level=participant.german_level,
                german_test_date=cohort.start_date - datetime.timedelta(days=rng.randint(20, 60)),
                hours_per_week=rng.choice([15, 20, 25, 30, 39]),
                family_times=rng.choice(TIMES),
                towns_without_car=rng.choice(TOWNS),
            )
        first = cohort.enrolments.order_by("participant__name_key").first()
        services.goal_add(
            participant=first.participant, title="Sprachkurs B2 abschließen", target_date=add_months(cohort.end_date, 6)
        )
        services.goal_add(
            participant=first.participant, title="Hospitation in einer OGS", target_date=add_months(cohort.end_date, 1)
        )


def _wishes(world, event, invitations, employers) -> None:
    for invitation in invitations:
        if invitation.status == InvitationStatus.DECLINED:
            continue
        count = world.rng.randint(2, 4)
        services.wishes_set(invitation=invitation, employers=world.rng.sample(employers, count))
    marked = employers[0]
    services.employer_wishes_set(
        invitation=EventEmployer.objects.get(event=event, employer=marked),
        participants=[i.participant for i in invitations[:2]],
    )


def _past_event(world, cohort, employers) -> Event:
    by = world.staff_user
    event = services.event_save(
        event=Event(
            organisation=world.organisation,
            title="Job-Speed-Dating",
            date=cohort.end_date + datetime.timedelta(days=14),
            place="Kreishaus Coesfeld, Sitzungssaal, Friedrich-Ebert-Straße 7, 48653 Coesfeld",
            start_time=T(10, 0),
            talk_minutes=12,
            break_minutes=5,
            rounds=3,
            tables=len(employers),
        ),
        cohorts=[cohort],
    )
    services.invite_certificate_holders(event=event)
    services.invite_employers(event=event, employers=employers)
    for index, invitation in enumerate(EventEmployer.objects.filter(event=event).order_by("employer__name")):
        services.invitation_answer(
            invitation=invitation, status=InvitationStatus.ACCEPTED, first_round=2 if index == 1 else None
        )
    invitations = list(EventParticipant.objects.filter(event=event).select_related("participant"))
    invitations.sort(key=lambda i: i.participant.name_key)
    for index, invitation in enumerate(invitations):
        declined = index == len(invitations) - 1
        services.invitation_answer(
            invitation=invitation,
            status=InvitationStatus.DECLINED if declined else InvitationStatus.ACCEPTED,
            last_round=2 if index == 0 else None,
            attended=None if declined else True,
        )
    invitations = [EventParticipant.objects.select_related("participant", "event").get(pk=i.pk) for i in invitations]
    _wishes(world, event, invitations, employers)
    services.schedule_event(event=event, workers=1)  # one worker: the same plan on every rebuild
    steps = [
        NextStep.NONE,
        NextStep.HOSPITATION,
        NextStep.PRAKTIKUM,
        NextStep.NONE,
        NextStep.PROBEARBEIT,
        NextStep.JOB_OFFER,
        NextStep.NONE,
    ]
    for index, talk in enumerate(Talk.objects.filter(event=event).order_by("round", "table")):
        step = steps[index % len(steps)]
        services.talk_record(
            talk=talk,
            by=by,
            held=True,
            participant_interested=step != NextStep.NONE or index % 2 == 0,
            employer_interested=step != NextStep.NONE,
            next_step=step,
            next_step_date=event.date + datetime.timedelta(days=7 + index) if step != NextStep.NONE else None,
        )
        if step in (NextStep.JOB_OFFER, NextStep.PRAKTIKUM):
            services.next_step_confirm(talk=talk, by=by)
    return event


def _follow_ups(world, cohorts) -> int:
    """Answers for the finished runs at the end, +3 and +6 months, by a fixed pattern close to the pilot's
    57 % in work or training; a few stay unanswered (unknown)."""
    pattern = [
        OutcomeKind.EMPLOYED,
        OutcomeKind.SEEKING,
        OutcomeKind.MINIJOB,
        OutcomeKind.EMPLOYED,
        OutcomeKind.COURSE,
        OutcomeKind.AUSBILDUNG,
        OutcomeKind.NOT_AVAILABLE,
        OutcomeKind.EMPLOYED,
    ]
    answered = 0
    for cohort in cohorts:
        enrolments = cohort.enrolments.exclude(status=EnrolmentStatus.WITHDRAWN).select_related("participant")
        for index, enrolment in enumerate(enrolments.order_by("participant__name_key")):
            for month in (0, 3, 6):
                if (index + month) % 9 == 8:
                    continue  # not reached
                kind = pattern[(index + month // 3) % len(pattern)] if month else OutcomeKind.SEEKING
                in_work = kind in (OutcomeKind.EMPLOYED, OutcomeKind.MINIJOB, OutcomeKind.AUSBILDUNG)
                services.outcome_record_create(
                    participant=enrolment.participant,
                    by=world.staff_user,
                    date=add_months(cohort.end_date, month),
                    kind=kind,
                    source=[OutcomeSource.PARTICIPANT, OutcomeSource.JOBCENTER][index % 2],
                    unavailable_reason=UnavailableReason.PARENTAL_LEAVE if kind == OutcomeKind.NOT_AVAILABLE else "",
                    workplace=[Workplace.KITA, Workplace.OGS][index % 2] if in_work else "",
                    hours_per_week=[25, 30, 19][index % 3] if in_work else None,
                    enrolment=enrolment,
                    follow_up_month=month,
                )
                answered += 1
    return answered


def _coming_event(world, cohort, employers) -> Event:
    event = services.event_save(
        event=Event(
            organisation=world.organisation,
            title="Job-Speed-Dating",
            date=cohort.end_date + datetime.timedelta(days=14),
            place="Kreishaus Coesfeld, Sitzungssaal, Friedrich-Ebert-Straße 7, 48653 Coesfeld",
            start_time=T(9, 30),
            rounds=3,
            tables=len(employers),
        ),
        cohorts=[cohort],
    )
    people = [
        e.participant
        for e in cohort.enrolments.exclude(status=EnrolmentStatus.WITHDRAWN)
        .select_related("participant")
        .order_by("participant__name_key")
    ]
    services.invite_participants(event=event, participants=people)
    services.invite_employers(event=event, employers=employers)
    for index, invitation in enumerate(EventEmployer.objects.filter(event=event).order_by("employer__name")):
        if index < len(employers) - 1:  # the last has not answered yet
            services.invitation_answer(
                invitation=invitation, status=InvitationStatus.ACCEPTED, last_round=2 if index == 0 else None
            )
    invitations = list(EventParticipant.objects.filter(event=event).select_related("participant", "event"))
    invitations.sort(key=lambda i: i.participant.name_key)
    for index, invitation in enumerate(invitations):
        services.invitation_answer(
            invitation=invitation,
            status=InvitationStatus.INVITED if index % 5 == 4 else InvitationStatus.ACCEPTED,
            last_round=2 if index == 1 else None,
        )
    invitations = [EventParticipant.objects.select_related("participant", "event").get(pk=i.pk) for i in invitations]
    accepted = [e for e in employers if EventEmployer.objects.filter(event=event, employer=e, status="accepted")]
    _wishes(world, event, invitations, accepted)
    return event


def build_outcomes(world) -> None:
    finished = sorted((c for c in world.cohorts if c.status == CohortStatus.FINISHED), key=lambda c: c.end_date)
    coming = [c for c in world.cohorts if c.status != CohortStatus.FINISHED]
    employers = _employers(world)
    _profiles(world, finished[-1:] + coming)
    past = _past_event(world, finished[-1], employers) if finished else None
    answered = _follow_ups(world, finished)
    future = _coming_event(world, coming[0], employers) if coming else None
    world.summary.append(
        f"{len(employers)} employers, speed dating on "
        f"{', '.join(f'{e.date:%d.%m.%Y}' for e in (past, future) if e)}, {answered} follow-up answers"
    )


STEPS = [build_outcomes]
