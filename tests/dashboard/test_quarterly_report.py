"""The quarterly report: requested on the page, prepared in the background (notifications.prepared), as a
PDF with the charts or an XLSX through the formula neutraliser; its figures are the quarter's, counted
directly; staff of another organisation cannot request it."""

import io

import openpyxl
import pytest
from django.urls import reverse

from dashboard.figures import count_figures
from dashboard.report import quarter_period, report_data
from dashboard.selectors import measure_key
from notifications.models import PreparedDownload
from notifications.prepared import prepare_download

from .conftest import TODAY

pytestmark = pytest.mark.django_db


def _quarter_of(day):
    return day.year, (day.month - 1) // 3 + 1


def _request(client, cohort, file_format, django_capture_on_commit_callbacks):
    year, quarter = _quarter_of(cohort.start_date)
    data = {
        "measure": measure_key(cohort.programme_id, cohort.measure_number),
        "year": year,
        "quarter": quarter,
        "file_format": file_format,
    }
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(reverse("dashboard:quarterly_report"), data)
    return response


@pytest.mark.parametrize("file_format", ["pdf", "xlsx"])
def test_staff_get_the_report_prepared(client, staff, world, file_format, django_capture_on_commit_callbacks):
    cohort = world[0]
    client.force_login(staff)
    response = _request(client, cohort, file_format, django_capture_on_commit_callbacks)
    download = PreparedDownload.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "notifications:download_detail", args=[download.pk]
    )
    prepare_download.call(download.pk)
    download.refresh_from_db()
    assert download.status == "ready", download.error
    data = bytes(download.data)
    if file_format == "pdf":
        assert data.startswith(b"%PDF") and download.file_name.endswith(".pdf")
    else:
        book = openpyxl.load_workbook(io.BytesIO(data))
        figures = dict(book.worksheets[0].iter_rows(values_only=True))
        assert figures["Enrolled"] == "6"
        assert download.file_name.endswith(".xlsx")


def test_the_report_counts_the_quarter(staff, world):
    cohort = world[0]
    year, quarter = _quarter_of(cohort.start_date)
    period = quarter_period(year, quarter)
    data = report_data(
        {"by": staff.pk, "measure": measure_key(cohort.programme_id, cohort.measure_number), "year": year,
         "quarter": quarter},
        today=TODAY,
    )  # fmt: skip
    direct = count_figures([cohort.pk], today=TODAY, period=period)[cohort.pk]
    assert [c.pk for c, _t in data.rows] == [cohort.pk]
    assert data.total.enrolled == direct["enrolled"]
    assert (
        data.total.recorded_units
        == direct["recorded_units"]
        == sum(s.units * s.attendance.count() for s in cohort.sessions.filter(date__range=(period.start, period.end)))
    )


def test_the_xlsx_neutralises_formulas(client, staff, world, django_capture_on_commit_callbacks):
    cohort, people, _other = world
    people[4].withdrawal_reason = '=HYPERLINK("http://x","y")'
    people[4].save()
    client.force_login(staff)
    _request(client, cohort, "xlsx", django_capture_on_commit_callbacks)
    download = PreparedDownload.objects.get()
    prepare_download.call(download.pk)
    download.refresh_from_db()
    book = openpyxl.load_workbook(io.BytesIO(bytes(download.data)))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for cell in row]
    assert not any(isinstance(cell, str) and cell.startswith("=") for cell in cells)


def test_other_staff_cannot_request_it(client, other_staff, world, django_capture_on_commit_callbacks):
    cohort = world[0]
    client.force_login(other_staff)
    response = _request(client, cohort, "pdf", django_capture_on_commit_callbacks)
    assert response.status_code == 200  # the form again: the measure is not among theirs
    assert not PreparedDownload.objects.exists()
