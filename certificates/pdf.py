"""The certificate PDF, drawn from the frozen snapshot alone.

``renderer_for(snapshot).render()`` (also called ``CertificateRenderer``) touches no database, no clock and
no translation catalogue: every value comes from the snapshot, every fixed wording from
``certificates.wording`` (keyed by the snapshot's wording version, kind and language), so the same snapshot
gives the same page today and in ten years, and the same bytes as long as this code, its font files and
reportlab are unchanged (the font lost its unused hinting programs in December 2026: smaller files, the
same page). If the wording or layout changes, add a new ``TEMPLATE_VERSION`` with its wording and
renderer class in ``RENDERERS``, and leave the older ones as they are: they draw the documents issued
with them.

Speed: the page is drawn straight on the canvas (no platypus), the font is registered once per process
(``core.fonts``, which also turns off reportlab's ASCII85 text encoding of streams), reportlab's C
accelerators are installed (``rl_accel``), and the QR code is encoded with segno and drawn as one path
of merged horizontal runs instead of reportlab's QR widget (which costs ~20 ms per code).

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
import re
import zipfile
from decimal import Decimal

import segno
from reportlab.lib.colors import HexColor, black, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from core.fonts import register_fonts

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
        self.s = snapshot
        # The English version of a German certificate is the same snapshot drawn with English wording.
        self.language = language or snapshot.get("language", "de")
        self.t = self.wording.get(self.language, self.wording["de"])
        self.revoked_on, self.superseded_by = revoked_on, superseded_by
        self.regular, self.bold = register_fonts()

    # -- public ---------------------------------------------------------------------------------------
    def render(self) -> bytes:
        buffer = io.BytesIO()
        c = Canvas(
            buffer, pagesize=A4, invariant=1, pageCompression=1, initialFontName=self.regular, lang=self.language
        )
        self._fix_creation_date(c)
        c.setTitle(self.t["pdf_title"].format(number=self.s["number"]))
        c.setAuthor(self.s["organisation"]["name"])
        c.setSubject(self.s["programme"]["title"])
        c.setCreator("Integrationsbegleitung")
        self.c = c
        self._frame()
        y = self._header(PAGE_HEIGHT - MARGIN)
        y = self._title(y - 40)
        y = self._holder(y - 28)
        y = self._modules(y - 26, self._module_font(y - 26))
        y = self._placement(y - 20)
        self._signature()
        self._footer()
        self._status_mark()
        c.showPage()
        c.save()
        return buffer.getvalue()

    # -- parts ----------------------------------------------------------------------------------------
    def _fix_creation_date(self, c: Canvas) -> None:
        # invariant=1 pins the date to 2000-01-01; the certificate's own issue time is the honest value.
        issued = datetime.datetime.fromisoformat(self.s["issued_at"]).astimezone(datetime.UTC)
        stamp = c._doc._timeStamp
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
        c = self.c
        c.saveState()
        c.setFillColor(MARK_RED)
        c.rect(24, PAGE_HEIGHT - 47, PAGE_WIDTH - 48, 23, stroke=0, fill=1)  # above the header's first line
        c.setFillColor(white)
        c.setFont(self.bold, 12)
        c.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 40, text)
        c.setFillColor(MARK_RED)
        c.setFillAlpha(0.22)
        c.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        c.rotate(50)
        c.setFont(self.bold, 30)
        for offset, line in ((18, text.split(" / ")[0]), (-22, text.split(" / ")[-1])):
            c.drawCentredString(0, offset, line)
        c.restoreState()

    def _frame(self) -> None:
        c = self.c
        c.setStrokeColor(self.accent)
        c.setLineWidth(2.2)
        c.rect(24, 24, PAGE_WIDTH - 48, PAGE_HEIGHT - 48, stroke=1, fill=0)
        c.setLineWidth(0.5)
        c.rect(29, 29, PAGE_WIDTH - 58, PAGE_HEIGHT - 58, stroke=1, fill=0)

    def _text(self, x, y, text, size=10, bold=False, color=INK, align="left") -> None:
        c = self.c
        c.setFillColor(color)
        c.setFont(self.bold if bold else self.regular, size)
        if align == "center":
            c.drawCentredString(x, y, text)
        elif align == "right":
            c.drawRightString(x, y, text)
        else:
            c.drawString(x, y, text)

    def _lines(self, text, width, size, bold=False) -> list[str]:
        return simpleSplit(text, self.bold if bold else self.regular, size, width)

    def _header(self, top: float) -> float:
        s, t = self.s, self.t
        left_width = (PAGE_WIDTH - 2 * MARGIN) * 0.55
        y = top
        for line in self._lines(s["organisation"]["name"], left_width, 12, bold=True):
            self._text(MARGIN, y, line, 12, bold=True, color=self.accent)
            y -= 15
        for line in (s["organisation"].get("address") or "").splitlines():
            self._text(MARGIN, y, line, 8.5, color=MUTED)
            y -= 11
        right = PAGE_WIDTH - MARGIN
        right_width = (PAGE_WIDTH - 2 * MARGIN) * 0.42
        ry = top
        for label, value in ((t["funded_by"], s.get("funding_body")), (t["partners"], s.get("partners"))):
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
        c = self.c
        self._text(PAGE_WIDTH / 2, y - 30, self.t["title"], 34, bold=True, color=self.accent, align="center")
        c.setStrokeColor(self.accent)
        c.setLineWidth(1)
        c.line(PAGE_WIDTH / 2 - 70, y - 44, PAGE_WIDTH / 2 + 70, y - 44)
        return y - 44

    def _holder(self, y: float) -> float:
        s, t = self.s, self.t
        centre = PAGE_WIDTH / 2
        width = PAGE_WIDTH - 2 * MARGIN
        for line in self._lines(s["participant"]["full_name"], width, 22, bold=True):
            y -= 26
            self._text(centre, y, line, 22, bold=True, align="center")
        y -= 17
        self._text(
            centre, y, t["born"].format(date=format_date(s["participant"]["date_of_birth"])), 10.5, align="center"
        )
        y -= 24
        self._text(centre, y, t["intro"], 10.5, align="center")
        for line in self._lines(s["programme"]["title"], width, 15, bold=True):
            y -= 21
            self._text(centre, y, line, 15, bold=True, color=self.accent, align="center")
        period = t["period"].format(
            start=format_date(s["cohort"]["start_date"]),
            end=format_date(s["cohort"]["end_date"]),
            place=s["site"]["name"],
        )
        for line in self._lines(period, width, 10.5):
            y -= 17
            self._text(centre, y, line, 10.5, align="center")
        if s.get("measure_number"):
            y -= 14
            self._text(
                centre, y, t["measure_number"].format(number=s["measure_number"]), 8, color=MUTED, align="center"
            )
        return y

    def _section_heading(self, y: float, text: str) -> float:
        self._text(MARGIN, y, text.upper(), 8.5, bold=True, color=self.accent)
        self.c.setStrokeColor(self.accent)
        self.c.setLineWidth(0.6)
        self.c.line(MARGIN, y - 4, PAGE_WIDTH - MARGIN, y - 4)
        return y - 4

    # The lowest point the contents may reach: the place/date and signature block start above it.
    CONTENT_FLOOR = 232

    def _module_rows_height(self, size: float) -> float:
        title_width = PAGE_WIDTH - 2 * MARGIN - 150
        lines = sum(len(self._lines(f"{m['position']}. {m['title']}", title_width, size)) for m in self.s["modules"])
        return size * 0.6 * len(self.s["modules"]) + size * 1.27 * lines

    def _module_font(self, top: float) -> float:
        """The largest of a few font sizes at which the modules and the placement fit above the signature
        block, so a long curriculum still makes a one-page certificate."""
        fixed = 24 + 26 + 20 + 4 + 36  # table heading, total and note, placement heading and rows
        for size in (9.5, 8.5, 7.5, 6.5):
            if top - fixed - self._module_rows_height(size) >= self.CONTENT_FLOOR:
                return size
        return 6.5

    def _modules(self, y: float, size: float = 9.5) -> float:
        s, t, c, lang = self.s, self.t, self.c, self.language
        y = self._section_heading(y, t["contents"])
        units_x = PAGE_WIDTH - MARGIN - 6
        title_width = PAGE_WIDTH - 2 * MARGIN - 150
        y -= 15
        self._text(MARGIN + 6, y, t["module"], 8, bold=True, color=MUTED)
        self._text(units_x, y, t["units"], 8, bold=True, color=MUTED, align="right")
        y -= 5
        attended_total = Decimal(0)
        planned_total = 0
        for index, module in enumerate(s["modules"]):
            lines = self._lines(f"{module['position']}. {module['title']}", title_width, size)
            leading = size * 1.27
            height = size * 0.6 + leading * len(lines)
            if index % 2 == 0:
                c.setFillColor(self.band)
                c.rect(MARGIN, y - height, PAGE_WIDTH - 2 * MARGIN, height, stroke=0, fill=1)
            line_y = y - size * 0.3 - size
            for line in lines:
                self._text(MARGIN + 6, line_y, line, size)
                line_y -= leading
            units = t["units_value"].format(
                attended=format_number(module["attended_units"], lang), planned=module["planned_units"]
            )
            self._text(units_x, y - size * 0.3 - size, units, size, align="right")
            attended_total += Decimal(str(module["attended_units"]))
            planned_total += int(module["planned_units"])
            y -= height
        c.setStrokeColor(self.accent)
        c.setLineWidth(0.6)
        c.line(MARGIN, y, PAGE_WIDTH - MARGIN, y)
        y -= 13
        self._text(MARGIN + 6, y, t["total"], 9.5, bold=True)
        total = t["units_value"].format(attended=format_number(attended_total, lang), planned=planned_total)
        self._text(units_x, y, total, 9.5, bold=True, align="right")
        y -= 13
        self._text(MARGIN + 6, y, t["units_note"], 7.5, color=MUTED)
        return y

    def _placement(self, y: float) -> float:
        s, t, c = self.s, self.t, self.c
        y = self._section_heading(y, t["placement"])
        placement = s.get("placement")
        if not placement:
            self._text(MARGIN + 6, y - 14, t["no_placement"], 9.5)
            return y - 14
        hours = format_number(Decimal(placement["confirmed_minutes"]) / 60, self.language)
        label = placement["facility_type_label"]
        if isinstance(label, dict):  # stored in both languages
            label = label.get(self.language) or next(iter(label.values()))
        rows = ((t["facility_type"], label), (t["placement_hours"], hours))
        for index, (label, value) in enumerate(rows):
            if index % 2 == 0:
                c.setFillColor(self.band)
                c.rect(MARGIN, y - 18, PAGE_WIDTH - 2 * MARGIN, 18, stroke=0, fill=1)
            self._text(MARGIN + 6, y - 12.5, label, 9.5)
            self._text(PAGE_WIDTH - MARGIN - 6, y - 12.5, value, 9.5, align="right")
            y -= 18
        return y

    def _signature(self) -> None:
        s, t, c = self.s, self.t, self.c
        y = 208
        place_date = t["place_date"].format(place=s["site"]["name"], date=format_date(s["issued_on"]))
        self._text(MARGIN, y, place_date, 10)
        line_left = PAGE_WIDTH - MARGIN - 210
        c.setStrokeColor(INK)
        c.setLineWidth(0.6)
        c.line(line_left, y - 4, PAGE_WIDTH - MARGIN, y - 4)
        self._text(line_left, y - 15, t["signature"], 7.5, color=MUTED)
        self._text(line_left, y - 28, s["signatory"]["name"], 9.5, bold=True)
        for i, line in enumerate(self._lines(t["for"].format(organisation=s["organisation"]["name"]), 210, 8)):
            self._text(line_left, y - 40 - 10 * i, line, 8, color=MUTED)

    def _footer(self) -> None:
        s, t, c = self.s, self.t, self.c
        size = 74
        x, y = PAGE_WIDTH - MARGIN - size, 52
        draw_qr(c, s["verification_url"], x, y, size, mask=s.get("qr_mask"), rows=s.get("qr_rows"))
        c.setStrokeColor(self.accent)
        c.setLineWidth(0.6)
        c.line(MARGIN, y + size + 10, PAGE_WIDTH - MARGIN, y + size + 10)
        self._text(MARGIN, y + size - 10, t["number"].format(number=s["number"]), 11, bold=True, color=self.accent)
        self._text(MARGIN, y + size - 25, t["code"].format(code=split_code(s["verification_code"])), 9)
        check_url = s["verification_url"].rsplit("/", 2)[0] + "/"
        text_width = x - MARGIN - 16
        for i, line in enumerate(self._lines(t["verify"].format(url=check_url), text_width, 7.5)):
            self._text(MARGIN, y + size - 42 - 10 * i, line, 7.5, color=MUTED)


class CertificateRendererV1(DocumentRenderer):
    """The Zertifikat as issued until December 2026."""


class CertificateRendererV2(DocumentRenderer):
    """The Zertifikat from December 2026: says what it certifies."""

    version = 2
    wording = CERTIFICATE_V2

    def _holder(self, y: float) -> float:
        y = super()._holder(y)
        text = self.t["criteria"] if self.s.get("placement") else self.t["criteria_no_placement"]
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
        c = self.c
        c.setStrokeColor(MUTED)
        c.setLineWidth(0.8)
        c.rect(30, 30, PAGE_WIDTH - 60, PAGE_HEIGHT - 60, stroke=1, fill=0)

    def _title(self, y: float) -> float:
        c, t = self.c, self.t
        c.setFillColor(self.band)
        c.rect(MARGIN, y - 50, PAGE_WIDTH - 2 * MARGIN, 50, stroke=0, fill=1)
        self._text(MARGIN + 12, y - 16, t["kicker"].upper(), 8, bold=True, color=MUTED)
        self._text(MARGIN + 12, y - 40, t["title"], 22, bold=True, color=GREY)
        y -= 50
        for line in self._lines(t["not_a_certificate"], PAGE_WIDTH - 2 * MARGIN, 8.5):
            y -= 12
            self._text(MARGIN, y, line, 8.5, color=MUTED)
        return y

    def _holder(self, y: float) -> float:
        s, t = self.s, self.t
        width = PAGE_WIDTH - 2 * MARGIN
        for line in self._lines(s["participant"]["full_name"], width, 18, bold=True):
            y -= 22
            self._text(MARGIN, y, line, 18, bold=True)
        y -= 15
        self._text(MARGIN, y, t["born"].format(date=format_date(s["participant"]["date_of_birth"])), 10)
        y -= 20
        self._text(MARGIN, y, t["intro"], 10)
        for line in self._lines(s["programme"]["title"], width, 13, bold=True):
            y -= 17
            self._text(MARGIN, y, line, 13, bold=True, color=GREY)
        attended = s["attendance"]
        period = t["period"].format(
            start=format_date(attended["from"]), end=format_date(attended["until"]), place=s["site"]["name"]
        )
        for line in self._lines(period, width, 10):
            y -= 15
            self._text(MARGIN, y, line, 10)
        if attended.get("left_on"):
            y -= 15
            self._text(MARGIN, y, t["left"].format(date=format_date(attended["left_on"])), 10)
        y -= 14
        course = t["course_period"].format(
            start=format_date(s["cohort"]["start_date"]), end=format_date(s["cohort"]["end_date"])
        )
        if s.get("measure_number"):
            course += " · " + t["measure_number"].format(number=s["measure_number"])
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


# The name every caller has used: it now picks the renderer of the snapshot's version.
CertificateRenderer = renderer_for


def qr_rows_for(data: str) -> list[str]:
    """The QR code of ``data``, row by row, each row's modules as one hexadecimal number (dark = 1, the
    leftmost module the highest bit). Encoding costs 2–5 ms per code (Reed–Solomon blocks, eight masks
    evaluated), a quarter of a certificate's drawing; it is done once when a certificate is issued and kept
    in the snapshot, so drawing only reads the rows."""
    matrix = segno.make(data, error="m", micro=False).matrix
    digits = (len(matrix) + 3) // 4
    return [format(int(_bits(row), 2), f"0{digits}x") for row in matrix]


def _bits(row) -> str:
    return "".join("1" if dark else "0" for dark in row)


def _qr_bit_rows(data: str, mask: int | None, rows: list[str] | None) -> list[str]:
    """The code's rows as strings of 0 and 1: from the snapshot's rows, else encoded now."""
    if rows:
        width = len(rows)
        return [format(int(row, 16), f"0{width}b") for row in rows]
    return [_bits(row) for row in segno.make(data, error="m", micro=False, mask=mask).matrix]


_DARK_RUN = re.compile("1+")


def draw_qr(
    c: Canvas, data: str, x: float, y: float, size: float, mask: int | None = None, rows: list[str] | None = None
) -> None:
    """A QR code on a white quiet zone, drawn as one filled path of merged runs.

    Each row's neighbouring dark modules become one rectangle (a few hundred instead of ~600), written
    as literal PDF operators in module units inside a scaling matrix: integer coordinates need no float
    formatting, which is what makes reportlab's own QR widget slow (~20 ms per code). ``rows`` (from
    ``qr_rows_for``) or ``mask`` spare the encoding."""
    bit_rows = _qr_bit_rows(data, mask, rows)
    count = len(bit_rows)
    quiet = 2
    module = size / (count + 2 * quiet)
    c.setFillColor(white)
    c.rect(x, y, size, size, stroke=0, fill=1)
    ops = []
    for row_index, bits in enumerate(bit_rows):
        row_y = count - 1 - row_index  # PDF's y axis points up, the matrix's rows go down
        for run in _DARK_RUN.finditer(bits):
            ops.append(f"{run.start()} {row_y} {run.end() - run.start()} 1 re")
    origin_x = x + quiet * module
    origin_y = y + quiet * module
    c.saveState()
    c.setFillColor(black)
    c.addLiteral(f"{module:.4f} 0 0 {module:.4f} {origin_x:.3f} {origin_y:.3f} cm\n" + "\n".join(ops) + "\nf")
    c.restoreState()


def zip_certificates(snapshots, language: str | None = None) -> bytes:
    """The whole ZIP of ``stream_certificates_zip`` as one bytes object (same bytes, one code path)."""
    return b"".join(stream_certificates_zip(snapshots, language))


class _ZipChunks:
    """What ``zipfile`` writes, kept until ``take()`` hands it on. Deliberately without ``seek``/``tell``:
    ``ZipFile`` then treats it as unseekable and writes each entry's sizes and CRC in a data descriptor
    after the data instead of seeking back into the local header, so written bytes are final at once."""

    def __init__(self):
        self._chunks: list[bytes] = []

    def write(self, data) -> int:
        self._chunks.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data


def stream_certificates_zip(snapshots, language: str | None = None, sign=None):
    """One ZIP with a PDF per snapshot, named by certificate number, yielded piece by piece: each
    certificate's entry as soon as it is drawn, the central directory last. Memory holds one PDF, not the
    whole ZIP. Stored, not deflated: the PDFs' streams are already compressed, so deflating again would
    cost time and save nothing. Entry times come from the snapshots, so the bytes are deterministic."""
    writer = _ZipChunks()
    with zipfile.ZipFile(writer, "w", compression=zipfile.ZIP_STORED) as archive:
        for snapshot in snapshots:
            info = zipfile.ZipInfo(pdf_filename(snapshot, language), date_time=_zip_time(snapshot))
            pdf = CertificateRenderer(snapshot, language).render()
            archive.writestr(info, sign(snapshot, pdf) if sign else pdf)  # sign: certificates.signing.zip_signer
            yield writer.take()
    yield writer.take()  # the central directory, written when the archive closes


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


def _zip_time(snapshot: dict) -> tuple:
    issued = datetime.datetime.fromisoformat(snapshot["issued_at"]).astimezone(datetime.UTC)
    return (max(issued.year, 1980), issued.month, issued.day, issued.hour, issued.minute, issued.second)
