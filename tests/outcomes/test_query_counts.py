"""The outcomes pages make the same number of queries for a small and a large event (the pattern of
tests/scale/test_query_counts.py): 10 people and 4 employers against 60 people and 20 employers."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.models import Role
from core.text import fold
from courses.models import Cohort, CohortStatus, Enrolment, Organisation, Participant, Programme, Site
from outcomes.models import (
    Employer,
    EmployerWish,
    Event,
    EventEmployer,
    EventParticipant,
    IntakeProfile,
    OutcomeRecord,
    ParticipantWish,
    Talk,
)
from outcomes.selectors import add_months
from tests.scale.test_query_counts import count_queries

pytestmark = pytest.mark.django_db


def build(size: int, firms: int, tag: str):
    User = get_user_model()
    today = datetime.date.today()
    organisation = Organisation.objects.create(name=f"Träger {tag}")
    site = Site.objects.create(organisation=organisation, name=f"Dülmen {tag}")
    programme = Programme.objects.create(organisation=organisation, title="Integrationsbegleiter:in")
    cohort = Cohort.objects.create(
        programme=programme,
        site=site,
        number="2026-1",
        start_date=add_months(today, -9),
        end_date=add_months(today, -7),
        capacity=size,
        status=CohortStatus.FINISHED,
    )
    staff = User.objects.create(username=f"staff-{tag}", role=Role.STAFF)
    organisation.staff_members.add(staff)
    user = User.objects.create(username=f"participant-{tag}", role=Role.PARTICIPANT)
    people = Participant.objects.bulk_create(
        [
            Participant(
                organisation=organisation,
                user=user if i == 0 else None,
                given_name="Ayşe",
                family_name=f"Yılmaz {i}",
                date_of_birth=datetime.date(1990, 1, 1),
                name_key=f"{fold(f'Yılmaz {i}')} ayse",
            )
            for i in range(size)
        ]
    )
    enrolments = Enrolment.objects.bulk_create([Enrolment(cohort=cohort, participant=p) for p in people])
    IntakeProfile.objects.bulk_create(
        [IntakeProfile(participant=p, german_level="B1", hours_per_week=20) for p in people]
    )
    employers = Employer.objects.bulk_create(
        [Employer(organisation=organisation, name=f"Kita-Träger {j}") for j in range(firms)]
    )
    event = Event.objects.create(
        organisation=organisation,
        date=today - datetime.timedelta(days=30),
        place="Kreishaus",
        start_time=datetime.time(10),
        rounds=3,
        tables=firms,
    )
    event.cohorts.add(cohort)
    EventEmployer.objects.bulk_create([EventEmployer(event=event, employer=e, status="accepted") for e in employers])
    invitations = EventParticipant.objects.bulk_create(
        [EventParticipant(event=event, participant=p, status="accepted", attended=True) for p in people]
    )
    ParticipantWish.objects.bulk_create(
        [
            ParticipantWish(event=event, participant=p, employer=employers[(i + k) % firms], rank=k + 1)
            for i, p in enumerate(people)
            for k in range(3)
        ]
    )
    EmployerWish.objects.bulk_create([EmployerWish(event=event, employer=employers[0], participant=people[1])])
    talks = []
    for r in range(1, 4):
        for t in range(firms):
            i = (t + r * firms) % size
            if not any(x.participant_id == people[i].pk and x.round == r for x in talks) and not any(
                x.participant_id == people[i].pk and x.employer_id == employers[t].pk for x in talks
            ):
                talks.append(
                    Talk(event=event, round=r, table=t + 1, participant=people[i], employer=employers[t], held=True)
                )
    Talk.objects.bulk_create(talks)
    OutcomeRecord.objects.bulk_create(
        [
            OutcomeRecord(
                participant=e.participant,
                enrolment=e,
                follow_up_month=6 if k % 2 else 0,
                date=today,
                kind="employed",
                source="participant",
            )
            for k, e in enumerate(enrolments)
        ]
    )
    return {
        "staff": staff,
        "participant": user,
        "event": event,
        "cohort": cohort,
        "person": people[0],
        "invitation": invitations[0],
    }


PAGES = [
    ("employer list", "staff", lambda w: reverse("outcomes:employer_list")),
    ("event list", "staff", lambda w: reverse("outcomes:event_list")),
    ("event detail", "staff", lambda w: reverse("outcomes:event_detail", args=[w["event"].pk])),
    ("schedule", "staff", lambda w: reverse("outcomes:event_schedule", args=[w["event"].pk])),
    ("record results", "staff", lambda w: reverse("outcomes:event_record", args=[w["event"].pk])),
    ("cohort outcomes", "staff", lambda w: reverse("outcomes:cohort_outcomes", args=[w["cohort"].pk])),
    ("participant outcomes", "staff", lambda w: reverse("outcomes:participant_outcomes", args=[w["person"].pk])),
    ("staff start page", "staff", lambda w: reverse("home")),
    ("wishes", "staff", lambda w: reverse("outcomes:wishes", args=[w["invitation"].pk])),
    ("own events", "participant", lambda w: reverse("outcomes:own_events")),
]


def test_query_counts_do_not_grow_with_the_event():
    small, large = build(10, 4, "small"), build(60, 20, "large")
    failures = []
    for page, who, url in PAGES:
        counts = [count_queries(world[who], url(world)) for world in (small, large)]
        if counts[0] != counts[1]:
            failures.append(f"{page}: {counts[0]} queries small, {counts[1]} large")
    assert not failures, "\n".join(failures)
