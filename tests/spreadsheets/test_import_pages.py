"""The staff pages: upload -> preview of every row -> confirm, for the allowed role and the refused ones."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from courses.models import Enrolment, Participant
from spreadsheets.models import ImportRecord, ImportStatus

from .conftest import HEADER_DE, csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db


def _upload(client, cohort, data, name="liste.csv"):
    return client.post(
        reverse("spreadsheets:import_upload", args=[cohort.pk]), {"file": SimpleUploadedFile(name, data)}
    )


def test_staff_upload_preview_confirm(client, cohort, staff, german_rows):
    client.force_login(staff)
    response = _upload(client, cohort, xlsx_bytes(german_rows), "Teilnehmende Jobcenter.xlsx")
    record = ImportRecord.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("spreadsheets:import_detail", args=[record.pk])
    assert Participant.objects.count() == 0  # the preview writes nothing
    page = client.get(response["Location"])
    assert page.status_code == 200
    for name in ("Yılmaz, Savaş", "Nguyễn Thị, Lan", "Wróbel, Łukasz"):
        assert name in page.content.decode()
    response = client.post(reverse("spreadsheets:import_confirm", args=[record.pk]), {"confirm": "1"})
    assert response.status_code == 302
    assert Enrolment.objects.filter(cohort=cohort).count() == 3
    record.refresh_from_db()
    assert (record.status, record.rows_new, record.created_by, record.confirmed_by) == ("imported", 3, staff, staff)
    assert record.file_name == "Teilnehmende Jobcenter.xlsx"
    assert bytes(record.file_data) == b""  # the file is not kept after the import


def test_preview_shows_the_row_number_and_reason(client, cohort, staff):
    client.force_login(staff)
    rows = [
        HEADER_DE,
        ["Kaya", "Zeynep", "02.03.1991", "", "", "", ""],
        ["Demir", "Ayşe", "30.02.1979", "", "", "", ""],
    ]
    response = _upload(client, cohort, csv_bytes(rows))
    page = client.get(response["Location"] + "?status=error").content.decode()
    assert "Date of birth: “30.02.1979” is not a date: February 1979 has only 28 days." in page
    assert "Kaya" not in page.split("Every row of the file")[1]  # filtered to the rows with errors
    assert "import only the valid rows" in page


def test_messages_are_german_by_default(client, cohort, staff):
    client.force_login(staff)
    with translation.override("de"):
        response = client.post(
            reverse("spreadsheets:import_upload", args=[cohort.pk]),
            {"file": SimpleUploadedFile("leer.csv", b"")},
            HTTP_ACCEPT_LANGUAGE="de",
        )
    # An empty upload never reaches the service: Django's own "empty file" message, in German.
    assert "leer" in response.content.decode()
    client.cookies["django_language"] = "de"
    rows = [HEADER_DE, ["Kaya", "Zeynep", "31.02.1991", "", "", "", ""]]
    with translation.override("de"):
        response = _upload(client, cohort, csv_bytes(rows))
        page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Geburtsdatum: „31.02.1991“ ist kein Datum: Februar 1991 hat nur 28 Tage." in page


def test_refused_file_is_shown_on_the_form_and_logged(client, cohort, staff):
    client.force_login(staff)
    response = _upload(client, cohort, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "foto.png")
    assert response.status_code == 200
    assert "This file is not a spreadsheet." in response.content.decode()
    record = ImportRecord.objects.get()
    assert (record.status, record.file_name, record.created_by) == (ImportStatus.REJECTED, "foto.png", staff)


def test_too_large_file(client, cohort, staff, settings):
    settings.SPREADSHEET_MAX_UPLOAD_BYTES = 1024
    client.force_login(staff)
    response = _upload(client, cohort, b"Nachname;Vorname;Geburtsdatum\r\n" + b"a;b;01.01.1990\r\n" * 200)
    assert "The file is larger than 1 KB. Please split it into smaller files." in response.content.decode()
    assert Participant.objects.count() == 0


def test_discard(client, cohort, staff, german_rows):
    client.force_login(staff)
    response = _upload(client, cohort, csv_bytes(german_rows))
    record = ImportRecord.objects.get()
    client.post(reverse("spreadsheets:import_discard", args=[record.pk]))
    record.refresh_from_db()
    assert record.status == ImportStatus.DISCARDED and record.preview == []  # no row had an error
    assert Participant.objects.count() == 0
    assert response.status_code == 302


@pytest.mark.parametrize("role", ["other_staff", "supervisor", "participant_user"])
def test_other_roles_cannot_upload_or_confirm(client, request, cohort, staff, german_rows, role):
    user = request.getfixturevalue(role)
    people_before = Participant.objects.count()  # the participant fixture brings its own person
    client.force_login(staff)
    _upload(client, cohort, csv_bytes(german_rows))
    record = ImportRecord.objects.get()
    client.force_login(user)
    assert _upload(client, cohort, csv_bytes(german_rows)).status_code == 403
    response = client.post(reverse("spreadsheets:import_confirm", args=[record.pk]), {"confirm": "1"})
    assert response.status_code == 403
    assert Participant.objects.count() == people_before
    assert ImportRecord.objects.get(pk=record.pk).status == ImportStatus.PREVIEWED


def test_anonymous_is_sent_to_login(client, cohort, german_rows):
    response = _upload(client, cohort, csv_bytes(german_rows))
    assert response.status_code == 302 and "/konto/anmelden/" in response["Location"]


def test_import_log_is_scoped_to_the_organisation(client, cohort, staff, other_staff, german_rows):
    client.force_login(staff)
    _upload(client, cohort, csv_bytes(german_rows), "jobcenter-liste.csv")
    assert "jobcenter-liste.csv" in client.get(reverse("spreadsheets:import_list")).content.decode()
    client.force_login(other_staff)
    assert "jobcenter-liste.csv" not in client.get(reverse("spreadsheets:import_list")).content.decode()


def test_cohort_page_offers_import_and_export_to_staff_only(client, cohort, staff, other_staff):
    client.force_login(staff)
    page = client.get(reverse("courses:cohort_detail", args=[cohort.pk])).content.decode()
    assert reverse("spreadsheets:import_upload", args=[cohort.pk]) in page
    assert reverse("spreadsheets:export_roster", args=[cohort.pk, "xlsx"]) in page
    assert reverse("spreadsheets:import_list") in page  # the nav link
