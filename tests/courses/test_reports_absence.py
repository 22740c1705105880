"""The monthly absence report: per participant the customer number, every absence day with its code,
totals per code; as PDF, XLSX and CSV. And the drop-out notice and signature sheet PDFs."""

import datetime
import io
from decimal import Decimal

import pytest
import tablib
from django.urls import reverse
from pypdf import PdfReader

from courses.models import AttendanceRecord, TeachingSession, attended_units_for
from courses.report_pdf import render_absence_report, render_attendance_sheet, render_dropout_notice
from courses.reports import absence_report, absence_report_dataset, attendance_sheet, dropout_notice
from courses.services import enrolment_withdraw
from tests.factories import EnrolmentFactory, ParticipantFactory

TODAY = datetime.date(2026, 11, 23)


def _session(cohort, day, start=9, module_position=1):
    return TeachingSession.objects.create(
        cohort=cohort,
        module=cohort.programme.modules.get(position=module_position),
        date=day,
        start_time=datetime.time(start),
        end_time=datetime.time(start + 3),
        units=4,
    )


def _rec(session, enrolment, status="P", late=0, early=0):
    AttendanceRecord.objects.create(
        session=session,
        enrolment=enrolment,
        status=status,
        late_minutes=late,
        early_minutes=early,
        attended_units=attended_units_for(session, status, late, early),
    )


@pytest.fixture
def march(cohort):
    """Five sessions in March 2026, one in February, two people, one of them drops out on 13.03."""
    lan = EnrolmentFactory(
        cohort=cohort,
        participant=ParticipantFactory(
            organisation=cohort.site.organisation,
            given_name="Nguyễn Thị",
            family_name="Lan",
            jobcenter_customer_number="362D123456",
        ),
    )
    lukasz = EnrolmentFactory(
        cohort=cohort,
        participant=ParticipantFactory(
            organisation=cohort.site.organisation,
            given_name="Łukasz",
            family_name="Wróbel",
            jobcenter_customer_number="362D654321",
        ),
    )
    feb = _session(cohort, datetime.date(2026, 2, 27))
    _rec(feb, lan, "UE")
    _rec(feb, lukasz, "UE")
    days = [datetime.date(2026, 3, d) for d in (2, 4, 9, 11, 16)]
    s = [_session(cohort, d) for d in days]
    afternoon = _session(cohort, days[0], start=13, module_position=2)
    _rec(s[0], lan, "K")
    _rec(afternoon, lan, "K")  # two sessions of the same sick day: one K day
    _rec(s[1], lan, "K")
    _rec(s[2], lan, "P", late=30)
    _rec(s[3], lan, "E")
    _rec(s[4], lan, "UE")
    _rec(s[0], lukasz, "P")
    _rec(afternoon, lukasz, "P", late=10)  # within the tolerance: not listed
    _rec(s[1], lukasz, "UE")
    _rec(s[2], lukasz, "P")
    # s[3] has no register for Łukasz yet; s[4] is after his withdrawal.
    enrolment_withdraw(enrolment=lukasz, on=datetime.date(2026, 3, 13), reason="Arbeitsaufnahme", by=None)
    lukasz.refresh_from_db()
    return {"lan": lan, "lukasz": lukasz, "sessions": s}


@pytest.mark.django_db
def test_report_lists_every_absence_day_with_its_code_and_totals(cohort, march):
    report = absence_report(cohort, 2026, 3, today=TODAY)
    assert report.header.measure_number == "962/0001/26"
    assert report.header.funding_body == "Kreisjobcenter Coesfeld"
    assert [r.name for r in report.rows] == ["Lan, Nguyễn Thị", "Wróbel, Łukasz"]
    lan, lukasz = report.rows
    assert lan.customer_number == "362D123456"
    assert [(d.date.day, d.code) for d in lan.days] == [(2, "K"), (4, "K"), (11, "E"), (16, "UE")]
    assert lan.days[0].missed_units == Decimal("8.0")
    assert lan.totals == {"E": 1, "K": 2, "UE": 1}
    assert lan.late_early == [(datetime.date(2026, 3, 9), 30, 0)]
    assert lan.held_units == Decimal("24.0")
    assert lan.attended_units == Decimal("3.3")
    assert lukasz.totals == {"E": 0, "K": 0, "UE": 1}
    assert lukasz.withdrawn_on == datetime.date(2026, 3, 13)
    assert lukasz.late_early == []
    assert report.totals == {"E": 1, "K": 2, "UE": 2}
    assert report.sessions == 6
    assert report.sessions_without_register == []


@pytest.mark.django_db
def test_withdrawn_before_the_month_is_not_listed(cohort, march):
    report = absence_report(cohort, 2026, 4, today=TODAY)
    assert [r.name for r in report.rows] == ["Lan, Nguyễn Thị"]


@pytest.mark.django_db
def test_spreadsheet_has_one_line_per_absence_day(cohort, march):
    data = absence_report_dataset(absence_report(cohort, 2026, 3, today=TODAY))
    lines = [row for row in data.dict if row["Jobcenter customer number"] == "362D123456"]
    assert [(r["Date"], r["Code"]) for r in lines] == [
        ("02.03.2026", "K"),
        ("04.03.2026", "K"),
        ("09.03.2026", "late/early"),
        ("11.03.2026", "E"),
        ("16.03.2026", "UE"),
    ]
    assert all(r["Measure number"] == "962/0001/26" for r in lines)


@pytest.mark.django_db
def test_pdf_prints_names_codes_and_header(cohort, march):
    pdf = render_absence_report(absence_report(cohort, 2026, 3, today=TODAY))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Lan, Nguyễn Thị" in text
    assert "Wróbel, Łukasz" in text
    assert "362D123456" in text
    assert "962/0001/26" in text
    assert "Kreisjobcenter Coesfeld" in text
    assert cohort.site.organisation.name in text
    # Same data, same bytes: the renderer reads no clock.
    assert pdf == render_absence_report(absence_report(cohort, 2026, 3, today=TODAY))


@pytest.mark.django_db
def test_downloads_for_staff(client, staff, cohort, march):
    client.force_login(staff)
    base = {"pk": cohort.pk, "year": 2026, "month": 3}
    pdf = client.get(reverse("courses:absence_report_download", kwargs={**base, "fmt": "pdf"}))
    assert pdf["Content-Type"] == "application/pdf"
    xlsx = client.get(reverse("courses:absence_report_download", kwargs={**base, "fmt": "xlsx"}))
    book = tablib.Dataset().load(xlsx.content, format="xlsx")
    assert "Wróbel, Łukasz" in book["Name"]
    csv = client.get(reverse("courses:absence_report_download", kwargs={**base, "fmt": "csv"}))
    assert "Nguyễn Thị" in csv.content.decode("utf-8-sig")
    page = client.get(reverse("courses:absence_report", args=[cohort.pk]) + "?month=2026-03")
    assert "Lan, Nguyễn Thị" in page.content.decode()
    bad = client.get(reverse("courses:absence_report_download", kwargs={**base, "fmt": "doc"}))
    assert bad.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["supervisor", "participant_user", "other_staff"])
def test_other_roles_get_no_report(client, request, cohort, march, who):
    client.force_login(request.getfixturevalue(who))
    url = reverse("courses:absence_report_download", kwargs={"pk": cohort.pk, "year": 2026, "month": 3, "fmt": "csv"})
    assert client.get(url).status_code == 403
    notice = reverse("courses:dropout_notice", args=[march["lukasz"].pk])
    assert client.get(notice).status_code == 403


@pytest.mark.django_db
def test_dropout_notice(client, staff, cohort, march):
    notice = dropout_notice(march["lukasz"], today=TODAY)
    assert notice.withdrawn_on == datetime.date(2026, 3, 13)
    assert notice.reason == "Arbeitsaufnahme"
    assert notice.last_attended == datetime.date(2026, 3, 9)
    assert notice.customer_number == "362D654321"
    text = PdfReader(io.BytesIO(render_dropout_notice(notice))).pages[0].extract_text()
    assert "Wróbel" in text and "13.03.2026" in text and "Arbeitsaufnahme" in text and "962/0001/26" in text
    client.force_login(staff)
    assert client.get(reverse("courses:dropout_notice", args=[march["lukasz"].pk])).status_code == 200
    # Only for withdrawn enrolments.
    assert client.get(reverse("courses:dropout_notice", args=[march["lan"].pk])).status_code == 404


@pytest.mark.django_db
def test_signature_sheet_lists_who_was_enrolled_that_day(cohort, march):
    sheet = attendance_sheet(march["sessions"][4])  # 16.03., after Łukasz left
    assert sheet.names == ["Lan, Nguyễn Thị"]
    text = PdfReader(io.BytesIO(render_attendance_sheet(sheet))).pages[0].extract_text()
    assert "Lan, Nguyễn Thị" in text and "16.03.2026" in text
