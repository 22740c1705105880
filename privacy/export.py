"""The Art. 15 export: one ZIP with a readable PDF and the same data as JSON. Drawn only from the plain data
of ``selectors.personal_data`` (no database, no clock), A4, DejaVu Sans so every name prints as written."""

import io
import json
import zipfile
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from core.fonts import register_fonts
from outcomes.models import (
    GoalStatus,
    InvitationStatus,
    NextStep,
    OutcomeKind,
    OutcomeSource,
    RecognitionStatus,
    UnavailableReason,
    Workplace,
)

LINE = colors.HexColor("#999999")
HEAD_BG = colors.HexColor("#e9ecef")


def _date(iso: str | None) -> str:
    """'2026-07-01' or '2026-07-01T09:15+02:00' as people read it: 01.07.2026 (09:15)."""
    if not iso:
        return "–"
    day = iso[:10]
    text = f"{day[8:10]}.{day[5:7]}.{day[0:4]}"
    return f"{text} {iso[11:16]}" if len(iso) > 10 else text


class _CellParagraph(Paragraph):
    """A table cell's Paragraph that lays its lines out once per width. A table split over pages measures its
    remaining rows again on every page (each cell was broken into lines about four times over a long
    history); the lines at a given width never change, so the first layout is kept."""

    _wrapped_at = None

    def wrap(self, availWidth, availHeight):
        if availWidth == self._wrapped_at:
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_at = availWidth
        return size


def _label(choices, value) -> str:
    """A stored choice as the reader knows it ("looking for work", not "seeking"); unknown values as stored."""
    if not value:
        return ""
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value)


def _yes_no(value) -> str:
    return "–" if value is None else (_("yes") if value else _("no"))


class _Doc:
    def __init__(self):
        regular, bold = register_fonts()
        self.body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12.5)
        self.cell = ParagraphStyle("cell", parent=self.body, fontSize=8, leading=10)
        self.title = ParagraphStyle("title", fontName=bold, fontSize=15, leading=19, spaceAfter=6)
        self.h2 = ParagraphStyle("h2", fontName=bold, fontSize=11, leading=14, spaceBefore=10, spaceAfter=4)
        self.flow = []

    def p(self, text, style=None):
        self.flow.append(Paragraph(escape(str(text)).replace("\n", "<br/>"), style or self.body))

    def h(self, text):
        self.p(text, self.h2)

    def bullets(self, items):
        for item in items:
            self.p(f"• {item}")

    def pairs(self, rows):
        self.table(None, [[label, value if value not in (None, "") else "–"] for label, value in rows], [55 * mm, None])

    def _cell(self, value, width=None):
        """Text that fits its column as a plain string (drawn directly); only text that must wrap becomes a
        Paragraph, which costs a layout per cell: a long history has thousands of cells."""
        text = str(value)
        if "\n" not in text:
            if width is None and len(text) <= 14:
                return text
            if width is not None and stringWidth(text, self.cell.fontName, self.cell.fontSize) <= width - 12:
                return text
        return _CellParagraph(escape(text).replace("\n", "<br/>"), self.cell)

    def table(self, head, rows, widths=None):
        if not rows:
            self.p(_("None."))
            return
        data = ([head] if head else []) + rows
        column_widths = widths or [None] * len(data[0])
        cells = [[self._cell(c, w) for c, w in zip(row, column_widths, strict=False)] for row in data]
        table = LongTable(cells, colWidths=widths, repeatRows=1 if head else 0)
        style = [
            ("GRID", (0, 0), (-1, -1), 0.4, LINE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), self.cell.fontName),
            ("FONTSIZE", (0, 0), (-1, -1), self.cell.fontSize),
            ("LEADING", (0, 0), (-1, -1), self.cell.leading),
        ]
        if head:
            style.append(("BACKGROUND", (0, 0), (-1, 0), HEAD_BG))
        table.setStyle(TableStyle(style))
        self.flow.append(table)


def render_pdf(data: dict) -> bytes:
    d = _Doc()
    person = data["person"]
    d.p(_("Information about your data (Art. 15 GDPR)"), d.title)
    d.p(_("Controller: %(name)s") % {"name": data["controller"]["name"]})
    if data["controller"]["address"]:
        d.p(data["controller"]["address"])
    d.p(_("Created on %(date)s.") % {"date": _date(data["created_on"])})
    d.flow.append(Spacer(1, 4 * mm))

    d.h(_("Personal data"))
    d.pairs(
        [
            (_("Given name"), person["given_name"]),
            (_("Family name"), person["family_name"]),
            (_("Date of birth"), _date(person["date_of_birth"])),
            (_("Email"), person["email"]),
            (_("Phone"), person["phone"]),
            (_("Address"), person["address"]),
            (_("German level (CEFR)"), person["german_level"]),
            (_("Jobcenter customer number"), person["jobcenter_customer_number"]),
            (_("Recorded on"), _date(person["recorded_at"])),
        ]
        + ([(_("Anonymised on"), _date(person["anonymised_at"]))] if person["anonymised_at"] else [])
    )
    login = data["login"]
    d.h(_("Log-in"))
    if login is None:
        d.p(_("None."))
    else:
        d.pairs(
            [
                (_("User name"), login["username"]),
                (_("Email"), login["email"]),
                (_("Active"), _("yes") if login["active"] else _("no")),
                (_("Last log-in"), _date(login["last_login"])),
                (_("Log-ins"), ", ".join(_date(at) for at in login["logins"])),
            ]
        )

    d.h(_("Enrolments"))
    d.table(
        [_("Programme"), _("Run"), _("Site"), _("Period"), _("Status"), _("Funding body"), _("Withdrawal")],
        [
            [
                e["programme"],
                e["cohort"],
                e["site"],
                f"{_date(e['cohort_start'])} – {_date(e['cohort_end'])}",
                e["status"],
                " ".join(filter(None, [e["funding_body"], e["measure_number"]])),
                f"{_date(e['withdrawn_on'])} {e['withdrawal_reason']}" if e["withdrawn_on"] else "",
            ]
            for e in data["enrolments"]
        ],
    )

    d.h(_("Attendance"))
    d.p(_("Codes: P present, E excused, K sick with doctor's note, UE unexcused."))
    d.table(
        [_("Date"), _("Time"), _("Module"), _("Code"), _("Late / early (min)"), _("Units"), _("Note"), _("Changes")],
        [
            [
                _date(r["date"]),
                f"{r['start']}–{r['end']}",
                r["module"],
                r["code"],
                f"{r['minutes_late']} / {r['minutes_left_early']}",
                r["attended_units"],
                r["note"],
                "; ".join(f"{_date(c['changed_at'])}: {c['old_code']} → {c['new_code']}" for c in r["corrections"]),
            ]
            for r in data["attendance"]
        ],
        [19 * mm, 18 * mm, 32 * mm, 10 * mm, 18 * mm, 12 * mm, 30 * mm, None],
    )

    d.h(_("Absence reports and drop-out notices to the Jobcenter"))
    d.p(_("The monthly absence reports are produced from the attendance above. Absence days per month:"))
    d.table(
        [_("Month"), "E", "K", "UE"],
        [[r["month"], r["E"], r["K"], r["UE"]] for r in data["absence_reports"]],
    )
    for notice in data["dropout_notices"]:
        d.p(
            _("Drop-out notice: left on %(date)s, reason: %(reason)s")
            % {"date": _date(notice["withdrawn_on"]), "reason": notice["reason"]}
        )

    d.h(_("Placements and prerequisites"))
    for placement in data["placements"]:
        pre = placement["prerequisites"]
        conduct = pre["certificate_of_conduct"]
        d.pairs(
            [
                (_("Facility"), placement["facility"]),
                (_("Supervisor"), placement["supervisor"]),
                (_("Period"), f"{_date(placement['start_date'])} – {_date(placement['end_date'])}"),
                (_("Planned hours"), placement["planned_hours"]),
                (_("Status"), placement["status"]),
                (_("Reason"), placement["cancellation_reason"]),
                (_("Measles protection proof seen"), _date(pre["measles_protection_proof_seen_at"])),
                (_("Infection-protection instruction"), _date(pre["infection_protection_instruction_on"])),
                (
                    _("Certificate of conduct"),
                    _("inspected on %(inspected)s, issued on %(issued)s, relevant entry: %(entry)s")
                    % {
                        "inspected": _date(conduct["inspected_on"]),
                        "issued": _date(conduct["issue_date"]),
                        "entry": _("yes") if conduct["shows_relevant_entry"] else _("no"),
                    }
                    if conduct
                    else (
                        _("deleted on %(date)s") % {"date": _date(pre["certificate_of_conduct_deleted_at"])}
                        if pre["certificate_of_conduct_deleted_at"]
                        else "–"
                    ),
                ),
            ]
        )
        d.flow.append(Spacer(1, 2 * mm))
    if not data["placements"]:
        d.p(_("None."))

    d.h(_("Hours"))
    d.table(
        [_("Date"), _("Time"), _("Break"), _("Minutes"), _("Activity"), _("Status"), _("History")],
        [
            [
                _date(e["date"]),
                f"{e['start']}–{e['end']}",
                e["break_minutes"],
                e["work_minutes"],
                e["activity"],
                " ".join(filter(None, [e["status"], e["rejection_reason"]])),
                "; ".join(f"{_date(h['at'])} {h['action']} ({h['by']}) {h['note']}".strip() for h in e["history"]),
            ]
            for e in data["hour_entries"]
        ],
        [19 * mm, 20 * mm, 12 * mm, 14 * mm, 40 * mm, 22 * mm, None],
    )

    d.h(_("Certificates"))
    d.table(
        [_("Number"), _("Kind"), _("Status"), _("Issued"), _("Name and date of birth as printed")],
        [
            [
                c["number"],
                c["kind"],
                c["status"],
                _date(c["issued_at"]),
                "{} {}".format(
                    c["printed_values"].get("participant", {}).get("full_name", ""),
                    _date(c["printed_values"].get("participant", {}).get("date_of_birth")),
                ),
            ]
            for c in data["certificates"]
        ],
    )

    d.h(_("Participant lists imported"))
    d.table(
        [_("Uploaded"), _("File"), _("Status"), _("Rows naming you")],
        [
            [
                _date(i["uploaded_at"]),
                i["file_name"],
                i["status"],
                ", ".join(str(r["row"]) for r in i["rows_naming_you"]),
            ]
            for i in data["imports"]
        ],
    )

    _outcomes_section(d, data["outcomes"])

    d.h(_("Messages to you"))
    d.table(
        [_("Date"), _("Subject"), _("Read")],
        [[_date(m["at"]), m["subject"], _date(m["read_at"]) if m["read_at"] else _("no")]
         for m in data["notifications"]["messages"]],
    )

    d.h(_("Seen by the funder and partners"))
    d.table(
        [_("Date"), _("Organisation"), _("Page or export"), _("Cohort"), _("Names shown")],
        [
            [_date(a["at"]), a["organisation"], a["action"], a["cohort"], _("yes") if a["names_shown"] else _("no")]
            for a in data["partner_accesses"]
        ],
    )

    d.h(_("Earlier copies of this information"))
    d.table(
        [_("Downloaded"), _("By you")],
        [[_date(x["at"]), _("yes") if x["by_the_person"] else _("no")] for x in data["exports"]],
    )

    info = data["information"]
    for key, title in (
        ("purposes", _("Purposes")),
        ("legal_bases", _("Legal bases")),
        ("recipients", _("Recipients")),
        ("sources", _("Sources")),
        ("storage_periods", _("Storage periods")),
    ):
        d.h(title)
        d.bullets(info[key])
    d.p(_("Your data will be anonymised on %(date)s at the latest.") % {"date": _date(data["retention_until"])})
    d.p(
        _(
            "You may ask for corrections (Art. 16), erasure (Art. 17) or restriction (Art. 18), object (Art. 21), "
            "and complain to a supervisory authority (Art. 77). The file data.json holds the same data in a "
            "machine-readable form."
        )
    )

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=_("Information about your data (Art. 15 GDPR)"),
        author=data["controller"]["name"],
    )
    document.build(d.flow)
    return buffer.getvalue()


def _outcomes_section(d: _Doc, outcomes: dict) -> None:
    """Intake profile, goals, the speed-dating events and what became of the person (Verbleib)."""
    d.h(_("Intake profile"))
    profile = outcomes["intake_profile"]
    if profile is None:
        d.p(_("None."))
    else:
        d.pairs(
            [
                (_("Qualifications"), profile["qualifications"]),
                (_("Recognition of foreign qualifications"), _label(RecognitionStatus, profile["recognition_status"])),
                (_("Work experience, especially with children"), profile["experience_with_children"]),
                (_("Interests"), profile["interests"]),
                (_("German level (CEFR)"), profile["german_level"]),
                (_("Date of the last German test"), _date(profile["german_test_date"])),
                (_("Available hours per week"), profile["hours_per_week"]),
                (_("Times that fit with family"), profile["family_times"]),
                (_("Towns reachable without a car"), profile["towns_without_car"]),
                (_("Changed on"), _date(profile["changed_at"])),
            ]
        )

    d.h(_("Goals"))
    d.table(
        [_("Goal"), _("Target date"), _("Status")],
        [[g["goal"], _date(g["target_date"]), _label(GoalStatus, g["status"])] for g in outcomes["goals"]],
        [100 * mm, 25 * mm, None],
    )

    d.h(_("Job-speed-dating: invitations"))
    d.table(
        [_("Event"), _("Date"), _("Answer"), _("Rounds"), _("Came")],
        [
            [
                i["event"],
                _date(i["date"]),
                _label(InvitationStatus, i["answer"]),
                f"{i['from_round'] or 1}–{i['until_round'] or ''}" if i["from_round"] or i["until_round"] else "",
                _yes_no(i["came"]),
            ]
            for i in outcomes["event_invitations"]
        ],
    )

    d.h(_("Job-speed-dating: wishes"))
    d.table(
        [_("Event"), _("Date"), _("Who"), _("Employer"), _("Rank")],
        [[w["event"], _date(w["date"]), _("you"), w["employer"], w["rank"]] for w in outcomes["wishes"]]
        + [
            [m["event"], _date(m["date"]), _("the employer"), m["employer"], ""]
            for m in outcomes["employers_wishing_to_meet_you"]
        ],
    )

    d.h(_("Job-speed-dating: talks"))
    d.table(
        [
            _("Date"),
            _("Time"),
            _("Round / table"),
            _("Employer"),
            _("Held"),
            _("Interest (you / employer)"),
            _("Next step"),
        ],
        [
            [
                _date(t["date"]),
                t["starts_at"],
                f"{t['round']} / {t['table']}",
                t["employer"],
                _yes_no(t["held"]),
                f"{_yes_no(t['you_interested'])} / {_yes_no(t['employer_interested'])}",
                " ".join(
                    filter(
                        None,
                        [_label(NextStep, t["next_step"]), _date(t["next_step_date"]) if t["next_step_date"] else ""],
                    )
                ),
            ]
            for t in outcomes["talks"]
        ],
        [19 * mm, 12 * mm, 18 * mm, 40 * mm, 12 * mm, 25 * mm, None],
    )

    d.h(_("What became of you (Verbleib)"))
    d.table(
        [_("As of"), _("Situation"), _("Where / hours"), _("Employer"), _("Source"), _("Note")],
        [
            [
                _date(o["as_of"]),
                " ".join(filter(None, [_label(OutcomeKind, o["situation"]), _label(UnavailableReason, o["reason"])])),
                " ".join(
                    filter(
                        None,
                        [
                            _label(Workplace, o["where"]),
                            _("%(hours)s h/week") % {"hours": o["hours_per_week"]} if o["hours_per_week"] else "",
                        ],
                    )
                ),
                o["employer"] or "",
                _label(OutcomeSource, o["source"]),
                o["note"],
            ]
            for o in outcomes["outcome_records"]
        ],
        [19 * mm, 35 * mm, 25 * mm, 35 * mm, 25 * mm, None],
    )


def render_zip(data: dict) -> bytes:
    """The PDF and the JSON in one ZIP (what the person downloads)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("auskunft.pdf", render_pdf(data))
        archive.writestr("data.json", json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))
    return buffer.getvalue()
