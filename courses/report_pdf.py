"""PDF renderers for the teaching reports. Each takes the plain data from ``courses.reports`` and returns
bytes: no database, no clock, so the same data always prints the same document. A4, DejaVu Sans (names in
any Latin script print correctly), the provider and funding body in the page header."""

import io
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from core.dates import short_date
from core.fonts import register_fonts
from core.pdf_canvas import Canvas

from .reports import AbsenceReport, AttendanceSheet, DropoutNotice, ReportHeader

GREY = colors.HexColor("#555555")
LINE = colors.HexColor("#999999")
HEAD_BG = colors.HexColor("#e9ecef")


def _date(value) -> str:
    return short_date(value) or "–"


def _units(value) -> str:
    return f"{value:.1f}".replace(".", ",")


class _Styles:
    def __init__(self):
        regular, bold = register_fonts()
        self.regular, self.bold = regular, bold
        self.body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12.5)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=8, leading=10, textColor=GREY)
        self.title = ParagraphStyle("title", fontName=bold, fontSize=14, leading=18, spaceAfter=4)
        self.h2 = ParagraphStyle("h2", fontName=bold, fontSize=10.5, leading=14, spaceBefore=8, spaceAfter=2)
        self.cell = ParagraphStyle("cell", parent=self.body, fontSize=8.5, leading=10.5)
        self.cell_bold = ParagraphStyle("cellb", parent=self.cell, fontName=bold)

    def p(self, text, style=None):
        return Paragraph(escape(str(text)).replace("\n", "<br/>"), style or self.body)


def _page_decoration(header: ReportHeader, styles: _Styles, created_on, pagesize):
    width, height = pagesize

    def draw(canvas, doc):
        canvas.saveState()
        canvas.setFont(styles.bold, 9)
        canvas.drawString(18 * mm, height - 12 * mm, header.provider)
        canvas.setFont(styles.regular, 8)
        right = []
        if header.funding_body:
            right.append(_("Funding body: %(body)s") % {"body": header.funding_body})
        if header.measure_number:
            right.append(_("Measure no. %(number)s") % {"number": header.measure_number})
        # Second line, so long provider names never run into it.
        canvas.drawString(18 * mm, height - 16 * mm, " · ".join(right))
        canvas.setStrokeColor(LINE)
        canvas.line(18 * mm, height - 18 * mm, width - 18 * mm, height - 18 * mm)
        canvas.setFillColor(GREY)
        canvas.drawString(
            18 * mm,
            10 * mm,
            _("%(measure)s · created %(date)s")
            % {"measure": f"{header.programme} {header.cohort_number} · {header.site}", "date": _date(created_on)},
        )
        canvas.drawRightString(width - 18 * mm, 10 * mm, _("Page %(page)d") % {"page": doc.page})
        canvas.restoreState()

    return draw


def _build(story, header, styles, created_on, *, title, pagesize=A4) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=24 * mm,
        bottomMargin=18 * mm,
        title=title,
        author=header.provider,
        # Fixed metadata so that the same data always gives the same bytes.
        invariant=1,
    )
    decorate = _page_decoration(header, styles, created_on, pagesize)
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate, canvasmaker=Canvas)
    return buffer.getvalue()


def _facts_table(rows, styles, widths):
    table = Table([[styles.p(k, styles.cell_bold), styles.p(v, styles.cell)] for k, v in rows], colWidths=widths)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return table


def _grid(data, widths, styles, *, repeat=1):
    table = Table(data, colWidths=widths, repeatRows=repeat)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), styles.regular),
                ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                ("BACKGROUND", (0, 0), (-1, repeat - 1), HEAD_BG),
                ("GRID", (0, 0), (-1, -1), 0.4, LINE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def render_absence_report(report: AbsenceReport) -> bytes:
    styles = _Styles()
    header = report.header
    labels = {"E": _("excused"), "K": _("sick note"), "UE": _("unexcused")}
    story = [
        styles.p(_("Monthly absence report %(period)s") % {"period": report.period}, styles.title),
        _facts_table(
            [
                (_("Measure"), f"{header.programme} {header.cohort_number} ({header.site})"),
                (_("Measure number"), header.measure_number or "–"),
                (_("Funding body"), header.funding_body or "–"),
                (_("Period"), f"{_date(report.first_day)} – {_date(report.last_day)}"),
                (_("Sessions in the month"), str(report.sessions)),
            ],
            styles,
            [45 * mm, 129 * mm],
        ),
        Spacer(1, 3 * mm),
        styles.p(
            _("Codes: E = excused (important reason), K = sick with doctor's note, UE = unexcused."), styles.small
        ),
    ]
    if report.sessions_without_register:
        story.append(
            styles.p(
                _("Attention: no register was recorded for the sessions on %(dates)s.")
                % {"dates": ", ".join(_date(d) for d in report.sessions_without_register)},
                styles.small,
            )
        )
    summary = [
        [
            styles.p(_("Name"), styles.cell_bold),
            styles.p(_("Customer no."), styles.cell_bold),
            "E",
            "K",
            "UE",
            styles.p(_("Units held"), styles.cell_bold),
            styles.p(_("Units attended"), styles.cell_bold),
        ]
    ]
    for row in report.rows:
        summary.append(
            [
                styles.p(row.name, styles.cell),
                styles.p(row.customer_number or "–", styles.cell),
                str(row.totals["E"]),
                str(row.totals["K"]),
                str(row.totals["UE"]),
                _units(row.held_units),
                _units(row.attended_units),
            ]
        )
    summary.append(["", _("Total"), *(str(report.totals[c]) for c in ("E", "K", "UE")), "", ""])
    story += [
        styles.p(_("Absence days per participant"), styles.h2),
        _grid(summary, [58 * mm, 32 * mm, 11 * mm, 11 * mm, 11 * mm, 25 * mm, 26 * mm], styles),
    ]
    story.append(styles.p(_("Absence days in detail"), styles.h2))
    for row in report.rows:
        lines = [[_("Date"), _("Code"), _("Missed units"), _("Note")]]
        for day in row.days:
            lines.append([_date(day.date), day.code, _units(day.missed_units), labels.get(day.code, "")])
        for day, late, early in row.late_early:
            text = []
            if late:
                text.append(_("%(minutes)d min late") % {"minutes": late})
            if early:
                text.append(_("left %(minutes)d min early") % {"minutes": early})
            lines.append([_date(day), "–", "", ", ".join(text)])
        lines[1:] = sorted(lines[1:], key=lambda line: line[0][6:] + line[0][3:5] + line[0][:2])
        title = _("%(name)s · Customer no. %(number)s · born %(date)s") % {
            "name": row.name,
            "number": row.customer_number or "–",
            "date": _date(row.date_of_birth),
        }
        if row.withdrawn_on:
            title += " · " + _("withdrawn on %(date)s") % {"date": _date(row.withdrawn_on)}
        block = [styles.p(title, styles.cell_bold)]
        if len(lines) == 1:
            block.append(styles.p(_("No absences in this month."), styles.cell))
        else:
            block.append(_grid(lines, [28 * mm, 16 * mm, 26 * mm, 104 * mm], styles))
        block.append(Spacer(1, 3 * mm))
        story.append(KeepTogether(block))
    story += [Spacer(1, 10 * mm), styles.p(_("Place, date, signature of the provider"), styles.small)]
    return _build(
        story, header, styles, report.created_on, title=_("Absence report %(period)s") % {"period": report.period}
    )


def render_dropout_notice(notice: DropoutNotice) -> bytes:
    styles = _Styles()
    header = notice.header
    story = [
        styles.p(_("Notice of withdrawal from the measure"), styles.title),
        styles.p(_("To: %(body)s") % {"body": header.funding_body or "–"}),
        Spacer(1, 4 * mm),
        _facts_table(
            [
                (_("Measure"), f"{header.programme} {header.cohort_number} ({header.site})"),
                (_("Measure number"), header.measure_number or "–"),
                (_("Measure period"), f"{_date(header.cohort_start)} – {_date(header.cohort_end)}"),
                (_("Participant"), notice.name),
                (_("Date of birth"), _date(notice.date_of_birth)),
                (_("Jobcenter customer number"), notice.customer_number or "–"),
                (_("Enrolled on"), _date(notice.enrolled_on)),
                (_("Withdrawn on"), _date(notice.withdrawn_on)),
                (_("Last day attended"), _date(notice.last_attended)),
                (
                    _("Teaching units attended"),
                    _("%(attended)s of %(held)s held")
                    % {"attended": _units(notice.attended_units), "held": _units(notice.held_units)},
                ),
                (_("Reason"), notice.reason),
            ],
            styles,
            [50 * mm, 124 * mm],
        ),
        Spacer(1, 18 * mm),
        styles.p(f"{header.provider}", styles.body),
        styles.p(header.provider_address, styles.small),
        Spacer(1, 12 * mm),
        styles.p(_("Place, date, signature of the provider"), styles.small),
    ]
    return _build(story, header, styles, notice.created_on, title=_("Notice of withdrawal"))


def render_attendance_sheet(sheet: AttendanceSheet, *, created_on=None) -> bytes:
    styles = _Styles()
    header = sheet.header
    story = [
        styles.p(_("Attendance list"), styles.title),
        _facts_table(
            [
                (_("Measure"), f"{header.programme} {header.cohort_number} ({header.site})"),
                (
                    _("Session"),
                    f"{_date(sheet.date)}, {sheet.start_time:%H:%M}–{sheet.end_time:%H:%M} "
                    + _("(%(units)d teaching units)") % {"units": sheet.units},
                ),
                (_("Module"), sheet.module),
                (_("Topic"), sheet.topic or "–"),
                (_("Trainer"), sheet.trainer or "–"),
            ],
            styles,
            [35 * mm, 139 * mm],
        ),
        Spacer(1, 4 * mm),
    ]
    rows = [["#", _("Name"), _("Arrival"), _("Signature"), _("Departure"), _("Signature")]]
    for number, name in enumerate(sheet.names, start=1):
        rows.append([str(number), styles.p(name, styles.cell), "", "", "", ""])
    table = _grid(rows, [8 * mm, 58 * mm, 18 * mm, 36 * mm, 18 * mm, 36 * mm], styles)
    table.setStyle(
        TableStyle(
            [
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white]),
                ("TOPPADDING", (0, 1), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 7),
            ]
        )
    )
    story += [
        table,
        Spacer(1, 6 * mm),
        styles.p(_("Codes for absences: E = excused, K = sick with doctor's note, UE = unexcused."), styles.small),
        Spacer(1, 14 * mm),
        styles.p(_("Signature of the trainer"), styles.small),
    ]
    return _build(
        story,
        header,
        styles,
        created_on or sheet.date,
        title=_("Attendance list %(date)s") % {"date": _date(sheet.date)},
    )
