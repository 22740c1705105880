"""The dashboard's reads: the cohorts in a user's reports, their stored figures, and sums over them.

Every page reads the scope's figure rows in one query and adds them up in Python: a provider's 1,200 rows
are a few milliseconds, and the query count stays the same however many cohorts there are."""

import json
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Max, QuerySet, TextField
from django.db.models.functions import Cast
from django.utils.translation import gettext as _

from core.numbers import decimal_text
from courses.models import Cohort
from courses.selectors import cohorts_in_reports_visible_to
from outcomes.models import OutcomeKind

from .charts import Chart
from .figures import NO_ANSWER
from .models import CohortFigures


def report_cohorts(user) -> QuerySet[Cohort]:
    """The cohorts whose figures the user may see: staff their organisations', partners their measures'."""
    return cohorts_in_reports_visible_to(user)


JSON_FIELDS = ("reasons", "modules", "outcomes")
ROW_FIELDS = (
    "enrolled", "started", "withdrawn", "finished", "attended_centiunits", "recorded_units", "placement_minutes",
    "certificates", "attendance_certificates", "six_month_due", "in_work_or_training", "reasons", "modules",
    "outcomes",
)  # fmt: skip
COHORT_FIELDS = (
    "cohort_id", "computed_at", "cohort__start_date", "cohort__number", "cohort__site__name",
    "cohort__programme__title", "cohort__measure_number", "cohort__funding_body__name",
)  # fmt: skip


@dataclass(slots=True)
class Row:
    """One cohort's stored figures with the cohort's names, read as plain values: a provider's 1,200 rows
    as model instances with their cohort, programme and site took most of the page's time."""

    cohort_id: int
    computed_at: object
    start_date: object
    number: str
    site: str
    programme: str
    measure_number: str
    funding_body: str | None
    enrolled: int
    started: int
    withdrawn: int
    finished: int
    attended_centiunits: int
    recorded_units: int
    placement_minutes: int
    certificates: int
    attendance_certificates: int
    six_month_due: int
    in_work_or_training: int
    reasons: dict
    modules: list
    outcomes: dict


def figures_of(cohorts: QuerySet[Cohort]) -> QuerySet[CohortFigures]:
    return CohortFigures.objects.filter(cohort__in=cohorts.order_by().values("pk")).order_by(
        "cohort__start_date", "cohort__number", "cohort_id"
    )


def rows_of(figures: QuerySet[CohortFigures]) -> list[Row]:
    """The rows with their three JSON fields read as text and decoded in one ``json.loads`` call: decoding
    12,000 small documents one by one (Django's converter per value) was most of a partner's page."""
    scalar = [name for name in ROW_FIELDS if name not in JSON_FIELDS]
    as_text = {f"{name}_text": Cast(name, TextField()) for name in JSON_FIELDS}
    values = list(figures.annotate(**as_text).values_list(*COHORT_FIELDS, *scalar, *as_text))
    width = len(JSON_FIELDS)
    decoded = json.loads("[" + ",".join(",".join(v[-width:]) for v in values) + "]") if values else []
    return [Row(*v[:-width], *decoded[i * width : (i + 1) * width]) for i, v in enumerate(values)]


# rows_of's answers, per process: the figures change only when they are counted again (the nightly job or
# the command), so a partner's 4,000 rows need not be read and decoded on every page and chart.
_REMEMBERED_ROWS: OrderedDict = OrderedDict()
REMEMBERED_ROWS_LIMIT = 32


def remembered_rows_of(figures: QuerySet[CohortFigures], user) -> tuple[Row, ...]:
    """``rows_of(figures)``, remembered while the stored figures are the same (their number and latest count
    time) and the user's cohorts are the same (their keys): a recount, a new cohort or a changed funder or
    partner gives a new answer at once, in every process. Two small queries instead of the rows."""
    sql, params = figures.query.sql_with_params()
    version = CohortFigures.objects.aggregate(rows=Count("pk"), counted=Max("computed_at"))
    scope = tuple(report_cohorts(user).order_by("pk").values_list("pk", flat=True))
    key = (sql, tuple(map(str, params)), version["rows"], version["counted"], hash(scope))
    rows = _REMEMBERED_ROWS.get(key)
    if rows is None:
        rows = _REMEMBERED_ROWS[key] = tuple(rows_of(figures))
        while len(_REMEMBERED_ROWS) > REMEMBERED_ROWS_LIMIT:
            _REMEMBERED_ROWS.popitem(last=False)
    else:
        _REMEMBERED_ROWS.move_to_end(key)
    return rows


def measure_key(programme_id: int, measure_number: str) -> str:
    return f"{programme_id}:{measure_number}"


def measure_label(programme_title: str, measure_number: str, funding_body: str = "") -> str:
    label = f"{programme_title} {measure_number}".strip() if measure_number else programme_title
    return f"{label} ({funding_body})" if funding_body else label


def scope_choices(user) -> dict[str, list[tuple[str, str]]]:
    """The filter lists (years, sites, measures, funders) of the user's cohorts, from one query."""
    rows = (
        report_cohorts(user)
        .select_related(None)
        .values_list(
            "start_date",
            "site_id",
            "site__name",
            "programme_id",
            "programme__title",
            "measure_number",
            "funding_body_id",
            "funding_body__name",
        )
        .order_by()
    )
    years, sites, measures, funders = set(), {}, {}, {}
    for start, site_id, site, programme_id, title, number, funder_id, funder in rows:
        years.add(start.year)
        sites[str(site_id)] = site
        measures.setdefault(measure_key(programme_id, number), measure_label(title, number, funder or ""))
        if funder_id:
            funders[str(funder_id)] = funder
    return {
        "year": [(str(y), str(y)) for y in sorted(years, reverse=True)],
        "site": sorted(sites.items(), key=lambda kv: kv[1]),
        "measure": sorted(measures.items(), key=lambda kv: kv[1]),
        "funder": sorted(funders.items(), key=lambda kv: kv[1]),
    }


@dataclass
class Totals:
    """Sums over cohorts' figures; every rate is worked out from the sums, never averaged over cohorts."""

    cohorts: int = 0
    enrolled: int = 0
    started: int = 0
    withdrawn: int = 0
    finished: int = 0
    attended_centiunits: int = 0
    recorded_units: int = 0
    placement_minutes: int = 0
    certificates: int = 0
    attendance_certificates: int = 0
    six_month_due: int = 0
    in_work_or_training: int = 0
    reasons: Counter = field(default_factory=Counter)
    modules: dict = field(default_factory=dict)  # (position, title) -> [met, counted]
    outcomes: Counter = field(default_factory=Counter)
    cohort_id: int | None = None  # set where the sums are one cohort's (the table per cohort links it)

    SUMMED = (
        "enrolled", "started", "withdrawn", "finished", "attended_centiunits", "recorded_units",
        "placement_minutes", "certificates", "attendance_certificates", "six_month_due", "in_work_or_training",
    )  # fmt: skip

    def add(self, row, *, breakdowns: bool = True) -> "Totals":
        """``row``: a CohortFigures or anything with its fields (the report's counted dicts, wrapped). Without
        ``breakdowns`` only the numbers are added (the tables per year or site show no reasons or modules)."""
        self.cohorts += 1
        for name in self.SUMMED:
            setattr(self, name, getattr(self, name) + getattr(row, name))
        if not breakdowns:
            return self
        self.reasons.update(row.reasons)
        self.outcomes.update(row.outcomes)
        for position, title, met, counted in row.modules:
            cell = self.modules.setdefault((position, title), [0, 0])
            cell[0] += met
            cell[1] += counted
        return self

    @staticmethod
    def _share(part, whole) -> Decimal | None:
        return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1")) if whole else None

    @property
    def attendance_rate(self) -> Decimal | None:
        return self._share(Decimal(self.attended_centiunits) / 100, self.recorded_units)

    @property
    def outcome_rate(self) -> Decimal | None:
        return self._share(self.in_work_or_training, self.six_month_due)

    @property
    def withdrawal_share(self) -> Decimal | None:
        return self._share(self.withdrawn, self.enrolled)

    @property
    def placement_hours(self) -> Decimal:
        return (Decimal(self.placement_minutes) / 60).quantize(Decimal("0.1"))

    def module_rows(self) -> list[tuple[str, int, int, Decimal | None]]:
        return [
            (title, met, counted, self._share(met, counted))
            for (position, title), (met, counted) in sorted(self.modules.items())
        ]


def totals(rows) -> Totals:
    result = Totals()
    for row in rows:
        result.add(row)
    return result


def _quarter(day) -> str:
    return f"{day.year} Q{(day.month - 1) // 3 + 1}"


GROUPINGS = ("year", "site", "measure", "cohort")


def group_label(row: Row, by: str) -> str:
    if by == "year":
        return str(row.start_date.year)
    if by == "site":
        return row.site
    if by == "measure":
        return measure_label(row.programme, row.measure_number, row.funding_body or "")
    if by == "quarter":
        return _quarter(row.start_date)
    return Cohort.label(row.programme, row.number, row.site)


def grouped(rows, by: str) -> list[tuple[str, Totals]]:
    """Sums per year, site, measure, cohort or start quarter, in order of the label (years newest first)."""
    groups: dict[str, Totals] = {}
    for row in rows:
        label = group_label(row, by)
        group = groups.get(label)
        if group is None:
            group = groups[label] = Totals(cohort_id=row.cohort_id if by == "cohort" else None)
        group.add(row, breakdowns=False)
    return sorted(groups.items(), reverse=by == "year")


# --- charts ---------------------------------------------------------------------------------------------


def funnel_chart(total: Totals) -> Chart:
    return Chart(
        key="funnel",
        title=_("From enrolment to work"),
        label_heading=_("Step"),
        labels=[_("enrolled"), _("finished"), _("certificate"), _("in work or training at 6 months")],
        series=[(_("people"), [total.enrolled, total.finished, total.certificates, total.in_work_or_training])],
    )


def reasons_chart(total: Totals, limit: int = 8) -> Chart:
    common = total.reasons.most_common()
    shown, rest = common[:limit], sum(n for _, n in common[limit:])
    if rest:
        shown.append((_("other reasons"), rest))
    return Chart(
        key="reasons",
        title=_("Reasons for withdrawal"),
        label_heading=_("Reason"),
        labels=[reason for reason, _ in shown],
        series=[(_("withdrawn"), [n for _, n in shown])],
    )


def outcomes_chart(total: Totals) -> Chart:
    kinds = [(value, str(label)) for value, label in OutcomeKind.choices] + [(NO_ANSWER, _("no answer"))]
    present = [(value, label) for value, label in kinds if total.outcomes.get(value)]
    return Chart(
        key="outcomes",
        title=_("Situation 6 months after the end"),
        label_heading=_("Situation"),
        labels=[label for _, label in present],
        series=[(_("people"), [total.outcomes[value] for value, _ in present])],
    )


def modules_chart(total: Totals) -> Chart:
    rows = total.module_rows()
    return Chart(
        key="modules",
        title=_("Share with the minimum attendance per module"),
        label_heading=_("Module"),
        labels=[title for title, *_ in rows],
        series=[(_("share in %"), [share for *_, share in rows])],
        percent=True,
    )


def trend_chart(rows) -> Chart:
    groups = sorted(grouped(rows, "quarter"))
    return Chart(
        key="trend",
        title=_("Trend over cohorts (by the quarter they started)"),
        label_heading=_("Start"),
        kind="line",
        percent=True,
        labels=[label for label, _ in groups],
        series=[
            (_("attendance rate in %"), [t.attendance_rate for _, t in groups]),
            (_("outcome rate in %"), [t.outcome_rate for _, t in groups]),
            (_("withdrawn in %"), [t.withdrawal_share for _, t in groups]),
        ],
    )


def weeks_chart(figures: CohortFigures) -> Chart:
    weeks = figures.weeks
    return Chart(
        key="weeks",
        title=_("Attendance over the weeks of the cohort"),
        label_heading=_("Week"),
        kind="line",
        percent=True,
        labels=[str(week) for week, _, _ in weeks],
        series=[(_("attendance rate in %"), [Totals._share(Decimal(a) / 100, u) for _, a, u in weeks])],
    )


OVERVIEW_CHARTS = {
    "funnel": lambda rows, total: funnel_chart(total),
    "reasons": lambda rows, total: reasons_chart(total),
    "outcomes": lambda rows, total: outcomes_chart(total),
    "modules": lambda rows, total: modules_chart(total),
    "trend": lambda rows, total: trend_chart(rows),
}

COHORT_CHARTS = {
    "weeks": lambda figures, total: weeks_chart(figures),
    "funnel": lambda figures, total: funnel_chart(total),
    "reasons": lambda figures, total: reasons_chart(total),
    "outcomes": lambda figures, total: outcomes_chart(total),
    "modules": lambda figures, total: modules_chart(total),
}


# --- the figures as text (page, PDF and XLSX share them) --------------------------------------------------


def _percent(value) -> str:
    return f"{decimal_text(value, 1)} %" if value is not None else "–"


def key_figures(total: Totals) -> list[tuple[str, str]]:
    return [
        (_("Cohorts"), str(total.cohorts)),
        (_("Enrolled"), str(total.enrolled)),
        (_("Started"), str(total.started)),
        (_("Withdrawn"), f"{total.withdrawn} ({_percent(total.withdrawal_share)})"),
        (_("Finished"), str(total.finished)),
        (_("Attendance rate"), _percent(total.attendance_rate)),
        (_("Placement hours confirmed"), decimal_text(total.placement_hours, 1)),
        (_("Certificates issued"), str(total.certificates)),
        (_("Certificates of attendance issued"), str(total.attendance_certificates)),
        (_("6-month follow-ups due"), str(total.six_month_due)),
        (_("In work or training at 6 months"), str(total.in_work_or_training)),
        (_("Outcome rate"), _percent(total.outcome_rate)),
    ]


def table_headings(first: str) -> list[str]:
    return [
        first, _("Enrolled"), _("Started"), _("Withdrawn"), _("Finished"), _("Attendance rate"),
        _("Confirmed placement hours"), _("Certificates"), _("Certificates of attendance"), _("Outcome rate"),
    ]  # fmt: skip


def table_row(label: str, total: Totals) -> list[str]:
    return [
        label, str(total.enrolled), str(total.started), str(total.withdrawn), str(total.finished),
        _percent(total.attendance_rate), decimal_text(total.placement_hours, 1), str(total.certificates),
        str(total.attendance_certificates),
        f"{_percent(total.outcome_rate)} ({total.in_work_or_training}/{total.six_month_due})",
    ]  # fmt: skip


# --- the people of one cohort -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonRow:
    """One person of a cohort on its figures page: named for the provider's staff, and for a partner only
    where the provider switched names on for the cohort; otherwise by the Jobcenter's customer number (or the
    record number where there is none), as reports to funders ask (§78 SGB X)."""

    label: str
    status: str
    attendance_rate: Decimal | None
    placement_hours: Decimal
    document: str
    outcome_at_six_months: str


def people_of_cohort(cohort: Cohort, *, names: bool) -> list[PersonRow]:
    """Each person's status, attendance rate (attended of the units held so far), confirmed placement hours,
    current document and 6-month outcome. A fixed number of queries, whatever the cohort's size."""
    from certificates.models import Certificate, CertificateStatus, DocumentKind
    from courses.selectors import attendance_progress_of_cohort, cohort_people
    from outcomes.models import OutcomeRecord
    from placements.selectors import placement_summaries_of_cohort

    people = cohort_people(cohort)
    progress = attendance_progress_of_cohort(cohort)
    placements = placement_summaries_of_cohort(cohort)
    documents = dict(
        Certificate.objects.filter(enrolment__cohort_id=cohort.pk, status=CertificateStatus.VALID)
        .order_by("kind")  # "attendance" before "certificate": the later, stronger document wins
        .values_list("enrolment_id", "kind")
    )
    outcomes = dict(
        OutcomeRecord.objects.filter(enrolment__cohort_id=cohort.pk, follow_up_month=6)
        .order_by("recorded_at", "pk")
        .values_list("enrolment_id", "kind")
    )
    rows = []
    for enrolment in people:
        participant = enrolment.participant
        label = participant.full_name if names else (participant.jobcenter_customer_number or f"#{participant.pk}")
        items = progress.get(enrolment.pk, [])
        held = sum((item.held_units for item in items), Decimal(0))
        attended = sum((item.attended_units for item in items), Decimal(0))
        summary = placements.get(enrolment.pk)
        document, outcome = documents.get(enrolment.pk), outcomes.get(enrolment.pk)
        rows.append(
            PersonRow(
                label=label,
                status=enrolment.get_status_display(),
                attendance_rate=(attended * 100 / held).quantize(Decimal("0.1")) if held else None,
                placement_hours=(Decimal(summary.confirmed_minutes if summary else 0) / 60).quantize(Decimal("0.1")),
                document=str(DocumentKind(document).label) if document else "",
                outcome_at_six_months=str(OutcomeKind(outcome).label) if outcome else "",
            )
        )
    if not names:  # no roster order that could be matched to a sorted list of names
        rows.sort(key=lambda row: row.label)
    return rows
