"""The certificate PDF, drawn from the frozen snapshot alone.

``renderer_for(snapshot).render()`` touches no database, no clock and
no translation catalogue: every value comes from the snapshot, every fixed wording from
``certificates.wording`` (keyed by the snapshot's wording version, kind and language), so the same snapshot
gives the same page today and in ten years, and the same bytes as long as this code, its font files and
reportlab are unchanged (the font lost its unused hinting programs in December 2026: smaller files, the
same page). If the wording or layout changes, add a new ``TEMPLATE_VERSION`` with its wording and
renderer class in ``RENDERERS``, and leave the older ones as they are: they draw the documents issued
with them.

Speed: the page is drawn straight on the canvas (no platypus), the font is registered once per process
(``core.fonts``), the page stream is written in binary (``core.pdf_canvas``), reportlab's C accelerators
are installed (``rl_accel``), and the QR code is drawn from rows encoded at issue time
(``certificates.qr``). ``render(finish=…)`` lets the signing code add its signature field before the
file is written, so the PDF is drawn and sealed in one pass (``certificates.signing``). The cohort ZIP
is ``certificates.pdf_zip``.

The snapshot is a JSON document (see ``certificates.snapshot.build_snapshot``)::

    {"template_version": 1, "language": "de", "number": "IB-2026-0007",
     "verification_code": "…", "verification_url": "https://…/zertifikate/pruefen/…/",
     "issued_at": "2026-07-01T08:00:00+00:00", "issued_on": "2026-07-01",
     "organisation": {"name": "…", "address": "…"}, "funding_body": "…", "partners": "…",
     "measure_number": "…", "site": {"name": "Dülmen"},
     "participant": {"full_name": "…", "date_of_birth": "1990-05-17"},
     "programme": {"title": "…"}, "cohort": {"number": "…", "start_date": "…", "end_date": "…"},
     "modules": [{"position": 1, "title": "…", "planned_units": 120, "attended_units": "112"}],
     "placement": {"facility_type": "kita", "facility_type_label": {"de": "…", "en": "…"},
                   "confirmed_minutes": 5400,
                   "required_minutes": 5400} | null,
     "signatory": {"name": "…"}, "qr_rows": ["fe5b3f8", …]}

``qr_rows`` is the QR code of ``verification_url``, encoded once at issue time (see ``qr_rows_for``).
Snapshots issued before it was kept carry ``qr_mask``, the mask pattern only, or nothing; the renderer
then encodes the code itself, which gives the same modules and the same bytes, only slower.
"""

import datetime
import io
from collections.abc import Callable
from decimal import Decimal

from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit

from core.fonts import register_fonts
from core.pdf_canvas import Canvas

from .qr import draw_qr, qr_rows_for  # noqa: F401 - qr_rows_for: still importable from here
from .wording import ATTENDANCE_V2, CERTIFICATE_V1, CERTIFICATE_V2, MARKS

# The wording version new documents are issued with. Each snapshot keeps its own version, and
# ``RENDERERS`` draws it with that version's wording and layout (see certificates.wording).
TEMPLATE_VERSION = 2

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 62
ACCENT = HexColor("#1d4e6b")  # dark petrol: calm, official, prints well in grey
ACCENT_LIGHT = HexColor("#e8f0f5")
MUTED = HexColor("#555555")
INK = HexColor("#1a1a1a")


def format_date(iso: str) -> str:
    """'2026-07-01' -> '01.07.2026' (the same in both languages: the documents are German)."""
    if not iso:
        return ""
    day = datetime.date.fromisoformat(iso)
    return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


def format_number(value, language: str) -> str:
    """Decimal units or hours without trailing zeros, with a decimal comma in German."""
    number = Decimal(str(value)).quantize(Decimal("0.1"))
    text = f"{number:f}".rstrip("0").rstrip(".") if "." in f"{number:f}" else f"{number:f}"
    return text.replace(".", ",") if language == "de" else text


def split_code(code: str) -> str:
    """The verification code in groups of four, easier to read out and type."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


MARK_RED = HexColor("#b00020")


class DocumentRenderer:
    """Draws one document from its snapshot. Pure: same snapshot (and mark), same bytes.

    The layout is the Zertifikat's of wording version 1; later versions and the Teilnahmebescheinigung are
    subclasses that change their wording and the parts that differ. ``revoked_on`` (ISO date) or
    ``superseded_by`` (a number) draw a mark over every page, for copies downloaded after the document
    stopped being valid; the caller reads them from the certificate's status, never the renderer."""

    version = 1
    kind = "certificate"
    wording = CERTIFICATE_V1
    accent = ACCENT
    band = ACCENT_LIGHT

    def __init__(
        self,
        snapshot: dict,
        language: str | None = None,
        *,
        revoked_on: str | None = None,
        superseded_by: str | None = None,
    ):
        self.snapshot = snapshot
        # The English version of a German certificate is the same snapshot drawn with English wording.
        self.language = language or snapshot.get("language", "de")
        self.words = self.wording.get(self.language, self.wording["de"])
        self.revoked_on, self.superseded_by = revoked_on, superseded_by
        self.regular, self.bold = register_fonts()

    # -- public ---------------------------------------------------------------------------------------
    def render(self, finish: Callable[[Canvas], None] | None = None) -> bytes:
        """The PDF. ``finish(canvas)`` is called after the drawing, before the page is closed and the file
        written: certificates.signing adds its signature field there."""
        buffer = io.BytesIO()
        canvas = Canvas(
            buffer, pagesize=A4, invariant=1, pageCompression=1, initialFontName=self.regular, lang=self.language
        )
        self._fix_creation_date(canvas)
        canvas.setTitle(self.words["pdf_title"].format(number=self.snapshot["number"]))
        canvas.setAuthor(self.snapshot["organisation"]["name"])
        canvas.setSubject(self.snapshot["programme"]["title"])
        canvas.setCreator("Integrationsbegleitung")
        self.canvas = canvas
        self._frame()
        y = self._header(PAGE_HEIGHT - MARGIN)
        y = self._title(y - 40)
        y = self._holder(y - 28)
        y = self._modules(y - 26, self._module_font(y - 26))
        y = self._placement(y - 20)
        self._signature()
        self._footer()
        self._status_mark()
        if finish is not None:
            finish(canvas)
        canvas.showPage()
        canvas.save()
        return buffer.getvalue()

    # -- parts ----------------------------------------------------------------------------------------
    def _fix_creation_date(self, canvas: Canvas) -> None:
        # invariant=1 pins the date to 2000-01-01; the certificate's own issue time is the honest value.
        issued = datetime.datetime.fromisoformat(self.snapshot["issued_at"]).astimezone(datetime.UTC)
        stamp = canvas._doc._timeStamp
        stamp.YMDhms = (issued.year, issued.month, issued.day, issued.hour, issued.minute, issued.second)
        stamp.dhh = stamp.dmm = 0

    def _status_mark(self) -> None:
        """On every page of a document that is no longer valid: a red band at the top and the same words
        across the page, in both languages, so no copy can be mistaken for a valid one."""
        if self.revoked_on:
            text = MARKS["revoked"].format(date=format_date(self.revoked_on))
        elif self.superseded_by:
            text = MARKS["superseded"].format(number=self.superseded_by)
        else:
            return
        canvas = self.canvas
        canvas.saveState()
        canvas.setFillColor(MARK_RED)
        canvas.rect(24, PAGE_HEIGHT - 47, PAGE_WIDTH - 48, 23, stroke=0, fill=1)  # above the header's first line
        canvas.setFillColor(white)
        canvas.setFont(self.bold, 12)
        canvas.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 40, text)
        canvas.setFillColor(MARK_RED)
        canvas.setFillAlpha(0.22)
        canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        canvas.rotate(50)
        canvas.setFont(self.bold, 30)
        for offset, line in ((18, text.split(" / ")[0]), (-22, text.split(" / ")[-1])):
            canvas.drawCentredString(0, offset, line)
        canvas.restoreState()

    def _frame(self) -> None:
        canvas = self.canvas
        canvas.setStrokeColor(self.accent)
        canvas.setLineWidth(2.2)
        canvas.rect(24, 24, PAGE_WIDTH - 48, PAGE_HEIGHT - 48, stroke=1, fill=0)
        canvas.setLineWidth(0.5)
        canvas.rect(29, 29, PAGE_WIDTH - 58, PAGE_HEIGHT - 58, stroke=1, fill=0)

    def _text(self, x, y, text, size=10, bold=False, color=INK, align="left") -> None:
        canvas = self.canvas
        canvas.setFillColor(color)
        canvas.setFont(self.bold if bold else self.regular, size)
        if align == "center":
            canvas.drawCentredString(x, y, text)
        elif align == "right":
            canvas.drawRightString(x, y, text)
        else:
            canvas.drawString(x, y, text)

    def _lines(self, text, width, size, bold=False) -> list[str]:
        return simpleSplit(text, self.bold if bold else self.regular, size, width)

    def _header(self, top: float) -> float:
        snapshot, words = self.snapshot, self.words
        left_width = (PAGE_WIDTH - 2 * MARGIN) * 0.55
        y = top
        for line in self._lines(snapshot["organisation"]["name"], left_width, 12, bold=True):
            self._text(MARGIN, y, line, 12, bold=True, color=self.accent)
            y -= 15
        for line in (snapshot["organisation"].get("address") or "").splitlines():
            self._text(MARGIN, y, line, 8.5, color=MUTED)
            y -= 11
        right = PAGE_WIDTH - MARGIN
        right_width = (PAGE_WIDTH - 2 * MARGIN) * 0.42
        ry = top
        for label, value in (
            (words["funded_by"], snapshot.get("funding_body")),
            (words["partners"], snapshot.get("partners")),
        ):
            if not value:
                continue
            self._text(right, ry, label, 7.5, color=MUTED, align="right")
            ry -= 11
            for line in self._lines(value, right_width, 9, bold=True):
                self._text(right, ry, line, 9, bold=True, align="right")
                ry -= 11.5
            ry -= 4
        return min(y, ry)

    def _title(self, y: float) -> float:
        canvas = self.canvas
        self._text(PAGE_WIDTH / 2, y - 30, self.words["title"], 34, bold=True, color=self.accent, align="center")
        canvas.setStrokeColor(self.accent)
        canvas.setLineWidth(1)
        canvas.line(PAGE_WIDTH / 2 - 70, y - 44, PAGE_WIDTH / 2 + 70, y - 44)
        return y - 44

    def _holder(self, y: float) -> float:
        snapshot, words = self.snapshot, self.words
        centre = PAGE_WIDTH / 2
        width = PAGE_WIDTH - 2 * MARGIN
        for line in self._lines(snapshot["participant"]["full_name"], width, 22, bold=True):
            y -= 26
            self._text(centre, y, line, 22, bold=True, align="center")
        y -= 17
        self._text(
            centre,
            y,
            words["born"].format(date=format_date(snapshot["participant"]["date_of_birth"])),
            10.5,
            align="center",
        )
        y -= 24
        self._text(centre, y, words["intro"], 10.5, align="center")
        for line in self._lines(snapshot["programme"]["title"], width, 15, bold=True):
            y -= 21
            self._text(centre, y, line, 15, bold=True, color=self.accent, align="center")
        period = words["period"].format(
            start=format_date(snapshot["cohort"]["start_date"]),
            end=format_date(snapshot["cohort"]["end_date"]),
            place=snapshot["site"]["name"],
        )
        for line in self._lines(period, width, 10.5):
            y -= 17
            self._text(centre, y, line, 10.5, align="center")
        if snapshot.get("measure_number"):
            y -= 14
            self._text(
                centre,
                y,
                words["measure_number"].format(number=snapshot["measure_number"]),
                8,
                color=MUTED,
                align="center",
            )
        return y

    def _section_heading(self, y: float, text: str) -> float:
        self._text(MARGIN, y, text.upper(), 8.5, bold=True, color=self.accent)
        self.canvas.setStrokeColor(self.accent)
        self.canvas.setLineWidth(0.6)
        self.canvas.line(MARGIN, y - 4, PAGE_WIDTH - MARGIN, y - 4)
        return y - 4

    # The lowest point the contents may reach: the place/date and signature block start above it.
    CONTENT_FLOOR = 232

    def _module_rows_height(self, size: float) -> float:
        title_width = PAGE_WIDTH - 2 * MARGIN - 150
        lines = sum(
            len(self._lines(f"{m['position']}. {m['title']}", title_width, size)) for m in self.snapshot["modules"]
        )
        return size * 0.6 * len(self.snapshot["modules"]) + size * 1.27 * lines

    def _module_font(self, top: float) -> float:
        """The largest of a few font sizes at which the modules and the placement fit above the signature
        block, so a long curriculum still makes a one-page certificate."""
        fixed = 24 + 26 + 20 + 4 + 36  # table heading, total and note, placement heading and rows
        for size in (9.5, 8.5, 7.5, 6.5):
            if top - fixed - self._module_rows_height(size) >= self.CONTENT_FLOOR:
                return size
        return 6.5

    def _modules(self, y: float, size: float = 9.5) -> float:
        snapshot, words, canvas, lang = self.snapshot, self.words, self.canvas, self.language
        y = self._section_heading(y, words["contents"])
        units_x = PAGE_WIDTH - MARGIN - 6
        title_width = PAGE_WIDTH - 2 * MARGIN - 150
        y -= 15
        self._text(MARGIN + 6, y, words["module"], 8, bold=True, color=MUTED)
        self._text(units_x, y, words["units"], 8, bold=True, color=MUTED, align="right")
        y -= 5
        attended_total = Decimal(0)
        planned_total = 0
        for index, module in enumerate(snapshot["modules"]):
            lines = self._lines(f"{module['position']}. {module['title']}", title_width, size)
            leading = size * 1.27
            height = size * 0.6 + leading * len(lines)
            if index % 2 == 0:
                canvas.setFillColor(self.band)
                canvas.rect(MARGIN, y - height, PAGE_WIDTH - 2 * MARGIN, height, stroke=0, fill=1)
            line_y = y - size * 0.3 - size
            for line in lines:
                self._text(MARGIN + 6, line_y, line, size)
                line_y -= leading
            units = words["units_value"].format(
                attended=format_number(module["attended_units"], lang), planned=module["planned_units"]
            )
            self._text(units_x, y - size * 0.3 - size, units, size, align="right")
            attended_total += Decimal(str(module["attended_units"]))
            planned_total += int(module["planned_units"])
            y -= height
        canvas.setStrokeColor(self.accent)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, y, PAGE_WIDTH - MARGIN, y)
        y -= 13
        self._text(MARGIN + 6, y, words["total"], 9.5, bold=True)
        total = words["units_value"].format(attended=format_number(attended_total, lang), planned=planned_total)
        self._text(units_x, y, total, 9.5, bold=True, align="right")
        y -= 13
        self._text(MARGIN + 6, y, words["units_note"], 7.5, color=MUTED)
        return y

    def _placement(self, y: float) -> float:
        snapshot, words, canvas = self.snapshot, self.words, self.canvas
        y = self._section_heading(y, words["placement"])
        placement = snapshot.get("placement")
        if not placement:
            self._text(MARGIN + 6, y - 14, words["no_placement"], 9.5)
            return y - 14
        hours = format_number(Decimal(placement["confirmed_minutes"]) / 60, self.language)
        label = placement["facility_type_label"]
        if isinstance(label, dict):  # stored in both languages
            label = label.get(self.language) or next(iter(label.values()))
        rows = ((words["facility_type"], label), (words["placement_hours"], hours))
        for index, (label, value) in enumerate(rows):
            if index % 2 == 0:
                canvas.setFillColor(self.band)
                canvas.rect(MARGIN, y - 18, PAGE_WIDTH - 2 * MARGIN, 18, stroke=0, fill=1)
            self._text(MARGIN + 6, y - 12.5, label, 9.5)
            self._text(PAGE_WIDTH - MARGIN - 6, y - 12.5, value, 9.5, align="right")
            y -= 18
        return y

    def _signature(self) -> None:
        snapshot, words, canvas = self.snapshot, self.words, self.canvas
        y = 208
        place_date = words["place_date"].format(place=snapshot["site"]["name"], date=format_date(snapshot["issued_on"]))
        self._text(MARGIN, y, place_date, 10)
        line_left = PAGE_WIDTH - MARGIN - 210
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.6)
        canvas.line(line_left, y - 4, PAGE_WIDTH - MARGIN, y - 4)
        self._text(line_left, y - 15, words["signature"], 7.5, color=MUTED)
        self._text(line_left, y - 28, snapshot["signatory"]["name"], 9.5, bold=True)
        for i, line in enumerate(
            self._lines(words["for"].format(organisation=snapshot["organisation"]["name"]), 210, 8)
        ):
            self._text(line_left, y - 40 - 10 * i, line, 8, color=MUTED)

    def _footer(self) -> None:
        snapshot, words, canvas = self.snapshot, self.words, self.canvas
        size = 74
        x, y = PAGE_WIDTH - MARGIN - size, 52
        draw_qr(
            canvas, snapshot["verification_url"], x, y, size, mask=snapshot.get("qr_mask"), rows=snapshot.get("qr_rows")
        )
        canvas.setStrokeColor(self.accent)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, y + size + 10, PAGE_WIDTH - MARGIN, y + size + 10)
        self._text(
            MARGIN, y + size - 10, words["number"].format(number=snapshot["number"]), 11, bold=True, color=self.accent
        )
        self._text(MARGIN, y + size - 25, words["code"].format(code=split_code(snapshot["verification_code"])), 9)
        check_url = snapshot["verification_url"].rsplit("/", 2)[0] + "/"
        text_width = x - MARGIN - 16
        for i, line in enumerate(self._lines(words["verify"].format(url=check_url), text_width, 7.5)):
            self._text(MARGIN, y + size - 42 - 10 * i, line, 7.5, color=MUTED)


class CertificateRendererV1(DocumentRenderer):
    """The Zertifikat as issued until December 2026."""


class CertificateRendererV2(DocumentRenderer):
    """The Zertifikat from December 2026: says what it certifies."""

    version = 2
    wording = CERTIFICATE_V2

    def _holder(self, y: float) -> float:
        y = super()._holder(y)
        text = self.words["criteria"] if self.snapshot.get("placement") else self.words["criteria_no_placement"]
        y -= 6
        for line in self._lines(text, PAGE_WIDTH - 2 * MARGIN - 40, 9):
            y -= 13
            self._text(PAGE_WIDTH / 2, y, line, 9, align="center")
        return y


GREY = HexColor("#3a3a3a")
GREY_LIGHT = HexColor("#efefef")


class AttendanceRendererV2(DocumentRenderer):
    """The Teilnahmebescheinigung: the same data drawn so that it can never pass for the Zertifikat: grey
    instead of petrol, a single thin frame, a left-aligned heading in a grey band under the words "not a
    certificate", the period actually attended and, where the person left early, the leaving date; no
    word of success or of requirements met."""

    version = 2
    kind = "attendance"
    wording = ATTENDANCE_V2
    accent = GREY
    band = GREY_LIGHT

    def _frame(self) -> None:
        canvas = self.canvas
        canvas.setStrokeColor(MUTED)
        canvas.setLineWidth(0.8)
        canvas.rect(30, 30, PAGE_WIDTH - 60, PAGE_HEIGHT - 60, stroke=1, fill=0)

    def _title(self, y: float) -> float:
        canvas, words = self.canvas, self.words
        canvas.setFillColor(self.band)
        canvas.rect(MARGIN, y - 50, PAGE_WIDTH - 2 * MARGIN, 50, stroke=0, fill=1)
        self._text(MARGIN + 12, y - 16, words["kicker"].upper(), 8, bold=True, color=MUTED)
        self._text(MARGIN + 12, y - 40, words["title"], 22, bold=True, color=GREY)
        y -= 50
        for line in self._lines(words["not_a_certificate"], PAGE_WIDTH - 2 * MARGIN, 8.5):
            y -= 12
            self._text(MARGIN, y, line, 8.5, color=MUTED)
        return y

    def _holder(self, y: float) -> float:
        snapshot, words = self.snapshot, self.words
        width = PAGE_WIDTH - 2 * MARGIN
        for line in self._lines(snapshot["participant"]["full_name"], width, 18, bold=True):
            y -= 22
            self._text(MARGIN, y, line, 18, bold=True)
        y -= 15
        self._text(MARGIN, y, words["born"].format(date=format_date(snapshot["participant"]["date_of_birth"])), 10)
        y -= 20
        self._text(MARGIN, y, words["intro"], 10)
        for line in self._lines(snapshot["programme"]["title"], width, 13, bold=True):
            y -= 17
            self._text(MARGIN, y, line, 13, bold=True, color=GREY)
        attended = snapshot["attendance"]
        period = words["period"].format(
            start=format_date(attended["from"]), end=format_date(attended["until"]), place=snapshot["site"]["name"]
        )
        for line in self._lines(period, width, 10):
            y -= 15
            self._text(MARGIN, y, line, 10)
        if attended.get("left_on"):
            y -= 15
            self._text(MARGIN, y, words["left"].format(date=format_date(attended["left_on"])), 10)
        y -= 14
        course = words["course_period"].format(
            start=format_date(snapshot["cohort"]["start_date"]), end=format_date(snapshot["cohort"]["end_date"])
        )
        if snapshot.get("measure_number"):
            course += " · " + words["measure_number"].format(number=snapshot["measure_number"])
        self._text(MARGIN, y, course, 8, color=MUTED)
        return y


RENDERERS: dict[tuple[int, str], type[DocumentRenderer]] = {
    (1, "certificate"): CertificateRendererV1,
    (2, "certificate"): CertificateRendererV2,
    (2, "attendance"): AttendanceRendererV2,
}


def renderer_for(
    snapshot: dict, language: str | None = None, *, revoked_on: str | None = None, superseded_by: str | None = None
) -> DocumentRenderer:
    """The renderer of the snapshot's own wording version and kind (snapshots before version 2 carry no
    kind: they are all Zertifikate)."""
    key = (snapshot.get("template_version", 1), snapshot.get("kind", "certificate"))
    try:
        renderer = RENDERERS[key]
    except KeyError:
        raise ValueError(f"No renderer for wording version {key[0]} of a {key[1]}.") from None
    return renderer(snapshot, language, revoked_on=revoked_on, superseded_by=superseded_by)


FILE_PREFIXES = {
    ("certificate", "de"): "Zertifikat",
    ("certificate", "en"): "Certificate",
    ("attendance", "de"): "Teilnahmebescheinigung",
    ("attendance", "en"): "Certificate-of-attendance",
}


def pdf_filename(snapshot: dict, language: str | None = None) -> str:
    language = language or snapshot.get("language", "de")
    prefix = FILE_PREFIXES.get((snapshot.get("kind", "certificate"), language), "Zertifikat")
    return f"{prefix}-{snapshot['number']}.pdf"
