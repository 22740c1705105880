"""The register and planning forms on their own: what they accept, what they refuse, what they hand on."""

import datetime

import pytest

from courses.attendance_forms import RegisterForm, ReportMonthForm, SessionSeriesForm
from courses.models import TeachingSession
from courses.services import AttendanceEntry


@pytest.fixture
def session(cohort):
    return TeachingSession.objects.create(
        cohort=cohort,
        module=cohort.programme.modules.get(position=1),
        date=datetime.date(2026, 2, 2),
        start_time=datetime.time(9),
        end_time=datetime.time(12),
        units=4,
    )


@pytest.mark.django_db
def test_register_form_defaults_to_present_and_builds_entries(session, enrolment):
    form = RegisterForm(session=session, rows=[(enrolment, None)])
    assert form[f"status-{enrolment.pk}"].initial == "P"
    form = RegisterForm(
        {f"status-{enrolment.pk}": "P", f"late-{enrolment.pk}": "25", f"note-{enrolment.pk}": " Bus "},
        session=session,
        rows=[(enrolment, None)],
    )
    assert form.is_valid(), form.errors
    assert form.entries() == [AttendanceEntry(enrolment.pk, "P", 25, 0, "Bus")]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"status": "K", "late": "20"}, "late", "Minutes only apply to someone present"),
        ({"status": "P", "late": "100", "early": "80"}, "late", "Not less than the session's 180 minutes"),
        ({"status": "P", "early": "180"}, "early", "Not less than the session's 180 minutes"),
        ({"status": "P", "late": "-1"}, "late", "greater than or equal to 0"),
        ({"status": "XX"}, "status", "Select a valid choice"),
    ],
)
def test_register_form_refuses_bad_rows(session, enrolment, data, field, message):
    form = RegisterForm({f"{k}-{enrolment.pk}": v for k, v in data.items()}, session=session, rows=[(enrolment, None)])
    assert not form.is_valid()
    assert any(message in error for error in form.errors[f"{field}-{enrolment.pk}"])


@pytest.mark.django_db
def test_series_form(cohort):
    data = {
        "module": cohort.programme.modules.get(position=1).pk,
        "weekdays": ["0", "2"],
        "start_time": "09:00",
        "end_time": "12:00",
        "units": "4",
        "first_date": "02.02.2026",
        "weeks": "18",
    }
    form = SessionSeriesForm(data, cohort=cohort)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["weekdays"] == [0, 2]
    bad = SessionSeriesForm({**data, "end_time": "08:00", "weekdays": []}, cohort=cohort)
    assert not bad.is_valid()
    assert "end_time" in bad.errors and "weekdays" in bad.errors


@pytest.mark.django_db
def test_series_form_offers_only_the_cohorts_modules(cohort, other_cohort):
    from tests.factories import ModuleFactory

    foreign = ModuleFactory(programme=other_cohort.programme)
    form = SessionSeriesForm(cohort=cohort)
    assert foreign not in form.fields["module"].queryset
    assert form.fields["module"].queryset.count() == 2


def test_report_month_form():
    form = ReportMonthForm({"month": "2026-03"}, months=[(2026, 3), (2026, 2)])
    assert form.year_month() == (2026, 3)
    assert ReportMonthForm({"month": "2025-01"}, months=[(2026, 3)]).year_month() is None
