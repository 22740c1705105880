"""Art. 15: the person and their organisation's staff download one ZIP (PDF + JSON) of everything stored."""

import io
import json
import zipfile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from notifications.models import PreparedDownload
from privacy.models import AccessExport
from privacy.selectors import personal_data

from ..factories import EnrolmentFactory, ParticipantFactory, UserFactory
from .history import full_history, outcomes_history

pytestmark = pytest.mark.django_db


def _open(response):
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == ["auskunft.pdf", "data.json"]
    data = json.loads(archive.read("data.json"))
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(archive.read("auskunft.pdf"))).pages)
    return data, text


def test_the_participant_downloads_everything_about_themself(client, export, history, enrolment, participant_user):
    participant = enrolment.participant
    client.force_login(participant_user)
    assert not AccessExport.objects.exists()
    response = export(reverse("privacy:my_export"))
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


def test_staff_of_the_organisation_download_it_from_the_participant_page(client, export, history, enrolment, staff):
    client.force_login(staff)
    page = client.get(reverse("courses:participant_detail", args=[enrolment.participant.pk]))
    url = reverse("privacy:participant_export", args=[enrolment.participant.pk])
    assert url in page.content.decode()
    response = export(url)
    assert response.status_code == 200
    data, _text = _open(response)
    assert data["person"]["family_name"] == "Yılmaz"
    export = AccessExport.objects.get()
    assert export.downloaded_by == staff and not export.by_the_person


@pytest.mark.parametrize("who", ["other_staff", "supervisor", "other_participant_user"])
def test_others_are_refused_and_nothing_is_recorded(client, history, enrolment, who, request):
    user = request.getfixturevalue(who)
    client.force_login(user)
    response = client.post(reverse("privacy:participant_export", args=[enrolment.participant.pk]))
    assert response.status_code in (403, 404)
    page = client.get(reverse("courses:participant_detail", args=[enrolment.participant.pk]))
    assert reverse("privacy:participant_export", args=[enrolment.participant.pk]) not in page.content.decode()
    assert not AccessExport.objects.exists() and not PreparedDownload.objects.exists()


def test_my_export_is_only_for_participants(client, history, staff, supervisor):
    for user in (staff, supervisor):
        client.force_login(user)
        assert client.post(reverse("privacy:my_export")).status_code in (403, 404)
    client.logout()
    assert client.post(reverse("privacy:my_export")).status_code == 302
    assert not AccessExport.objects.exists() and not PreparedDownload.objects.exists()


def test_only_the_person_who_asked_fetches_the_file(client, export, history, enrolment, participant_user, staff):
    client.force_login(participant_user)
    assert export(reverse("privacy:my_export")).status_code == 200
    download = PreparedDownload.objects.get()
    assert download.requested_by == participant_user and download.kind == "privacy_export"
    client.force_login(staff)  # staff of the organisation ask for their own copy; they cannot take this one
    assert client.get(reverse("notifications:download_file", args=[download.pk])).status_code == 403


def test_nobody_queues_an_export_in_another_users_name(history, enrolment, participant_user, staff):
    from core.exceptions import DomainError
    from notifications.prepared import download_request

    with pytest.raises(DomainError):
        download_request(
            kind="privacy_export", params={"participant": enrolment.participant.pk, "by": staff.pk}, by=participant_user
        )
    assert not PreparedDownload.objects.exists()


def test_a_participant_without_a_record_gets_a_clear_page(client, db):
    user = UserFactory(username="lonely", role="participant")
    client.force_login(user)
    assert "not linked to a participant record" in client.get(reverse("privacy:my_data")).content.decode()
    assert client.post(reverse("privacy:my_export")).status_code == 404


def test_reading_takes_the_same_queries_for_a_short_and_a_long_history(cohort, staff):
    short = EnrolmentFactory(cohort=cohort)
    full_history(short, staff=staff, sessions=3, hour_days=2)
    outcomes_history(short, staff=staff, events=1, goals=1)
    long = EnrolmentFactory(cohort=cohort, participant=ParticipantFactory(organisation=cohort.site.organisation))
    full_history(long, staff=staff, sessions=40, hour_days=25)
    outcomes_history(long, staff=staff, events=6, goals=5)
    counts = []
    for enrolment in (short, long):
        with CaptureQueriesContext(connection) as queries:
            personal_data(enrolment.participant)
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_export_holds_the_outcomes_data(client, export, outcomes, enrolment, participant_user):
    client.force_login(participant_user)
    data, text = _open(export(reverse("privacy:my_export")))
    part = data["outcomes"]
    profile = part["intake_profile"]
    assert profile["qualifications"] == "Erzieherin (Türkei), Anerkennung läuft"
    assert (profile["recognition_status"], profile["german_level"], profile["hours_per_week"]) == ("pending", "B1", 25)
    assert profile["german_test_date"] == "2025-11-03" and profile["towns_without_car"] == "Dülmen, Coesfeld"
    assert [g["goal"] for g in part["goals"]] == ["Sprachkurs B2 Teil 1", "Sprachkurs B2 Teil 2"]
    assert [(i["answer"], i["came"]) for i in part["event_invitations"]] == [("accepted", True)] * 2
    assert [(w["employer"], w["rank"]) for w in part["wishes"]][:2] == [
        ("AWO Kitas Dülmen", 1),
        ("Stadt Coesfeld OGS", 2),
    ]
    assert [m["employer"] for m in part["employers_wishing_to_meet_you"]] == ["Stadt Coesfeld OGS"] * 2
    assert len(part["talks"]) == 4
    held = part["talks"][0]
    assert (held["held"], held["next_step"], held["employer"]) == (True, "praktikum", "AWO Kitas Dülmen")
    records = part["outcome_records"]
    assert [(r["situation"], r["source"], r["follow_up_month"]) for r in records] == [
        ("seeking", "jobcenter", 0),
        ("seeking", "event", None),
        ("minijob", "jobcenter", 3),
        ("employed", "jobcenter", 6),
    ]
    assert records[1]["from_talk"] and records[1]["note"] == "Praktikum bei AWO Kita Sonnenschein vereinbart"
    # The readable copy has its own sections, with the choices as the reader knows them.
    text = " ".join(text.split())  # cells wrap where the PDF needs
    for heading in ("Intake profile", "Goals", "Job-speed-dating: talks", "What became of you (Verbleib)"):
        assert heading in text
    assert "3 Jahre Kita in Izmir" in text and "Sprachkurs B2 Teil 2" in text
    assert "Praktikum (internship)" in text and "employment subject to social insurance" in text
    assert "Jobcenter" in text and "Telefonat mit Frau Öztürk" in text
    assert "Verbleib" in " ".join(data["information"]["purposes"])


def test_a_person_without_outcomes_data_gets_empty_sections(client, export, history, participant_user):
    client.force_login(participant_user)
    data, text = _open(export(reverse("privacy:my_export")))
    assert data["outcomes"]["intake_profile"] is None and data["outcomes"]["talks"] == []
    assert "Intake profile" in text


def test_erasure_deletes_the_prepared_files_that_hold_the_person(
    client, export, history, enrolment, participant_user, staff
):
    from notifications.models import PreparedDownload as Prepared
    from privacy.services import participant_erase

    client.force_login(staff)
    export(reverse("privacy:participant_export", args=[enrolment.participant.pk]))
    other = Prepared.objects.create(requested_by=staff, kind="cohort_certificates_zip", params={"cohort": 0}, title="x")
    Prepared.objects.create(
        requested_by=staff, kind="cohort_certificates_zip", params={"cohort": enrolment.cohort_id}, title="ZIP"
    )
    participant_erase(participant=enrolment.participant, reason="Antrag vom 01.12.", by=staff)
    assert list(Prepared.objects.all()) == [other]
