"""The spreadsheet of the monthly absence report carries each person's totals per code, like the PDF."""

import datetime

import pytest
import tablib
from django.urls import reverse

from courses.models import AttendanceRecord, TeachingSession, attended_units_for
from courses.reports import absence_report, absence_report_dataset
from tests.factories import EnrolmentFactory, ParticipantFactory

TODAY = datetime.date(2026, 11, 23)


def _session(cohort, day, start=9, position=1):
    return TeachingSession.objects.create(
        cohort=cohort,
        module=cohort.programme.modules.get(position=position),
        date=day,
        start_time=datetime.time(start),
        end_time=datetime.time(start + 3),
        units=4,
    )


def _record(session, enrolment, status):
    AttendanceRecord.objects.create(
        session=session, enrolment=enrolment, status=status, attended_units=attended_units_for(session, status, 0, 0)
    )


@pytest.fixture
def april(cohort):
    savas = EnrolmentFactory(
        cohort=cohort,
        participant=ParticipantFactory(
            organisation=cohort.site.organisation,
            given_name="Savaş",
            family_name="Yılmaz",
            jobcenter_customer_number="1",
        ),
    )
    lan = EnrolmentFactory(
        cohort=cohort,
        participant=ParticipantFactory(
            organisation=cohort.site.organisation,
            given_name="Nguyễn Thị",
            family_name="Lan",
            jobcenter_customer_number="2",
        ),
    )
    morning = _session(cohort, datetime.date(2026, 4, 13))
    afternoon = _session(cohort, datetime.date(2026, 4, 13), start=13, position=2)
    later = [_session(cohort, datetime.date(2026, 4, d)) for d in (15, 20, 22)]
    # Savaş: sick for one day with two sessions (one K day), then one E and one UE.
    _record(morning, savas, "K")
    _record(afternoon, savas, "K")
    _record(later[0], savas, "E")
    _record(later[1], savas, "UE")
    _record(later[2], savas, "P")
    for session in (morning, afternoon, *later):
        _record(session, lan, "P")
    return savas, lan


@pytest.mark.django_db
def test_every_line_carries_the_persons_totals_per_code(cohort, april):
    data = absence_report_dataset(absence_report(cohort, 2026, 4, today=TODAY))
    savas = [row for row in data.dict if row["Jobcenter customer number"] == "1"]
    assert [(r["Date"], r["Code"]) for r in savas] == [("13.04.2026", "K"), ("15.04.2026", "E"), ("20.04.2026", "UE")]
    assert {(r["E days in the month"], r["K days in the month"], r["UE days in the month"]) for r in savas} == {
        (1, 1, 1)
    }


@pytest.mark.django_db
def test_a_person_without_absences_has_one_line_with_zero_totals(cohort, april):
    data = absence_report_dataset(absence_report(cohort, 2026, 4, today=TODAY))
    lan = [row for row in data.dict if row["Jobcenter customer number"] == "2"]
    assert len(lan) == 1
    assert lan[0]["Meaning"] == "no absences"
    assert (lan[0]["E days in the month"], lan[0]["K days in the month"], lan[0]["UE days in the month"]) == (0, 0, 0)


@pytest.mark.django_db
def test_downloaded_xlsx_has_the_total_columns(client, staff, cohort, april):
    client.force_login(staff)
    url = reverse("courses:absence_report_download", kwargs={"pk": cohort.pk, "year": 2026, "month": 4, "fmt": "xlsx"})
    book = tablib.Dataset().load(client.get(url, HTTP_ACCEPT_LANGUAGE="en").content, format="xlsx")
    assert "K days in the month" in book.headers
