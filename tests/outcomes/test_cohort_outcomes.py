"""The cohort's figures: invited, came, talks held, next steps, the share in work or training at six
months with its counting rule next to it, on the page and in the export."""

import datetime

import pytest
from django.urls import reverse

from courses.models import Cohort, Enrolment
from outcomes.models import EventParticipant, OutcomeRecord, Talk
from outcomes.selectors import add_months, cohort_figures

pytestmark = pytest.mark.django_db


@pytest.fixture
def six_months_on(accepted_event):
    cohort = accepted_event.cohorts.get()
    today = datetime.date.today()
    Cohort.objects.filter(pk=cohort.pk).update(
        status="finished", start_date=add_months(today, -12), end_date=add_months(today, -7)
    )
    cohort.refresh_from_db()
    people = accepted_event.test_people
    EventParticipant.objects.filter(event=accepted_event, participant__in=people[:2]).update(attended=True)
    Talk.objects.create(
        event=accepted_event,
        round=1,
        table=1,
        participant=people[0],
        employer=accepted_event.test_employers[0],
        held=True,
        next_step="praktikum",
    )
    Talk.objects.create(
        event=accepted_event,
        round=2,
        table=1,
        participant=people[1],
        employer=accepted_event.test_employers[0],
        held=True,
        next_step="none",
    )
    enrolments = {e.participant_id: e for e in Enrolment.objects.filter(cohort=cohort)}
    for person, kind in ((people[0], "employed"), (people[1], "course")):
        OutcomeRecord.objects.create(
            participant=person,
            enrolment=enrolments[person.pk],
            follow_up_month=6,
            date=today,
            kind=kind,
            source="participant",
        )
    return cohort


def test_figures_follow_the_counting_rule(six_months_on):
    figures = cohort_figures(six_months_on)
    assert (figures.invited, figures.came, figures.talks_held, figures.next_steps) == (3, 2, 2, 1)
    # Three finished; one in work; the further course and the unanswered one do not count as in work.
    assert (figures.six_month_due, figures.in_work_or_training) == (3, 1)
    assert round(figures.rate, 3) == 0.333


def test_the_page_and_the_export_show_the_rule(client, staff, six_months_on):
    client.force_login(staff)
    page = client.get(reverse("outcomes:cohort_outcomes", args=[six_months_on.pk])).content.decode()
    assert "Counting rule" in page and "33 %" in page
    export = client.get(reverse("outcomes:cohort_outcomes_export", args=[six_months_on.pk, "csv"]))
    text = export.content.decode("utf-8-sig")
    assert "33,3" in text and "Counting rule" in text
    assert "no-store" in client.get(reverse("outcomes:cohort_outcomes", args=[six_months_on.pk]))["Cache-Control"]


def test_the_cohort_page_shows_the_panel(client, staff, six_months_on):
    client.force_login(staff)
    page = client.get(reverse("courses:cohort_detail", args=[six_months_on.pk])).content.decode()
    assert "After the course" in page and reverse("outcomes:cohort_outcomes", args=[six_months_on.pk]) in page


def test_other_staff_see_nothing(client, other_staff, six_months_on):
    client.force_login(other_staff)
    assert client.get(reverse("outcomes:cohort_outcomes", args=[six_months_on.pk])).status_code in (403, 404)
    response = client.get(reverse("outcomes:cohort_outcomes_export", args=[six_months_on.pk, "xlsx"]))
    assert response.status_code in (403, 404)
