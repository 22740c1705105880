"""Exports from the cohort page: CSV for German Excel and XLSX, for staff of the cohort's organisation only."""

import io

import openpyxl
import pytest
from django.urls import reverse

from certificates import services as certificate_services
from tests.certificates.factories import attend, make_eligible, place

pytestmark = pytest.mark.django_db


def _xlsx_rows(response):
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _csv_text(response):
    assert response.content.startswith(b"\xef\xbb\xbf")  # so German Excel shows umlauts
    return response.content.decode("utf-8-sig")


def test_roster_csv_and_xlsx(client, staff, enrolment):
    client.force_login(staff)
    response = client.get(reverse("spreadsheets:export_roster", args=[enrolment.cohort_id, "csv"]))
    assert response["Content-Type"].startswith("text/csv")
    lines = _csv_text(response).splitlines()
    assert lines[0].startswith("Family name;Given name;Date of birth;Customer number")
    assert lines[1].startswith(f"Yılmaz;{enrolment.participant.given_name};17.05.1990;")
    rows = _xlsx_rows(client.get(reverse("spreadsheets:export_roster", args=[enrolment.cohort_id, "xlsx"])))
    assert rows[1][:3] == ["Yılmaz", enrolment.participant.given_name, "17.05.1990"]


def test_roster_export_reads_back_in_as_an_import(client, staff, enrolment):
    from spreadsheets.reading import read_participant_sheet

    client.force_login(staff)
    response = client.get(reverse("spreadsheets:export_roster", args=[enrolment.cohort_id, "xlsx"]))
    sheet = read_participant_sheet(response.content)
    assert sheet.dataset.headers[:3] == ["family_name", "given_name", "date_of_birth"]


def test_formulas_are_defused(client, staff, enrolment):
    enrolment.participant.address = '=HYPERLINK("http://x")'
    enrolment.participant.save()
    client.force_login(staff)
    text = _csv_text(client.get(reverse("spreadsheets:export_roster", args=[enrolment.cohort_id, "csv"])))
    assert "'=HYPERLINK" in text


def test_attendance_per_session(client, staff, enrolment):
    attend(enrolment, "0.5")
    client.force_login(staff)
    rows = _xlsx_rows(client.get(reverse("spreadsheets:export_attendance", args=[enrolment.cohort_id, "xlsx"])))
    assert rows[0][:5] == ["Date", "Start", "End", "Module", "Teaching units"]
    assert len(rows) == 1 + enrolment.cohort.programme.modules.count()
    assert rows[1][0] == "03.03.2026" and rows[1][9] == "P"


def test_placement_hours(client, staff, enrolment, supervisor):
    place(enrolment, supervisor=supervisor, confirmed_hours=45, pending_hours=8)
    client.force_login(staff)
    text = _csv_text(client.get(reverse("spreadsheets:export_hours", args=[enrolment.cohort_id, "csv"])))
    header, row = text.splitlines()[:2]
    assert "Confirmed (minutes);Confirmed (hours)" in header
    assert ";2700;45;480;90;complete" in row


def test_certificate_register(client, staff, enrolment, supervisor):
    make_eligible(enrolment, supervisor=supervisor)
    certificate = certificate_services.certificate_issue(enrolment=enrolment, by=staff)
    client.force_login(staff)
    rows = _xlsx_rows(client.get(reverse("spreadsheets:export_certificates", args=[enrolment.cohort_id, "xlsx"])))
    assert rows[1][0] == certificate.number
    assert rows[1][1] == certificate.get_kind_display()
    assert rows[1][8] == certificate.verification_code


@pytest.mark.parametrize("kind", ["export_roster", "export_attendance", "export_hours", "export_certificates"])
def test_other_organisation_and_other_roles_are_refused(
    client, other_staff, supervisor, participant_user, enrolment, kind
):
    url = reverse(f"spreadsheets:{kind}", args=[enrolment.cohort_id, "csv"])
    for user in (other_staff, supervisor, participant_user):
        client.force_login(user)
        assert client.get(url).status_code == 403


def test_template_download(client, staff):
    client.force_login(staff)
    rows = _xlsx_rows(client.get(reverse("spreadsheets:template", args=["xlsx"])))
    assert rows == [
        ["Family name", "Given name", "Date of birth", "Customer number", "Email", "Phone", "Address", "German level"]
    ]
