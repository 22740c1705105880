"""Counting the key figures of cohorts from the facts (docs/dashboard.md defines each figure).

One function serves the stored figures (as of today) and the quarterly report (a period): it reads the
cohorts in chunks with a fixed number of aggregate queries per chunk, never a query per cohort or person.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Sum

from certificates.models import Certificate, CertificateStatus, DocumentKind
from courses.models import (
    AttendanceRecord,
    AttendanceStatus,
    Cohort,
    CohortStatus,
    Enrolment,
    EnrolmentStatus,
    Module,
)
from outcomes.models import IN_WORK_OR_TRAINING, OutcomeRecord
from outcomes.selectors import add_months
from placements.models import HourEntry, HourEntryStatus

CHUNK = 400  # cohorts per round of queries: bounded memory and query parameters on a whole Land
NO_ANSWER = "none"  # the outcomes key of a 6-month follow-up nobody answered
OUTCOME_MONTH = 6


@dataclass(frozen=True)
class Period:
    """Inclusive dates: the figures count what happened from ``start`` to ``end``."""

    start: datetime.date
    end: datetime.date


def reason_key(text: str) -> str:
    """Withdrawal reasons are free text: counted by their wording, ignoring spacing, a final full stop and
    the case of the first letter ("umzug." and "Umzug" are one reason)."""
    key = " ".join(text.split()).rstrip(".")[:120]
    return key[:1].upper() + key[1:] if key else "—"


def _rate_met(attended: Decimal, planned: int, minimum: int) -> bool:
    # The attendance matrix's rule (courses.selectors.ModuleProgress.met): one decimal, rounded half up.
    rate = (Decimal(attended or 0) * 100 / planned).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return rate >= minimum


def count_figures(cohort_ids, *, today: datetime.date, period: Period | None = None) -> dict[int, dict]:
    """Every figure of each cohort, keyed by cohort id, as the fields of ``CohortFigures``."""
    result = {}
    ids = list(cohort_ids)
    for i in range(0, len(ids), CHUNK):
        result.update(_count_chunk(ids[i : i + CHUNK], today=today, period=period))
    return result


def _count_chunk(ids: list[int], *, today: datetime.date, period: Period | None) -> dict[int, dict]:
    as_of = min(today, period.end) if period else today
    cohorts = {
        c.pk: c
        for c in Cohort.objects.filter(pk__in=ids)
        .select_related("programme")
        .only("pk", "start_date", "end_date", "status", "programme_id", "programme__min_attendance_percent")
    }
    figures = {
        pk: {
            "as_of": as_of,
            "enrolled": 0,
            "started": 0,
            "withdrawn": 0,
            "finished": 0,
            "attended_centiunits": 0,
            "recorded_units": 0,
            "placement_minutes": 0,
            "certificates": 0,
            "attendance_certificates": 0,
            "six_month_due": 0,
            "in_work_or_training": 0,
            "reasons": {},
            "modules": [],
            "outcomes": {},
            "weeks": [],
        }
        for pk in cohorts
    }
    if not cohorts:
        return figures

    # People: enrolled by the end of the period, and not gone before it began.
    enrolments = Enrolment.objects.filter(cohort_id__in=ids, enrolled_on__lte=as_of)
    if period:
        enrolments = enrolments.exclude(withdrawn_on__lt=period.start)
    staying: dict[int, list[int]] = defaultdict(list)  # cohort -> enrolments not withdrawn by as_of
    finished: dict[int, list[int]] = defaultdict(list)
    for pk, cohort_id, status, withdrawn_on, reason in enrolments.values_list(
        "pk", "cohort_id", "status", "withdrawn_on", "withdrawal_reason"
    ).order_by():
        row = figures[cohort_id]
        row["enrolled"] += 1
        if status == EnrolmentStatus.WITHDRAWN and withdrawn_on is not None and withdrawn_on <= as_of:
            row["withdrawn"] += 1
            key = reason_key(reason)
            row["reasons"][key] = row["reasons"].get(key, 0) + 1
            continue
        staying[cohort_id].append(pk)
        cohort = cohorts[cohort_id]
        if cohort.end_date <= as_of and cohort.status != CohortStatus.PLANNED:
            finished[cohort_id].append(pk)
            row["finished"] += 1

    records = AttendanceRecord.objects.filter(session__cohort_id__in=ids, session__date__lte=as_of)
    if period:
        records = records.filter(session__date__gte=period.start)
    # Started: present at least once (by the end of the period), among the people counted as enrolled.
    present = AttendanceRecord.objects.filter(
        session__cohort_id__in=ids,
        session__date__lte=as_of,
        status=AttendanceStatus.PRESENT,
        enrolment__in=enrolments,
    )
    for cohort_id, count in (
        present.values("enrolment__cohort_id")
        .annotate(n=Count("enrolment_id", distinct=True))
        .values_list("enrolment__cohort_id", "n")
        .order_by()
    ):
        figures[cohort_id]["started"] = count

    # Attendance by day, then by week of the cohort.
    weeks: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for cohort_id, day, attended, units in (
        records.values("session__cohort_id", "session__date")
        .annotate(attended=Sum("attended_units"), units=Sum("session__units"))
        .values_list("session__cohort_id", "session__date", "attended", "units")
        .order_by()
    ):
        week = (day - cohorts[cohort_id].start_date).days // 7 + 1
        cell = weeks[cohort_id][week]
        cell[0] += int(Decimal(attended or 0) * 100)
        cell[1] += int(units or 0)
    for cohort_id, by_week in weeks.items():
        row = figures[cohort_id]
        row["weeks"] = [[week, a, u] for week, (a, u) in sorted(by_week.items())]
        row["attended_centiunits"] = sum(a for a, _ in by_week.values())
        row["recorded_units"] = sum(u for _, u in by_week.values())

    # Minimum attendance per module: everyone not withdrawn, all their attendance up to as_of.
    programme_ids = {c.programme_id for c in cohorts.values()}
    modules_of = defaultdict(list)
    for module in (
        Module.objects.filter(programme_id__in=programme_ids).select_related("programme").order_by("position", "pk")
    ):
        modules_of[module.programme_id].append(module)
    attended = {
        (enrolment_id, module_id): value
        for enrolment_id, module_id, value in AttendanceRecord.objects.filter(
            session__cohort_id__in=ids, session__date__lte=as_of
        )
        .values("enrolment_id", "session__module_id")
        .annotate(value=Sum("attended_units"))
        .values_list("enrolment_id", "session__module_id", "value")
        .order_by()
    }
    for cohort_id, cohort in cohorts.items():
        people = staying.get(cohort_id, [])
        rows = []
        for module in modules_of.get(cohort.programme_id, []):
            minimum = module.effective_min_attendance_percent
            met = sum(
                1
                for e in people
                if module.planned_units and _rate_met(attended.get((e, module.pk), 0), module.planned_units, minimum)
            )
            rows.append([module.position, module.title, met, len(people)])
        figures[cohort_id]["modules"] = rows

    hours = HourEntry.objects.filter(
        placement__enrolment__cohort_id__in=ids, status=HourEntryStatus.CONFIRMED, date__lte=as_of
    )
    if period:
        hours = hours.filter(date__gte=period.start)
    for cohort_id, minutes in (
        hours.values("placement__enrolment__cohort_id")
        .annotate(minutes=Sum("work_minutes"))
        .values_list("placement__enrolment__cohort_id", "minutes")
        .order_by()
    ):
        figures[cohort_id]["placement_minutes"] = int(minutes or 0)

    # Documents: current (valid) ones, issued by as_of (and in the period).
    documents = Certificate.objects.filter(enrolment__cohort_id__in=ids, status=CertificateStatus.VALID)
    documents = documents.filter(issued_at__date__lte=as_of)
    if period:
        documents = documents.filter(issued_at__date__gte=period.start)
    for cohort_id, kind, count in (
        documents.values("enrolment__cohort_id", "kind")
        .annotate(n=Count("pk"))
        .values_list("enrolment__cohort_id", "kind", "n")
        .order_by()
    ):
        field = "certificates" if kind == DocumentKind.CERTIFICATE else "attendance_certificates"
        figures[cohort_id][field] = count

    # Outcome rate: the finished people whose 6-month follow-up is due (in the period).
    due: dict[int, list[int]] = {}
    for cohort_id, people in finished.items():
        day = add_months(cohorts[cohort_id].end_date, OUTCOME_MONTH)
        if day <= as_of and (period is None or day >= period.start):
            due[cohort_id] = people
    answers = (
        dict(
            OutcomeRecord.objects.filter(enrolment__cohort_id__in=list(due), follow_up_month=OUTCOME_MONTH).values_list(
                "enrolment_id", "kind"
            )
        )
        if due
        else {}
    )
    for cohort_id, people in due.items():
        row = figures[cohort_id]
        row["six_month_due"] = len(people)
        for e in people:
            kind = answers.get(e, NO_ANSWER)
            row["outcomes"][kind] = row["outcomes"].get(kind, 0) + 1
            if kind in IN_WORK_OR_TRAINING:
                row["in_work_or_training"] += 1
    return figures
