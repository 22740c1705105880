"""The printouts: a page per participant and per employer, the room plan, a ZIP; the employers' page shows
only German level, availability and placement facility type."""

import io
import zipfile

import pytest
from django.urls import reverse
from pypdf import PdfReader

from outcomes import pdf
from outcomes.models import IntakeProfile, Talk

pytestmark = pytest.mark.django_db


@pytest.fixture
def planned(accepted_event):
    people, firms = accepted_event.test_people, accepted_event.test_employers
    for r, (person, firm) in enumerate(zip(people, firms, strict=True), start=1):
        Talk.objects.create(event=accepted_event, round=r, table=1, participant=person, employer=firm)
    IntakeProfile.objects.create(
        participant=people[0],
        german_level="B1",
        hours_per_week=20,
        family_times="vormittags",
        experience_with_children="Tagesmutter",
        qualifications="Lehrerin (Syrien)",
    )
    return accepted_event


def text_of(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_one_page_per_participant_in_plain_german(planned):
    pages = text_of(pdf.participant_pages(pdf.EventPack.for_event(planned)))
    assert len(pages) == 3
    assert any("Ihre Gespräche" in p and "Tisch 1" in p and "Bitte mitbringen" in p for p in pages)


def test_the_employer_page_shows_only_the_short_profile(planned):
    pages = text_of(pdf.employer_pages(pdf.EventPack.for_event(planned)))
    assert len(pages) == 3
    text = "\n".join(pages)
    assert "B1" in text and "20 Std./Woche" in text
    assert "Tagesmutter" not in text and "Lehrerin" not in text


def test_the_zip_holds_the_three_files(client, staff, planned):
    client.force_login(staff)
    response = client.get(reverse("outcomes:event_zip", args=[planned.pk]))
    assert response["Content-Type"] == "application/zip" and "no-store" in response["Cache-Control"]
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert names == ["teilnehmende.pdf", "arbeitgeber.pdf", "raumplan.pdf"]


def test_participants_and_other_staff_get_no_printouts(client, participant_user, other_staff, planned):
    for user in (participant_user, other_staff):
        client.force_login(user)
        assert client.get(reverse("outcomes:event_pdf_plan", args=[planned.pk])).status_code in (403, 404)
