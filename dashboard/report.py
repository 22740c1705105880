"""The funders' quarterly report for one measure: PDF (reportlab, the dashboard's own charts) and XLSX.

Built in the background (notifications.prepared); counted directly from the facts for the quarter
(dashboard.figures with a period), not from the stored figures, which are as of today. Aggregated figures
only: no names, no customer numbers (§78 SGB X, docs/dashboard.md)."""

import datetime
import io
from dataclasses import dataclass
from types import SimpleNamespace

import tablib
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from core.dates import short_date
from core.filenames import safe_download_name
from core.spreadsheet_safety import CONTENT_TYPES, neutralised
from courses.models import Cohort

from . import selectors
from .charts import Chart
from .figures import Period, count_figures


def quarter_period(year: int, quarter: int) -> Period:
    start = datetime.date(year, 3 * (quarter - 1) + 1, 1)
    following = datetime.date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1)
    return Period(start, following - datetime.timedelta(days=1))


def measure_cohorts(user, measure: str, period: Period | None = None):
    """The user's cohorts of the measure (programme and measure number), running at some time in the period."""
    programme_id, _sep, number = measure.partition(":")
    if not programme_id.isdigit():
        return Cohort.objects.none()
    cohorts = selectors.report_cohorts(user).filter(programme_id=int(programme_id), measure_number=number)
    if period:
        cohorts = cohorts.filter(start_date__lte=period.end, end_date__gte=period.start)
    return cohorts.order_by("start_date", "number", "pk")


@dataclass
class ReportData:
    measure: str
    funders: str
    period: Period
    as_of: datetime.date
    rows: list  # (cohort, Totals of that cohort in the period)
    total: selectors.Totals
    charts: list[Chart]


def report_data(params: dict, *, today: datetime.date | None = None) -> ReportData:
    user = get_user_model().objects.get(pk=params["by"])
    period = quarter_period(int(params["year"]), int(params["quarter"]))
    today = today or timezone.localdate()
    cohorts = list(measure_cohorts(user, params["measure"], period))
    counted = count_figures([c.pk for c in cohorts], today=today, period=period)
    counted_rows = [SimpleNamespace(cohort=c, cohort_id=c.pk, **counted[c.pk]) for c in cohorts]
    rows = [(row.cohort, selectors.totals([row])) for row in counted_rows]
    total = selectors.totals(counted_rows)
    first = cohorts[0] if cohorts else None
    attendance = Chart(
        key="attendance",
        title=_("Attendance rate per cohort in the quarter"),
        label_heading=_("Cohort"),
        labels=[str(cohort) for cohort, _t in rows],
        series=[(_("attendance rate in %"), [t.attendance_rate for _c, t in rows])],
        percent=True,
    )
    return ReportData(
        measure=selectors.measure_label(first.programme.title, first.measure_number) if first else params["measure"],
        funders=", ".join(sorted({c.funding_body_name for c in cohorts if c.funding_body_id})),
        period=period,
        as_of=min(today, period.end),
        rows=rows,
        total=total,
        charts=[
            selectors.funnel_chart(total),
            attendance,
            selectors.modules_chart(total),
            selectors.reasons_chart(total),
            selectors.outcomes_chart(total),
        ],
    )


def _file_stem(data: ReportData, params: dict) -> str:
    return safe_download_name(_("Quarterly report"), data.measure, f"{params['year']}-Q{params['quarter']}")


def build(params: dict, progress) -> tuple[str, str, bytes]:
    with override(params.get("language") or "de"):
        data = report_data(params)
        progress(1, 2)
        if params.get("format") == "xlsx":
            content, content_type, extension = xlsx(data), CONTENT_TYPES["xlsx"], "xlsx"
        else:
            content, content_type, extension = pdf(data), "application/pdf", "pdf"
        progress(2, 2)
        return safe_download_name(_file_stem(data, params), extension=extension), content_type, content


def title(params: dict) -> str:
    return _("Quarterly report %(year)s Q%(quarter)s") % {"year": params.get("year"), "quarter": params.get("quarter")}


# --- XLSX ---------------------------------------------------------------------------------------------------


def _sheet(title_text: str, headers: list[str], rows) -> tablib.Dataset:
    sheet = tablib.Dataset(headers=headers, title=title_text[:31])
    for row in rows:
        sheet.append(row)
    return neutralised(sheet)


def xlsx(data: ReportData) -> bytes:
    book = tablib.Databook()
    heading = [
        (_("Measure"), data.measure),
        (_("Funding body"), data.funders),
        (_("Period"), f"{short_date(data.period.start)} – {short_date(data.period.end)}"),
        (_("As of"), short_date(data.as_of)),
    ]
    book.add_sheet(_sheet(_("Key figures"), [_("Figure"), _("Value")], heading + selectors.key_figures(data.total)))
    book.add_sheet(
        _sheet(
            _("Cohorts"),
            selectors.table_headings(_("Cohort")),
            [selectors.table_row(str(cohort), t) for cohort, t in data.rows],
        )
    )
    for chart in data.charts:
        book.add_sheet(
            _sheet(chart.title, [chart.label_heading] + [name for name, _v in chart.series],
                   [[label, *values] for label, values in chart.rows])
        )  # fmt: skip
    return book.export("xlsx")


# --- PDF ----------------------------------------------------------------------------------------------------


def pdf(data: ReportData) -> bytes:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from core.fonts import register_fonts

    from .charts import draw

    font, bold = register_fonts()
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=12)
    small = ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5)
    heading = ParagraphStyle("heading", parent=body, fontName=bold, fontSize=15, leading=19, spaceAfter=6)
    subheading = ParagraphStyle("subheading", parent=body, fontName=bold, fontSize=11, leading=14, spaceBefore=10)
    width = landscape(A4)[0] - 3 * cm

    def table(rows, header=True, widths=None):
        cells = [[Paragraph(escape(str(cell)), small) for cell in row] for row in rows]
        result = Table(cells, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
        style = [("GRID", (0, 0), (-1, -1), 0.25, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        if header:
            style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e9ecef")))
        result.setStyle(TableStyle(style))
        return result

    story = [
        Paragraph(escape(_("Quarterly report")) + ": " + escape(data.measure), heading),
        Paragraph(
            escape(
                _("Period %(start)s – %(end)s, counted as of %(as_of)s. Funding body: %(funders)s.")
                % {
                    "start": short_date(data.period.start),
                    "end": short_date(data.period.end),
                    "as_of": short_date(data.as_of),
                    "funders": data.funders or "–",
                }
            ),
            body,
        ),
        Paragraph(
            escape(_("Aggregated figures only: the report holds no names and no customer numbers (§78 SGB X).")),
            body,
        ),
        Paragraph(escape(_("Key figures")), subheading),
        table(selectors.key_figures(data.total), header=False, widths=[8 * cm, 5 * cm]),
        Paragraph(escape(_("Cohorts")), subheading),
        table([selectors.table_headings(_("Cohort"))] + [selectors.table_row(str(c), t) for c, t in data.rows]),
    ]
    for chart in data.charts:
        if chart.empty:
            continue
        drawing = draw(chart)
        factor = min(1.0, width * 0.7 / drawing.width)
        drawing.scale(factor, factor)
        drawing.width, drawing.height = drawing.width * factor, drawing.height * factor
        rows = [[chart.label_heading] + [name for name, _v in chart.series]] + [
            [label, *values] for label, values in chart.rows
        ]
        story.append(Spacer(1, 8))
        story.append(KeepTogether([drawing, Spacer(1, 4), table(rows, widths=[9 * cm] + [3 * cm] * len(chart.series))]))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=1.5 * cm,
        rightMargin=1.5 * cm,
        topMargin=1.5 * cm,
        bottomMargin=1.5 * cm,
        title=_("Quarterly report") + " " + data.measure,
    )
    document.build(story)
    return buffer.getvalue()
