"""Erasure and the outcomes data: the intake profile's contents, goals' texts and outcome notes go; invitations,
wishes, talks and outcome records stay without a name, so the event's and the cohort's figures and the outcome
rate are the same before and after; every outcomes page still opens."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from outcomes.models import EmployerWish, Event, EventParticipant, Goal, IntakeProfile, OutcomeRecord, Talk
from outcomes.selectors import add_months, cohort_figures
from privacy import services
from privacy.selectors import personal_data

pytestmark = pytest.mark.django_db


def _figures(cohort):
    return cohort_figures(cohort, today=add_months(cohort.end_date, 7))


def test_the_confirmation_page_lists_the_outcomes_part(client, outcomes, enrolment, staff):
    client.force_login(staff)
    page = client.get(reverse("privacy:participant_erase", args=[enrolment.participant.pk])).content.decode()
    assert "The intake profile: qualifications" in page
    assert "The texts of 2 goals" in page and "4 notes on outcomes" in page
    assert "2 invitations, 4 talks with their results and next steps, 4 outcome records" in page


def test_erasure_removes_the_texts_and_keeps_the_numbers(outcomes, enrolment, staff):
    participant, cohort = enrolment.participant, enrolment.cohort
    figures_before = _figures(cohort)
    talks_before = sorted(
        Talk.objects.filter(participant=participant).values_list("event_id", "round", "held", "next_step")
    )
    outcomes_before = sorted(
        OutcomeRecord.objects.filter(participant=participant).values_list("date", "kind", "source", "employer_id")
    )
    assert figures_before.in_work_or_training == 1 and figures_before.talks_held == 2

    services.participant_erase(participant=participant, reason="Antrag nach Art. 17", by=staff)

    profile = IntakeProfile.objects.get(participant=participant)
    texts = (
        profile.qualifications,
        profile.recognition_status,
        profile.experience_with_children,
        profile.interests,
        profile.german_level,
        profile.family_times,
        profile.towns_without_car,
    )
    assert texts == ("",) * 7
    assert (profile.german_test_date, profile.hours_per_week, profile.updated_by) == (None, None, None)
    assert set(Goal.objects.filter(participant=participant).values_list("title", flat=True)) == {"–"}
    assert not OutcomeRecord.objects.filter(participant=participant).exclude(note="").exists()
    # The rows stay as anonymous numbers: the same talks, outcomes, invitations and marks.
    assert (
        sorted(Talk.objects.filter(participant=participant).values_list("event_id", "round", "held", "next_step"))
        == talks_before
    )
    assert (
        sorted(
            OutcomeRecord.objects.filter(participant=participant).values_list("date", "kind", "source", "employer_id")
        )
        == outcomes_before
    )
    assert EventParticipant.objects.filter(participant=participant).count() == 2
    assert EmployerWish.objects.filter(participant=participant).count() == 2
    # The cohort's outcome figures and rate are unchanged.
    figures_after = _figures(cohort)
    assert figures_after == figures_before and figures_after.rate == figures_before.rate
    # The person's own export says what is left.
    data = personal_data(participant)["outcomes"]
    assert data["intake_profile"]["qualifications"] == "" and len(data["talks"]) == 4


def test_the_outcomes_pages_work_for_an_anonymised_participant(client, outcomes, enrolment, staff):
    participant, cohort = enrolment.participant, enrolment.cohort
    services.participant_erase(participant=participant, reason="Antrag nach Art. 17", by=staff)
    client.force_login(staff)
    anonymous_name = f"#{participant.pk}"
    event = Event.objects.filter(participants__participant=participant).order_by("date").first()
    pages = [
        reverse("outcomes:event_detail", args=[event.pk]),
        reverse("outcomes:event_schedule", args=[event.pk]),
        reverse("outcomes:event_record", args=[event.pk]),
        reverse("outcomes:cohort_outcomes", args=[cohort.pk]),
        reverse("outcomes:participant_outcomes", args=[participant.pk]),
        reverse("outcomes:intake_edit", args=[participant.pk]),
        reverse("courses:participant_detail", args=[participant.pk]),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert anonymous_name in response.content.decode(), url
    export = client.get(reverse("outcomes:cohort_outcomes_export", args=[cohort.pk, "csv"]))
    assert export.status_code == 200 and "Counting rule" in export.content.decode("utf-8-sig")
    for name in ("event_zip", "event_pdf_participants", "event_pdf_employers", "event_pdf_plan"):
        response = client.get(reverse(f"outcomes:{name}", args=[event.pk]))
        assert response.status_code == 200, name
        assert response.content, name
    printout = client.get(reverse("outcomes:event_pdf_participants", args=[event.pk])).content
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(printout)).pages)
    assert anonymous_name in text
