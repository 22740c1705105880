"""Reads for the outcomes pages, already limited to the user, with a fixed number of queries per page."""

import calendar
import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy

from certificates.selectors import certificates_of_cohort
from courses.models import Cohort, CohortStatus, Enrolment, EnrolmentStatus, Participant
from courses.rules import staff_organisation_ids
from courses.selectors import cohort_people
from placements.selectors import placement_summaries_of_cohort

from . import conf
from .models import (
    IN_WORK_OR_TRAINING,
    Employer,
    EmployerWish,
    Event,
    EventEmployer,
    EventParticipant,
    InvitationStatus,
    OutcomeKind,
    OutcomeRecord,
    ParticipantWish,
    Talk,
)
from .scheduling import Person, Problem


def _staff_scope(user, qs, field: str):
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.is_superuser:
        return qs
    if user.is_programme_staff:
        return qs.filter(**{f"{field}__in": staff_organisation_ids(user)})
    return qs.none()


def employers_visible_to(user) -> QuerySet[Employer]:
    return _staff_scope(user, Employer.objects.annotate(facility_count=Count("facilities")), "organisation_id")


def employer_choices(organisation_id: int) -> QuerySet[Employer]:
    return Employer.objects.filter(organisation_id=organisation_id).only("pk", "name").order_by("name", "pk")


def events_visible_to(user) -> QuerySet[Event]:
    qs = Event.objects.annotate(
        participant_count=Count(
            "participants", filter=Q(participants__status=InvitationStatus.ACCEPTED), distinct=True
        ),
        employer_count=Count("employers", filter=Q(employers__status=InvitationStatus.ACCEPTED), distinct=True),
    )
    return _staff_scope(user, qs, "organisation_id")


def event_invitations(event: Event) -> tuple[list[EventParticipant], list[EventEmployer]]:
    participants = list(
        EventParticipant.objects.filter(event=event).select_related("participant").order_by("participant__name_key")
    )
    employers = list(EventEmployer.objects.filter(event=event).select_related("employer").order_by("employer__name"))
    for invitation in participants + employers:
        invitation.event = event
    return participants, employers


def event_talks(event: Event) -> list[Talk]:
    talks = list(
        Talk.objects.filter(event=event).select_related("participant", "employer").order_by("round", "table", "pk")
    )
    for talk in talks:
        talk.event = event
    return talks


def event_wishes(event: Event) -> tuple[dict[int, list[int]], dict[int, set[int]]]:
    """participant id -> employer ids in rank order; employer id -> participant ids it marked."""
    ranked: dict[int, list[int]] = defaultdict(list)
    for participant_id, employer_id in (
        ParticipantWish.objects.filter(event=event)
        .order_by("participant_id", "rank")
        .values_list("participant_id", "employer_id")
    ):
        ranked[participant_id].append(employer_id)
    marks: dict[int, set[int]] = defaultdict(set)
    for employer_id, participant_id in EmployerWish.objects.filter(event=event).values_list(
        "employer_id", "participant_id"
    ):
        marks[employer_id].add(participant_id)
    return dict(ranked), dict(marks)


def schedule_problem(event: Event) -> Problem:
    """The event as the scheduler sees it: who accepted, when they are there, who wished whom."""
    participants, employers = event_invitations(event)
    ranked, marks = event_wishes(event)
    people = tuple(
        Person(i.participant_id, i.participant.full_name, i.present_rounds(event.rounds))
        for i in participants
        if i.status == InvitationStatus.ACCEPTED and i.attended is not False
    )
    firms = tuple(
        Person(i.employer_id, i.employer.name, i.present_rounds(event.rounds), seats=i.seats)
        for i in employers
        if i.status == InvitationStatus.ACCEPTED
    )
    present = {p.key for p in people}
    there = {e.key for e in firms}
    return Problem(
        rounds=event.rounds,
        tables=event.tables,
        participants=people,
        employers=firms,
        participant_wishes={p: tuple(e for e in es if e in there) for p, es in ranked.items() if p in present},
        employer_wishes={e: frozenset(p for p in ps if p in present) for e, ps in marks.items() if e in there},
        max_talks=event.max_talks,
    )


def certificate_holders(cohorts) -> list[Participant]:
    """The default invitees: holders of a current certificate of each chosen cohort."""
    seen, people = set(), []
    for cohort in cohorts:
        for certificate in certificates_of_cohort(cohort):
            participant = certificate.enrolment.participant
            if participant.pk not in seen:
                seen.add(participant.pk)
                people.append(participant)
    return people


def cohort_members(cohorts) -> list[Participant]:
    """Everyone of the chosen cohorts who did not withdraw, with or without a certificate."""
    seen, people = set(), []
    for cohort in cohorts:
        for enrolment in cohort_people(cohort):
            if enrolment.status != EnrolmentStatus.WITHDRAWN and enrolment.participant_id not in seen:
                seen.add(enrolment.participant_id)
                people.append(enrolment.participant)
    return people


def facility_types_of_event(event: Event) -> dict[int, str]:
    """participant id -> the type label of their placement facility, for the employers' printout."""
    result = {}
    for cohort in event.cohorts.select_related("site"):
        summaries = placement_summaries_of_cohort(cohort)
        for enrolment_id, participant_id in Enrolment.objects.filter(cohort=cohort).values_list("pk", "participant_id"):
            if enrolment_id in summaries:
                result[participant_id] = summaries[enrolment_id].facility_type_label
    return result


# --- participants' own pages ---------------------------------------------------------------------------


def own_invitations(user) -> list[EventParticipant]:
    if not user.is_authenticated or not user.is_participant:
        return []
    invitations = list(
        EventParticipant.objects.filter(participant__user=user)
        .select_related("event", "participant")
        .order_by("-event__date")
    )
    talks = defaultdict(list)
    for talk in Talk.objects.filter(participant__user=user).select_related("employer", "event").order_by("round"):
        talks[talk.event_id].append(talk)
    wishes = defaultdict(list)
    for wish in ParticipantWish.objects.filter(participant__user=user).select_related("employer").order_by("rank"):
        wishes[wish.event_id].append(wish)
    for invitation in invitations:
        invitation.own_talks = talks.get(invitation.event_id, [])
        invitation.own_wishes = wishes.get(invitation.event_id, [])
    return invitations


def invitations_with_event() -> QuerySet[EventParticipant]:
    return EventParticipant.objects.select_related("event", "participant")


# --- outcomes and follow-ups ---------------------------------------------------------------------------


def add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class FollowUp:
    enrolment: Enrolment
    month: int
    due: datetime.date


def _latest_end_due_by(day: datetime.date, months: int) -> datetime.date:
    """The latest end of a measure whose follow-up ``months`` after it is due by ``day``. add_months never
    decreases, so every earlier end is due too; near a month's end it maps several ends onto one day
    (29.11. and 30.11. + 3 months are both 28.02.), hence the steps forward."""
    end = add_months(day, -months)
    while add_months(end + datetime.timedelta(days=1), months) <= day:
        end += datetime.timedelta(days=1)
    return end


def follow_ups_due(user, *, today: datetime.date | None = None, limit: int = 10) -> tuple[list[FollowUp], int]:
    """The follow-ups whose day has come and that nobody answered yet, oldest first: (the first ``limit``,
    how many in all). Only people who finished (not withdrawn) a finished cohort of the user's
    organisations. Counted and picked in the database, per follow-up month: a large provider has some
    15,000 people in the window and the page shows ten (one query for the counts, two per month)."""
    today = today or datetime.date.today()
    if not user.is_authenticated or not (user.is_programme_staff or user.is_superuser):
        return [], 0
    months = conf.follow_up_months()
    # Follow-ups older than the last one plus a year are not asked any more.
    oldest_end = add_months(today, -(max(months) + 12))
    enrolments = (
        Enrolment.objects.filter(cohort__end_date__lte=today, cohort__end_date__gte=oldest_end)
        .exclude(status=EnrolmentStatus.WITHDRAWN)
        .exclude(cohort__status=CohortStatus.PLANNED)
    )
    if not user.is_superuser:
        enrolments = enrolments.filter(cohort__site__organisation_id__in=staff_organisation_ids(user))
    due_condition = {
        month: Q(cohort__end_date__lte=_latest_end_due_by(today, month))
        & ~Q(Exists(OutcomeRecord.objects.filter(enrolment=OuterRef("pk"), follow_up_month=month)))
        for month in months
    }
    counts = enrolments.aggregate(
        **{f"due_{month}": Count("pk", filter=condition) for month, condition in due_condition.items()}
    )
    total = sum(counts.values())
    # The candidates are read as plain values and ordered here; only the shown ones become objects (a
    # cut-off day that many cohorts share brought hundreds of people, each with cohort, programme and site).
    candidates = []
    for index, (month, condition) in enumerate(due_condition.items()):
        ordered = enrolments.filter(condition)
        # The limit-th person's end date is the same whatever the order among equal ends: sorting by the date
        # alone spares the join with the people (a third of the start page's database time, issue 26).
        last = list(ordered.order_by("cohort__end_date").values_list("cohort__end_date", flat=True)[limit - 1 : limit])
        if last:  # everyone due by the limit-th one's day, which later ends may share
            ordered = ordered.filter(cohort__end_date__lte=_latest_end_due_by(add_months(last[0], month), month))
        for pk, end, name_key in ordered.values_list("pk", "cohort__end_date", "participant__name_key").order_by():
            # Oldest due first, by name; then as the former listing: by end, id and the months in turn.
            candidates.append((add_months(end, month), name_key, end, pk, index, month))
    candidates.sort()
    shown = candidates[:limit]
    objects = Enrolment.objects.select_related("participant", "cohort", "cohort__programme", "cohort__site").defer(
        "created_at", "participant__created_at"
    )
    by_pk = objects.in_bulk([pk for _due, _name, _end, pk, _index, _month in shown]) if shown else {}
    return [FollowUp(by_pk[pk], month, due) for due, _name, _end, pk, _index, month in shown], total


def outcomes_of_participant(participant: Participant) -> QuerySet[OutcomeRecord]:
    return OutcomeRecord.objects.filter(participant=participant).select_related(
        "employer", "enrolment__cohort", "talk__event"
    )


def talks_of_participant(participant: Participant) -> QuerySet[Talk]:
    return (
        Talk.objects.filter(participant=participant)
        .select_related("event", "employer")
        .prefetch_related("outcome")
        .order_by("-event__date", "round")
    )


# --- cohort figures ------------------------------------------------------------------------------------

COUNTING_RULE = gettext_lazy(
    "Share in work or training at 6 months: people who finished the cohort (not withdrawn) and whose "
    "6-month follow-up is due count in the denominator; those whose 6-month answer is employment subject "
    "to social insurance, a mini-job or an Ausbildung count in the numerator. An unanswered follow-up or "
    "the answer 'unknown' counts as not in work."
)


@dataclass(frozen=True)
class CohortFigures:
    invited: int
    came: int
    talks_held: int
    next_steps: int
    finished: int
    six_month_due: int
    six_month_answered: int
    in_work_or_training: int
    employed: int

    @property
    def rate(self) -> float | None:
        return self.in_work_or_training / self.six_month_due if self.six_month_due else None

    @property
    def employed_rate(self) -> float | None:
        return self.employed / self.six_month_due if self.six_month_due else None


def cohort_figures(cohort: Cohort, *, today: datetime.date | None = None) -> CohortFigures:
    """The cohort's outcome figures (docs/outcomes.md, "Counting rule"): a fixed number of queries."""
    today = today or datetime.date.today()
    people = Enrolment.objects.filter(cohort_id=cohort.pk)
    participant_ids = people.values("participant_id")
    invitations = EventParticipant.objects.filter(participant_id__in=participant_ids, event__cohorts=cohort)
    invited = invitations.values("participant_id").distinct().count()
    came = invitations.filter(attended=True).values("participant_id").distinct().count()
    talks = Talk.objects.filter(participant_id__in=participant_ids, event__cohorts=cohort).exclude(held=False)
    counted = talks.aggregate(
        held_count=Count("pk", filter=Q(held=True)),
        step_count=Count("pk", filter=Q(held=True) & ~Q(next_step="") & ~Q(next_step="none")),
    )
    finished = people.exclude(status=EnrolmentStatus.WITHDRAWN)
    six_due = add_months(cohort.end_date, 6) <= today
    answers = (
        dict(
            OutcomeRecord.objects.filter(enrolment__in=finished, follow_up_month=6).values_list("enrolment_id", "kind")
        )
        if six_due
        else {}
    )
    finished_count = finished.count()
    return CohortFigures(
        invited=invited,
        came=came,
        talks_held=counted["held_count"],
        next_steps=counted["step_count"],
        finished=finished_count,
        six_month_due=finished_count if six_due else 0,
        six_month_answered=sum(1 for kind in answers.values() if kind != OutcomeKind.UNKNOWN),
        in_work_or_training=sum(1 for kind in answers.values() if kind in IN_WORK_OR_TRAINING),
        employed=sum(1 for kind in answers.values() if kind == OutcomeKind.EMPLOYED),
    )


def cohort_outcome_rows(cohort: Cohort) -> list[dict]:
    """Per person of the cohort: each follow-up's answer (or None), for the cohort outcomes page."""
    enrolments = list(
        Enrolment.objects.filter(cohort_id=cohort.pk)
        .select_related("participant")
        .order_by("participant__name_key", "participant__date_of_birth", "pk")
    )
    answers = {
        (r.enrolment_id, r.follow_up_month): r
        for r in OutcomeRecord.objects.filter(enrolment__cohort_id=cohort.pk, follow_up_month__isnull=False)
    }
    months = conf.follow_up_months()
    return [
        {
            "enrolment": e,
            "answers": [(m, add_months(cohort.end_date, m), answers.get((e.pk, m))) for m in months],
        }
        for e in enrolments
    ]
