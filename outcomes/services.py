"""Writes after the course: employers, events, invitations, wishes, the schedule, talk results, outcomes.

Keyword-only, atomic, locking the rows they check; a refused write raises DomainError with a message for
the user and leaves nothing half-saved.
"""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exceptions import DomainError, full_clean_or_refuse
from courses.models import Enrolment, EnrolmentStatus, Participant
from placements.selectors import facilities_visible_to

from . import conf, scheduling, selectors
from .models import (
    Employer,
    EmployerFacility,
    EmployerWish,
    Event,
    EventEmployer,
    EventParticipant,
    Goal,
    GoalStatus,
    IntakeProfile,
    InvitationStatus,
    NextStep,
    OutcomeKind,
    OutcomeRecord,
    OutcomeSource,
    ParticipantWish,
    Talk,
)

# --- employers -----------------------------------------------------------------------------------------


@transaction.atomic
def employer_save(*, employer: Employer) -> Employer:
    full_clean_or_refuse(employer)
    employer.save()
    return employer


@transaction.atomic
def employers_from_facilities(*, organisation, by) -> int:
    """The facilities that host placements are the starting list: one employer per provider (Träger), or
    per facility where no provider is named; each facility linked once. Returns how many were added."""
    facilities = [f for f in facilities_visible_to(by) if f.organisation_id == organisation.pk]
    linked = set(
        EmployerFacility.objects.filter(employer__organisation=organisation, placement_facility__isnull=False)
        .select_for_update()
        .values_list("placement_facility_id", flat=True)
    )
    existing = {e.name: e for e in Employer.objects.select_for_update().filter(organisation=organisation)}
    added = 0
    for facility in facilities:
        if facility.pk in linked:
            continue
        name = facility.provider.strip() or facility.name
        employer = existing.get(name)
        if employer is None:
            employer = Employer.objects.create(
                organisation=organisation,
                name=name,
                contact_name=facility.contact_name,
                contact_email=facility.contact_email,
                contact_phone=facility.contact_phone,
            )
            existing[name] = employer
            added += 1
        EmployerFacility.objects.get_or_create(
            employer=employer,
            name=facility.name,
            defaults={"placement_facility": facility, "facility_type": facility.facility_type},
        )
    return added


@transaction.atomic
def employer_facility_add(*, employer: Employer, name: str, facility_type: str, town: str = "") -> EmployerFacility:
    facility = EmployerFacility(employer=employer, name=name.strip(), facility_type=facility_type, town=town.strip())
    full_clean_or_refuse(facility)
    facility.save()
    return facility


# --- events and invitations ----------------------------------------------------------------------------


@transaction.atomic
def event_save(*, event: Event, cohorts=None) -> Event:
    if event.pk:
        Event.objects.select_for_update().get(pk=event.pk)
        if Talk.objects.filter(event_id=event.pk).filter(Q(round__gt=event.rounds) | Q(table__gt=event.tables)):
            raise DomainError(
                _(
                    "Some talks are in rounds or at tables the event would no longer have; run the schedule "
                    "again or move them first."
                ),
                field="rounds",
            )
    full_clean_or_refuse(event)
    event.save()
    if cohorts is not None:
        wrong = [c for c in cohorts if c.site.organisation_id != event.organisation_id]
        if wrong:
            raise DomainError(_("Only cohorts of the event's organisation can be chosen."), field="cohorts")
        event.cohorts.set(cohorts)
    return event


@transaction.atomic
def invite_participants(*, event: Event, participants) -> int:
    """Invites each person once (existing invitations stay as they are). Returns how many are new."""
    Event.objects.select_for_update().get(pk=event.pk)
    wrong = [p for p in participants if p.organisation_id != event.organisation_id]
    if wrong:
        raise DomainError(_("Only participants of the event's organisation can be invited."))
    already = set(EventParticipant.objects.filter(event=event).values_list("participant_id", flat=True))
    new = [EventParticipant(event=event, participant=p) for p in participants if p.pk not in already]
    EventParticipant.objects.bulk_create(new)
    return len(new)


@transaction.atomic
def invite_certificate_holders(*, event: Event) -> int:
    """The default invitees: holders of a current certificate of the event's cohorts."""
    return invite_participants(event=event, participants=selectors.certificate_holders(event.cohorts.all()))


@transaction.atomic
def invite_employers(*, event: Event, employers) -> int:
    Event.objects.select_for_update().get(pk=event.pk)
    if any(e.organisation_id != event.organisation_id for e in employers):
        raise DomainError(_("Only employers of the event's organisation can be invited."))
    already = set(EventEmployer.objects.filter(event=event).values_list("employer_id", flat=True))
    new = [EventEmployer(event=event, employer=e) for e in employers if e.pk not in already]
    EventEmployer.objects.bulk_create(new)
    return len(new)


@transaction.atomic
def invitation_answer(
    *,
    invitation: EventParticipant | EventEmployer,
    status: str,
    first_round: int | None = None,
    last_round: int | None = None,
    seats: int | None = None,
    attended: bool | None = None,
):
    """Records acceptance, the rounds someone is there, (employers) how many tables, (participants) came."""
    model = type(invitation)
    locked = model.objects.select_for_update().select_related("event").get(pk=invitation.pk)
    rounds = locked.event.rounds
    for value in (first_round, last_round):
        if value is not None and not (1 <= value <= rounds):
            raise DomainError(
                _("The event has rounds 1 to %(rounds)d.") % {"rounds": rounds},
                field="first_round" if value == first_round else "last_round",
            )
    locked.status = status
    locked.first_round, locked.last_round = first_round, last_round
    if isinstance(locked, EventEmployer) and seats is not None:
        locked.seats = seats
    if isinstance(locked, EventParticipant):
        locked.attended = attended
    full_clean_or_refuse(locked)
    locked.save()
    return locked


# --- wishes --------------------------------------------------------------------------------------------


@transaction.atomic
def wishes_set(*, invitation: EventParticipant, employers: list[Employer]) -> None:
    """Replaces the participant's ranked wishes (first choice first) for the event."""
    locked = EventParticipant.objects.select_for_update().select_related("event").get(pk=invitation.pk)
    if locked.status == InvitationStatus.DECLINED:
        raise DomainError(_("Wishes can only be entered for someone who has not declined."))
    if len({e.pk for e in employers}) != len(employers):
        raise DomainError(_("Each employer can be named only once."), field="employers")
    invited = set(
        EventEmployer.objects.filter(event_id=locked.event_id)
        .exclude(status=InvitationStatus.DECLINED)
        .values_list("employer_id", flat=True)
    )
    if any(e.pk not in invited for e in employers):
        raise DomainError(_("Only employers invited to this event can be wished."), field="employers")
    ParticipantWish.objects.filter(event_id=locked.event_id, participant_id=locked.participant_id).delete()
    ParticipantWish.objects.bulk_create(
        [
            ParticipantWish(event_id=locked.event_id, participant_id=locked.participant_id, employer=e, rank=rank)
            for rank, e in enumerate(employers, start=1)
        ]
    )


@transaction.atomic
def employer_wishes_set(*, invitation: EventEmployer, participants: list[Participant]) -> None:
    locked = EventEmployer.objects.select_for_update().get(pk=invitation.pk)
    invited = set(EventParticipant.objects.filter(event_id=locked.event_id).values_list("participant_id", flat=True))
    if any(p.pk not in invited for p in participants):
        raise DomainError(_("Only invited participants can be marked."), field="participants")
    EmployerWish.objects.filter(event_id=locked.event_id, employer_id=locked.employer_id).delete()
    EmployerWish.objects.bulk_create(
        [EmployerWish(event_id=locked.event_id, employer_id=locked.employer_id, participant=p) for p in participants]
    )


# --- the schedule --------------------------------------------------------------------------------------


@transaction.atomic
def schedule_event(*, event: Event, time_limit: float = 10.0, workers: int = 2) -> scheduling.Schedule:
    """Replaces the event's talks with the solver's schedule. Refused once results are recorded, so what
    was said at a table is never thrown away."""
    locked = Event.objects.select_for_update().get(pk=event.pk)
    if Talk.objects.filter(event=locked, recorded_at__isnull=False).exists():
        raise DomainError(_("Results of talks are already recorded; the schedule can no longer be replaced."))
    problem = selectors.schedule_problem(locked)
    schedule = scheduling.solve(problem, time_limit=time_limit, workers=workers, stop_at_gap=0.005)
    Talk.objects.filter(event=locked).delete()
    Talk.objects.bulk_create(
        [
            Talk(event=locked, round=t.round, table=t.table, participant_id=t.participant, employer_id=t.employer)
            for t in schedule.talks
        ]
    )
    locked.schedule_info = {
        "method": schedule.method,
        "proven_optimal": schedule.proven_optimal,
        "objective": schedule.objective,
        "bound": schedule.bound,
        "gap_percent": round(schedule.gap * 100, 2),
        "seconds": round(schedule.seconds, 2),
        "explanations": schedule.explanations,
        "talks": len(schedule.talks),
        "at": timezone.now().isoformat(),
    }
    locked.save(update_fields=["schedule_info"])
    event.schedule_info = locked.schedule_info
    return schedule


def move_violations(*, event: Event, talk: Talk, round: int, table: int) -> list[tuple[str, str]]:
    """The rules that moving ``talk`` to (round, table) would newly break (a talk already there swaps
    places with it): (rule, message) pairs. Rules the schedule broke before the move are not counted."""
    problem = selectors.schedule_problem(event)
    talks = selectors.event_talks(event)
    before = set(scheduling.rule_violations(problem, [_moved(t, talk, talk.round, talk.table) for t in talks]))
    after = scheduling.rule_violations(problem, [_moved(t, talk, round, table) for t in talks])
    return [v for v in after if v not in before]


def _moved(t: Talk, talk: Talk, round: int, table: int) -> scheduling.Talk:
    if t.pk == talk.pk:
        return scheduling.Talk(t.participant_id, t.employer_id, round, table)
    if (t.round, t.table) == (round, table):
        return scheduling.Talk(t.participant_id, t.employer_id, talk.round, talk.table)
    return scheduling.Talk(t.participant_id, t.employer_id, t.round, t.table)


@transaction.atomic
def talk_move(*, talk: Talk, round: int, table: int, accept_broken_rules: bool = False) -> list[str]:
    """Moves a talk to another round and table; a talk already there takes this talk's place (a swap).
    Refused when it breaks a rule, unless ``accept_broken_rules`` (staff decided on the spot: someone
    stays a round longer); the rules the database guards (one talk per table and round, nobody in two
    places, no pair twice) never give way. Returns the messages of the rules accepted as broken."""
    event = Event.objects.select_for_update().get(pk=talk.event_id)
    talk = Talk.objects.select_for_update().get(pk=talk.pk)
    if not (1 <= round <= event.rounds and 1 <= table <= event.tables):
        raise DomainError(
            _("The event has rounds 1 to %(rounds)d and tables 1 to %(tables)d.")
            % {"rounds": event.rounds, "tables": event.tables}
        )
    if talk.recorded_at is not None:
        raise DomainError(_("The result of this talk is recorded; it can no longer move."))
    broken = move_violations(event=event, talk=talk, round=round, table=table)
    hard = [message for rule, message in broken if rule in scheduling.DATABASE_RULES]
    if hard or (broken and not accept_broken_rules):
        raise DomainError(" ".join(message for _rule, message in broken))
    other = Talk.objects.select_for_update().filter(event=event, round=round, table=table).exclude(pk=talk.pk).first()
    old_round, old_table = talk.round, talk.table
    # Out of the way first, so the unique constraints hold after every single update.
    Talk.objects.filter(pk=talk.pk).update(round=10_000 + old_round)
    if other is not None:
        Talk.objects.filter(pk=other.pk).update(round=old_round, table=old_table)
    Talk.objects.filter(pk=talk.pk).update(round=round, table=table)
    return [message for _rule, message in broken]


@transaction.atomic
def talk_record(
    *,
    talk: Talk,
    by,
    held: bool = True,
    participant_interested: bool | None = None,
    employer_interested: bool | None = None,
    next_step: str = "",
    next_step_date: datetime.date | None = None,
) -> Talk:
    """What came of one talk: held or not, interest on both sides, the agreed next step."""
    talk = Talk.objects.select_for_update().get(pk=talk.pk)
    if hasattr(talk, "outcome") and talk.outcome is not None:
        raise DomainError(_("The next step of this talk is already confirmed as an outcome."))
    if next_step and next_step not in NextStep.values:
        raise DomainError(_("Choose a next step from the list."), field="next_step")
    if not held and (participant_interested or employer_interested or next_step not in ("", NextStep.NONE)):
        raise DomainError(_("A talk that did not take place has no interest and no next step."))
    if next_step in ("", NextStep.NONE):
        next_step_date = None
    talk.held = held
    talk.participant_interested = participant_interested
    talk.employer_interested = employer_interested
    talk.next_step = next_step
    talk.next_step_date = next_step_date
    talk.recorded_at = timezone.now()
    talk.recorded_by = by
    talk.save()
    return talk


# What a confirmed next step becomes, unless staff choose otherwise: a visit, internship or trial day is a
# step on the way, the person is still looking for work.
NEXT_STEP_OUTCOME = {
    NextStep.JOB_OFFER: OutcomeKind.EMPLOYED,
    NextStep.AUSBILDUNG: OutcomeKind.AUSBILDUNG,
    NextStep.PRAKTIKUM: OutcomeKind.SEEKING,
    NextStep.HOSPITATION: OutcomeKind.SEEKING,
    NextStep.PROBEARBEIT: OutcomeKind.SEEKING,
}


@transaction.atomic
def next_step_confirm(*, talk: Talk, by, kind: str | None = None, date: datetime.date | None = None) -> OutcomeRecord:
    """Turns a talk's agreed next step into an outcome record (source: the event)."""
    talk = Talk.objects.select_for_update().select_related("event", "employer").get(pk=talk.pk)
    if not talk.has_next_step:
        raise DomainError(_("This talk has no agreed next step."))
    if OutcomeRecord.objects.filter(talk=talk).exists():
        raise DomainError(_("This next step is already confirmed."))
    step = NextStep(talk.next_step)
    return outcome_record_create(
        participant=talk.participant,
        by=by,
        # As of the step's day once it has come; a step agreed for later is recorded as of today.
        date=min(date or talk.next_step_date or talk.event.date, datetime.date.today()),
        kind=kind or NEXT_STEP_OUTCOME[step],
        employer=talk.employer,
        source=OutcomeSource.EVENT,
        talk=talk,
        note=_("%(step)s agreed at %(event)s") % {"step": step.label, "event": talk.event},
    )


# --- outcomes, follow-ups, goals, intake ---------------------------------------------------------------


@transaction.atomic
def outcome_record_create(
    *,
    participant: Participant,
    by,
    date: datetime.date,
    kind: str,
    source: str,
    unavailable_reason: str = "",
    workplace: str = "",
    hours_per_week: int | None = None,
    employer: Employer | None = None,
    enrolment: Enrolment | None = None,
    follow_up_month: int | None = None,
    talk: Talk | None = None,
    note: str = "",
    goals=(),
) -> OutcomeRecord:
    """One outcome record; ``goals`` of the participant are closed by it (reached)."""
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    if enrolment is not None and enrolment.participant_id != participant.pk:
        raise DomainError(_("The measure must be the participant's own."))
    if employer is not None and employer.organisation_id != participant.organisation_id:
        raise DomainError(_("Choose an employer of the participant's organisation."), field="employer")
    if date > datetime.date.today():
        raise DomainError(_("An outcome cannot be recorded for a future date."), field="date")
    if (
        follow_up_month is not None
        and OutcomeRecord.objects.filter(enrolment=enrolment, follow_up_month=follow_up_month).exists()
    ):
        raise DomainError(_("This follow-up has already been answered."))
    record = OutcomeRecord(
        participant=participant,
        enrolment=enrolment,
        follow_up_month=follow_up_month,
        date=date,
        kind=kind,
        unavailable_reason=unavailable_reason if kind == OutcomeKind.NOT_AVAILABLE else "",
        workplace=workplace if kind in ("employed", "minijob", "ausbildung") else "",
        hours_per_week=hours_per_week if kind in ("employed", "minijob", "ausbildung") else None,
        employer=employer,
        source=source,
        talk=talk,
        note=note,
        recorded_by=by,
    )
    full_clean_or_refuse(record)
    record.save()
    goal_ids = [g.pk for g in goals]
    if goal_ids:
        Goal.objects.filter(pk__in=goal_ids, participant=participant, status=GoalStatus.OPEN).update(
            status=GoalStatus.REACHED, closed_by=record
        )
    return record


@transaction.atomic
def follow_up_answer(*, enrolment: Enrolment, month: int, by, kind: str, source: str, **details) -> OutcomeRecord:
    """Answers one follow-up (end of measure, +3, +6 months) in one step."""
    enrolment = Enrolment.objects.select_for_update().select_related("participant", "cohort").get(pk=enrolment.pk)
    if month not in conf.follow_up_months():
        raise DomainError(_("There is no follow-up at this month."))
    if enrolment.status == EnrolmentStatus.WITHDRAWN:
        raise DomainError(_("Follow-ups are asked only of people who finished the measure."))
    due = selectors.add_months(enrolment.cohort.end_date, month)
    today = datetime.date.today()
    if due > today:
        raise DomainError(_("This follow-up is due only on %(date)s.") % {"date": f"{due:%d.%m.%Y}"})
    return outcome_record_create(
        participant=enrolment.participant,
        by=by,
        date=today,
        kind=kind,
        source=source,
        enrolment=enrolment,
        follow_up_month=month,
        **details,
    )


@transaction.atomic
def intake_save(*, participant: Participant, by, **fields) -> IntakeProfile:
    profile, _created = IntakeProfile.objects.select_for_update().get_or_create(participant=participant)
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.updated_by = by
    full_clean_or_refuse(profile)
    profile.save()
    return profile


@transaction.atomic
def goal_add(*, participant: Participant, title: str, target_date: datetime.date | None = None) -> Goal:
    goal = Goal(participant=participant, title=title.strip(), target_date=target_date)
    full_clean_or_refuse(goal)
    goal.save()
    return goal


@transaction.atomic
def goal_set_status(*, goal: Goal, status: str) -> Goal:
    goal = Goal.objects.select_for_update().get(pk=goal.pk)
    goal.status = status
    full_clean_or_refuse(goal)
    goal.save()
    return goal
