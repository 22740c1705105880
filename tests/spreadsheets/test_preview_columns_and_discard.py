"""The preview shows every imported column of a row (customer number, e-mail, phone, German level), so staff can
check them before confirming; a discarded import keeps its refused rows and their reasons, the rest goes."""

import pytest
from django.urls import reverse

from spreadsheets.models import ImportRecord, ImportStatus

from .conftest import HEADER_DE, csv_bytes
from .test_import_pages import _upload

pytestmark = pytest.mark.django_db

ROWS = [
    HEADER_DE,
    ["Yılmaz", "Savaş", "17.05.1990", "362D100001", "savas@example.org", "02594 1234", "B1"],
    ["Kaya", "Zeynep", "31.02.1991", "362D100009", "zeynep@example.org", "", ""],
]


def test_preview_shows_every_imported_column(client, cohort, staff):
    client.force_login(staff)
    response = _upload(client, cohort, csv_bytes(ROWS))
    page = client.get(response["Location"]).content.decode()
    for text in ("362D100001", "savas@example.org", "02594 1234", "German level: B1", "Customer number: 362D100001"):
        assert text in page, text
    assert "zeynep@example.org" in page  # a row with an error shows what could be read, too


def test_discarded_import_keeps_the_refused_rows_and_their_errors(client, cohort, staff):
    client.force_login(staff)
    response = _upload(client, cohort, csv_bytes(ROWS))
    record = ImportRecord.objects.get()
    client.post(reverse("spreadsheets:import_discard", args=[record.pk]))
    record.refresh_from_db()
    assert record.status == ImportStatus.DISCARDED and not record.file_data
    assert [row["row"] for row in record.preview] == [3]
    page = client.get(response["Location"]).content.decode()
    assert "Rows that were not imported" in page
    assert "February 1991 has only 28 days" in page
    assert "savas@example.org" not in page  # rows that were fine are not kept


@pytest.mark.parametrize("role", ["other_staff", "supervisor", "participant_user"])
def test_other_roles_cannot_discard(client, request, cohort, staff, role):
    client.force_login(staff)
    _upload(client, cohort, csv_bytes(ROWS))
    record = ImportRecord.objects.get()
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("spreadsheets:import_discard", args=[record.pk]))
    assert response.status_code in (403, 404)
    record.refresh_from_db()
    assert record.status == ImportStatus.PREVIEWED and len(record.preview) == 2
