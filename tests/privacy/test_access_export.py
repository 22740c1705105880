"""Art. 15: the person and their organisation's staff download one ZIP (PDF + JSON) of everything stored."""

import io
import json
import zipfile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from privacy.models import AccessExport
from privacy.selectors import personal_data

from ..factories import EnrolmentFactory, ParticipantFactory, UserFactory
from .history import full_history

pytestmark = pytest.mark.django_db


def _open(response):
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == ["auskunft.pdf", "data.json"]
    data = json.loads(archive.read("data.json"))
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(archive.read("auskunft.pdf"))).pages)
    return data, text


def test_the_participant_downloads_everything_about_themself(client, history, enrolment, participant_user):
    participant = enrolment.participant
    client.force_login(participant_user)
    response = client.get(reverse("privacy:my_export"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"].startswith('attachment; filename="Datenauskunft-')
    data, text = _open(response)
    assert data["person"]["given_name"] == participant.given_name
    assert data["person"]["jobcenter_customer_number"] == participant.jobcenter_customer_number
    assert len(data["attendance"]) == 12
    assert {r["code"] for r in data["attendance"]} == {"P", "E", "K", "UE"}
    assert any(r["note"] == "Arzttermin Kinderarzt" for r in data["attendance"])
    assert any(r["corrections"] for r in data["attendance"])
    assert data["absence_reports"] and data["absence_reports"][0]["month"] == "2026-02"
    assert data["placements"][0]["prerequisites"]["certificate_of_conduct"]["shows_relevant_entry"] is False
    assert len(data["hour_entries"]) == 10
    assert [h["by"] for h in data["hour_entries"][0]["history"]] == ["self", "supervisor"]
    assert data["certificates"][0]["number"] == history.number
    assert data["imports"][0]["rows_naming_you"][0]["row"] == 2
    assert data["login"]["username"] == "participant" and data["login"]["logins"]
    assert "Jobcenter" in " ".join(data["information"]["recipients"])
    assert "10 years" in " ".join(data["information"]["storage_periods"])
    # The readable copy prints the Unicode name and the sections.
    assert participant.given_name in text and "Yılmaz" in text
    assert "Storage periods" in text and history.number in text
    export = AccessExport.objects.get()
    assert export.participant == participant and export.by_the_person and export.downloaded_by == participant_user


def test_staff_of_the_organisation_download_it_from_the_participant_page(client, history, enrolment, staff):
    client.force_login(staff)
    page = client.get(reverse("courses:participant_detail", args=[enrolment.participant.pk]))
    url = reverse("privacy:participant_export", args=[enrolment.participant.pk])
    assert url in page.content.decode()
    response = client.get(url)
    assert response.status_code == 200
    data, _text = _open(response)
    assert data["person"]["family_name"] == "Yılmaz"
    export = AccessExport.objects.get()
    assert export.downloaded_by == staff and not export.by_the_person


@pytest.mark.parametrize("who", ["other_staff", "supervisor", "other_participant_user"])
def test_others_are_refused_and_nothing_is_recorded(client, history, enrolment, who, request):
    user = request.getfixturevalue(who)
    client.force_login(user)
    response = client.get(reverse("privacy:participant_export", args=[enrolment.participant.pk]))
    assert response.status_code in (403, 404)
    page = client.get(reverse("courses:participant_detail", args=[enrolment.participant.pk]))
    assert reverse("privacy:participant_export", args=[enrolment.participant.pk]) not in page.content.decode()
    assert not AccessExport.objects.exists()


def test_my_export_is_only_for_participants(client, history, staff, supervisor):
    for user in (staff, supervisor):
        client.force_login(user)
        assert client.get(reverse("privacy:my_export")).status_code in (403, 404)
    client.logout()
    assert client.get(reverse("privacy:my_export")).status_code == 302
    assert not AccessExport.objects.exists()


def test_a_participant_without_a_record_gets_a_clear_page(client, db):
    user = UserFactory(username="lonely", role="participant")
    client.force_login(user)
    assert "not linked to a participant record" in client.get(reverse("privacy:my_data")).content.decode()
    assert client.get(reverse("privacy:my_export")).status_code == 404


def test_reading_takes_the_same_queries_for_a_short_and_a_long_history(cohort, staff):
    short = EnrolmentFactory(cohort=cohort)
    full_history(short, staff=staff, sessions=3, hour_days=2)
    long = EnrolmentFactory(cohort=cohort, participant=ParticipantFactory(organisation=cohort.site.organisation))
    full_history(long, staff=staff, sessions=40, hour_days=25)
    counts = []
    for enrolment in (short, long):
        with CaptureQueriesContext(connection) as queries:
            personal_data(enrolment.participant)
        counts.append(len(queries))
    assert counts[0] == counts[1]
