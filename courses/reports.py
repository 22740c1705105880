"""Data for the documents the funding body gets: the monthly absence report, the drop-out notice and the
session's signature sheet. Each function reads the database with a fixed number of queries and returns
plain data; ``courses.report_pdf`` turns that into PDF and ``absence_report_dataset`` into a spreadsheet."""

import calendar
import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

import tablib
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from core.dates import short_date

from .models import (
    ABSENCE_CODES,
    LATENESS_TOLERANCE_MINUTES,
    AttendanceRecord,
    AttendanceStatus,
    Cohort,
    Enrolment,
    TeachingSession,
)
from .selectors import _one_decimal, enrolments_on

CODES = tuple(str(code) for code in ABSENCE_CODES)  # ("E", "K", "UE")


@dataclass(frozen=True)
class ReportHeader:
    """Who reports to whom about which measure; printed at the top of every document."""

    provider: str
    provider_address: str
    funding_body: str
    measure_number: str
    programme: str
    cohort_number: str
    site: str
    cohort_start: datetime.date
    cohort_end: datetime.date


def report_header(cohort: Cohort) -> ReportHeader:
    organisation = cohort.site.organisation
    return ReportHeader(
        provider=organisation.name,
        provider_address=organisation.address,
        funding_body=cohort.funding_body_name,
        measure_number=cohort.measure_number,
        programme=cohort.programme.title,
        cohort_number=cohort.number,
        site=cohort.site.name,
        cohort_start=cohort.start_date,
        cohort_end=cohort.end_date,
    )


@dataclass(frozen=True)
class AbsenceDay:
    date: datetime.date
    code: str  # E, K or UE
    missed_units: Decimal


@dataclass
class AbsenceRow:
    enrolment_id: int
    name: str  # "Family, Given" as lists sort
    date_of_birth: datetime.date
    customer_number: str
    withdrawn_on: datetime.date | None
    days: list[AbsenceDay] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)  # absence days per code
    late_early: list[tuple[datetime.date, int, int]] = field(default_factory=list)  # (date, late, early)
    held_units: Decimal = Decimal("0.0")
    attended_units: Decimal = Decimal("0.0")

    @property
    def absence_days(self) -> int:
        return sum(self.totals.values())


@dataclass
class AbsenceReport:
    header: ReportHeader
    year: int
    month: int
    first_day: datetime.date
    last_day: datetime.date
    rows: list[AbsenceRow]
    totals: dict[str, int]
    sessions: int
    sessions_without_register: list[datetime.date]
    created_on: datetime.date

    @property
    def period(self) -> str:
        return f"{self.month:02d}/{self.year}"


def report_months(cohort: Cohort, today: datetime.date | None = None) -> list[tuple[int, int]]:
    """Calendar months of the cohort up to the current one (newest first), for the report's month choice."""
    today = today or timezone.localdate()
    last = min(cohort.end_date, today)
    months, year, month = [], cohort.start_date.year, cohort.start_date.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return list(reversed(months))


def absence_report(cohort: Cohort, year: int, month: int, *, today: datetime.date | None = None) -> AbsenceReport:
    """Per participant of the cohort in that month: every absence day with its code, totals per code, and
    the late arrivals / early departures beyond the tolerance. Four queries whatever the cohort size."""
    first = datetime.date(year, month, 1)
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    enrolments = list(
        Enrolment.objects.filter(cohort=cohort, enrolled_on__lte=last)
        .filter(Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=first))
        .select_related("participant")
        .order_by("participant__name_key", "participant__date_of_birth", "pk")
    )
    sessions = list(
        TeachingSession.objects.filter(cohort=cohort, date__range=(first, last))
        .annotate(recorded=Count("attendance"))
        .order_by("date", "start_time")
    )
    records = (
        AttendanceRecord.objects.filter(session__cohort=cohort, session__date__range=(first, last))
        .select_related("session")
        .order_by("session__date", "session__start_time")
    )
    by_enrolment = defaultdict(list)
    for record in records:
        by_enrolment[record.enrolment_id].append(record)
    rows, grand = [], dict.fromkeys(CODES, 0)
    for enrolment in enrolments:
        participant = enrolment.participant
        row = AbsenceRow(
            enrolment_id=enrolment.pk,
            name=participant.sortable_name,
            date_of_birth=participant.date_of_birth,
            customer_number=participant.jobcenter_customer_number,
            withdrawn_on=enrolment.withdrawn_on,
        )
        missed = defaultdict(Decimal)  # (date, code) -> units
        held = attended = Decimal(0)
        for record in by_enrolment.get(enrolment.pk, []):
            session = record.session
            held += session.units
            attended += record.attended_units
            if record.status != AttendanceStatus.PRESENT:
                missed[(session.date, record.status)] += session.units
            elif max(record.late_minutes, record.early_minutes) > LATENESS_TOLERANCE_MINUTES:
                row.late_early.append((session.date, record.late_minutes, record.early_minutes))
        row.days = [AbsenceDay(day, code, _one_decimal(units)) for (day, code), units in sorted(missed.items())]
        row.totals = {code: len({d.date for d in row.days if d.code == code}) for code in CODES}
        row.held_units, row.attended_units = _one_decimal(held), _one_decimal(attended)
        for code in CODES:
            grand[code] += row.totals[code]
        rows.append(row)
    today = today or timezone.localdate()
    return AbsenceReport(
        header=report_header(cohort),
        year=year,
        month=month,
        first_day=first,
        last_day=last,
        rows=rows,
        totals=grand,
        sessions=len(sessions),
        sessions_without_register=[s.date for s in sessions if not s.recorded and s.date <= today],
        created_on=today,
    )


def absence_report_dataset(report: AbsenceReport) -> tablib.Dataset:
    """One line per absence day (and one per participant without absences), for XLSX or CSV."""
    labels = dict(AttendanceStatus.choices)
    headers = [
        _("Name"),
        _("Date of birth"),
        _("Jobcenter customer number"),
        _("Measure number"),
        _("Date"),
        _("Code"),
        _("Meaning"),
        _("Missed units"),
        _("Late (min)"),
        _("Left early (min)"),
        # The month's totals per code are repeated on each of the person's lines, so the sheet stays one
        # flat table (filterable, importable) and still carries the totals the funding body asks for.
        *(_("%(code)s days in the month") % {"code": code} for code in CODES),
    ]
    data = tablib.Dataset(headers=headers, title=f"{report.year}-{report.month:02d}")
    for row in report.rows:
        common = [row.name, short_date(row.date_of_birth), row.customer_number, report.header.measure_number]
        totals = [row.totals.get(code, 0) for code in CODES]
        lines = [
            (day.date, day.code, str(labels.get(day.code, day.code)), float(day.missed_units), "", "")
            for day in row.days
        ]
        lines += [(day, _("late/early"), "", "", late or "", early or "") for day, late, early in row.late_early]
        lines.sort(key=lambda line: line[0])
        if not lines:
            data.append([*common, "", "", _("no absences"), "", "", "", *totals])
        for day, *rest in lines:
            data.append([*common, short_date(day), *rest, *totals])
    return data


@dataclass(frozen=True)
class DropoutNotice:
    header: ReportHeader
    name: str
    date_of_birth: datetime.date
    customer_number: str
    enrolled_on: datetime.date
    withdrawn_on: datetime.date
    reason: str
    last_attended: datetime.date | None
    attended_units: Decimal
    held_units: Decimal
    created_on: datetime.date


def dropout_notice(enrolment: Enrolment, *, today: datetime.date | None = None) -> DropoutNotice:
    """The notice to the Jobcenter that someone left the measure (date, reason, last day attended)."""
    cohort = enrolment.cohort
    participant = enrolment.participant
    records = AttendanceRecord.objects.filter(enrolment=enrolment)
    totals = records.aggregate(attended=Sum("attended_units"), held=Sum("session__units"))
    last = (
        records.filter(status=AttendanceStatus.PRESENT)
        .order_by("-session__date")
        .values_list("session__date", flat=True)
        .first()
    )
    return DropoutNotice(
        header=report_header(cohort),
        name=participant.full_name,
        date_of_birth=participant.date_of_birth,
        customer_number=participant.jobcenter_customer_number,
        enrolled_on=enrolment.enrolled_on,
        withdrawn_on=enrolment.withdrawn_on,
        reason=enrolment.withdrawal_reason,
        last_attended=last,
        attended_units=_one_decimal(totals["attended"]),
        held_units=_one_decimal(totals["held"]),
        created_on=today or timezone.localdate(),
    )


@dataclass(frozen=True)
class AttendanceSheet:
    header: ReportHeader
    date: datetime.date
    start_time: datetime.time
    end_time: datetime.time
    units: int
    module: str
    topic: str
    trainer: str
    names: list[str]


def attendance_sheet(session: TeachingSession) -> AttendanceSheet:
    """The paper list for signatures: everyone enrolled on the session's day."""
    return AttendanceSheet(
        header=report_header(session.cohort),
        date=session.date,
        start_time=session.start_time,
        end_time=session.end_time,
        units=session.units,
        module=session.module.title,
        topic=session.topic,
        trainer=session.trainer,
        names=[e.participant.sortable_name for e in enrolments_on(session.cohort, session.date)],
    )
