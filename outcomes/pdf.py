"""The event's printouts, always in plain German (they are handed out at the event): one page per
participant, one page per employer, the room plan, and a ZIP of the three.

``EventPack.for_event`` reads everything once into plain values; the renderers draw only from the pack
(no database, no clock), like the certificate renderer draws only from its snapshot. The employers' page
shows of each participant only German level, availability and the type of their placement facility.
"""

import io
import zipfile
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from core.fonts import register_fonts
from core.pdf_canvas import Canvas


@dataclass(frozen=True)
class PackTalk:
    round: int
    table: int
    start: str
    end: str
    participant: str
    employer: str
    participant_id: int
    employer_id: int


@dataclass(frozen=True)
class ShortProfile:
    german_level: str
    availability: str
    facility_type: str


@dataclass
class EventPack:
    title: str
    date: str
    place: str
    start: str
    what_to_bring: str
    rounds: int
    tables: int
    round_times: list[tuple[str, str]]
    talks: list[PackTalk]
    participants: dict[int, str]  # id -> full name, those who accepted
    employers: dict[int, str]
    profiles: dict[int, ShortProfile] = field(default_factory=dict)

    @classmethod
    def for_event(cls, event) -> "EventPack":
        from .models import IntakeProfile, InvitationStatus
        from .selectors import event_invitations, event_talks, facility_types_of_event

        participants, employers = event_invitations(event)
        accepted = [i for i in participants if i.status == InvitationStatus.ACCEPTED]
        facility_types = facility_types_of_event(event)
        profiles = {}
        for profile in IntakeProfile.objects.filter(participant_id__in=[i.participant_id for i in accepted]):
            hours = f"{profile.hours_per_week} Std./Woche" if profile.hours_per_week else ""
            availability = ", ".join(v for v in (hours, profile.family_times) if v)
            profiles[profile.participant_id] = ShortProfile(
                profile.german_level or "–", availability or "–", facility_types.get(profile.participant_id, "–")
            )
        for i in accepted:
            if i.participant_id not in profiles:
                level = i.participant.german_level or "–"
                profiles[i.participant_id] = ShortProfile(level, "–", facility_types.get(i.participant_id, "–"))
        times = [(f"{event.round_start(r):%H:%M}", f"{event.round_end(r):%H:%M}") for r in event.round_numbers]
        return cls(
            title=event.title,
            date=f"{event.date:%d.%m.%Y}",
            place=event.place,
            start=f"{event.start_time:%H:%M}",
            what_to_bring=event.what_to_bring,
            rounds=event.rounds,
            tables=event.tables,
            round_times=times,
            talks=[
                PackTalk(
                    t.round,
                    t.table,
                    *times[t.round - 1],
                    t.participant.full_name,
                    t.employer.name,
                    t.participant_id,
                    t.employer_id,
                )
                for t in event_talks(event)
                if 1 <= t.round <= event.rounds
            ],
            participants={i.participant_id: i.participant.full_name for i in accepted},
            employers={i.employer_id: i.employer.name for i in employers if i.status == InvitationStatus.ACCEPTED},
            profiles=profiles,
        )


def _styles():
    regular, bold = register_fonts()
    return {
        "h1": ParagraphStyle("h1", fontName=bold, fontSize=18, leading=23, spaceAfter=6),
        "h2": ParagraphStyle("h2", fontName=bold, fontSize=13, leading=17, spaceBefore=8, spaceAfter=4),
        "body": ParagraphStyle("body", fontName=regular, fontSize=12, leading=16),
        "small": ParagraphStyle("small", fontName=regular, fontSize=9, leading=12),
        "cell": ParagraphStyle("cell", fontName=regular, fontSize=11, leading=14),
        "tiny": ParagraphStyle("tiny", fontName=regular, fontSize=8, leading=10),
    }


def _escape(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _table(rows, widths, style, header=True):
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef7")))
    table.setStyle(TableStyle(commands))
    return table


def _document(story, pagesize=A4) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=pagesize, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm, bottomMargin=16 * mm
    )
    doc.build(story or [Spacer(1, 1)], canvasmaker=Canvas)
    return buffer.getvalue()


def participant_pages(pack: EventPack) -> bytes:
    """One page per participant: when, which table, with whom; what to bring. Short sentences."""
    s = _styles()
    story = []
    by_person: dict[int, list[PackTalk]] = {}
    for talk in pack.talks:
        by_person.setdefault(talk.participant_id, []).append(talk)
    for index, (pid, name) in enumerate(sorted(pack.participants.items(), key=lambda item: item[1])):
        if index:
            story.append(PageBreak())
        story += [
            Paragraph(f"{_escape(pack.title)}: Ihre Gespräche", s["h1"]),
            Paragraph(f"<b>{_escape(name)}</b>", s["body"]),
            Paragraph(f"Am {pack.date} in {_escape(pack.place)}. Beginn: {pack.start} Uhr.", s["body"]),
            Spacer(1, 4 * mm),
        ]
        talks = sorted(by_person.get(pid, []), key=lambda t: t.round)
        if talks:
            rows = [[Paragraph(h, s["cell"]) for h in ("Runde", "Uhrzeit", "Tisch", "Arbeitgeber")]]
            rows += [
                [
                    Paragraph(str(t.round), s["cell"]),
                    Paragraph(f"{t.start}–{t.end} Uhr", s["cell"]),
                    Paragraph(f"Tisch {t.table}", s["cell"]),
                    Paragraph(_escape(t.employer), s["cell"]),
                ]
                for t in talks
            ]
            story.append(_table(rows, [20 * mm, 40 * mm, 25 * mm, 89 * mm], None))
            story.append(Spacer(1, 3 * mm))
            story.append(Paragraph("Eine Glocke zeigt den Anfang und das Ende jeder Runde.", s["body"]))
            story.append(Paragraph("Gehen Sie dann zum nächsten Tisch.", s["body"]))
        else:
            story.append(Paragraph("Für Sie ist noch kein Gespräch geplant. Bitte fragen Sie uns.", s["body"]))
        if pack.what_to_bring:
            story += [Paragraph("Bitte mitbringen", s["h2"]), Paragraph(_escape(pack.what_to_bring), s["body"])]
        story += [
            Paragraph("Ziel", s["h2"]),
            Paragraph(
                "Sie lernen Kitas und Offene Ganztagsschulen kennen. Vielleicht vereinbaren Sie eine Hospitation, "
                "ein Praktikum, einen Probearbeitstag oder sogar eine Stelle. Fragen Sie ruhig nach!",
                s["body"],
            ),
        ]
    return _document(story)


def employer_pages(pack: EventPack) -> bytes:
    """One page per employer: who comes when, each with only German level, availability, facility type."""
    s = _styles()
    story = []
    by_employer: dict[int, list[PackTalk]] = {}
    for talk in pack.talks:
        by_employer.setdefault(talk.employer_id, []).append(talk)
    for index, (eid, name) in enumerate(sorted(pack.employers.items(), key=lambda item: item[1])):
        if index:
            story.append(PageBreak())
        story += [
            Paragraph(f"{_escape(pack.title)}: {_escape(name)}", s["h1"]),
            Paragraph(f"Am {pack.date} in {_escape(pack.place)}. Beginn: {pack.start} Uhr.", s["body"]),
            Spacer(1, 4 * mm),
        ]
        talks = sorted(by_employer.get(eid, []), key=lambda t: (t.round, t.table))
        if talks:
            header = ("Runde", "Uhrzeit", "Tisch", "Teilnehmer:in", "Deutsch", "Verfügbar", "Praktikum in")
            rows = [[Paragraph(h, s["small"]) for h in header]]
            for t in talks:
                profile = pack.profiles.get(t.participant_id, ShortProfile("–", "–", "–"))
                rows.append(
                    [
                        Paragraph(str(t.round), s["small"]),
                        Paragraph(f"{t.start}–{t.end}", s["small"]),
                        Paragraph(str(t.table), s["small"]),
                        Paragraph(_escape(t.participant), s["small"]),
                        Paragraph(_escape(profile.german_level), s["small"]),
                        Paragraph(_escape(profile.availability), s["small"]),
                        Paragraph(_escape(profile.facility_type), s["small"]),
                    ]
                )
            story.append(_table(rows, [13 * mm, 22 * mm, 12 * mm, 40 * mm, 17 * mm, 38 * mm, 32 * mm], None))
        else:
            story.append(Paragraph("Für Sie ist noch kein Gespräch geplant.", s["body"]))
        story += [
            Spacer(1, 4 * mm),
            Paragraph(
                "Bitte notieren Sie nach jedem Gespräch, ob Sie Interesse haben und welcher nächste Schritt "
                "vereinbart wurde (Hospitation, Praktikum, Probearbeit, Stellenangebot, Ausbildung).",
                s["small"],
            ),
        ]
    return _document(story)


def room_plan(pack: EventPack) -> bytes:
    """Rounds × tables, landscape; each cell the employer over the participant."""
    s = _styles()
    cells = {(t.round, t.table): t for t in pack.talks}
    story = [Paragraph(f"{_escape(pack.title)}: Raumplan, {pack.date}, {_escape(pack.place)}", s["h1"])]
    per_page = 8
    for first in range(1, pack.tables + 1, per_page):
        tables = list(range(first, min(first + per_page, pack.tables + 1)))
        rows = [[Paragraph("Runde", s["tiny"])] + [Paragraph(f"Tisch {n}", s["tiny"]) for n in tables]]
        for r in range(1, pack.rounds + 1):
            start, end = pack.round_times[r - 1]
            row = [Paragraph(f"{r}<br/>{start}–{end}", s["tiny"])]
            for n in tables:
                talk = cells.get((r, n))
                text = f"<b>{_escape(talk.employer)}</b><br/>{_escape(talk.participant)}" if talk else ""
                row.append(Paragraph(text, s["tiny"]))
            rows.append(row)
        width = (landscape(A4)[0] - 36 * mm - 22 * mm) / len(tables)
        story += [_table(rows, [22 * mm] + [width] * len(tables), None), Spacer(1, 5 * mm)]
    return _document(story, pagesize=landscape(A4))


def zip_all(pack: EventPack) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("teilnehmende.pdf", participant_pages(pack))
        archive.writestr("arbeitgeber.pdf", employer_pages(pack))
        archive.writestr("raumplan.pdf", room_plan(pack))
    return buffer.getvalue()
