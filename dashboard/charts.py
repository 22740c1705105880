"""Charts drawn once with reportlab.graphics: the same Drawing becomes the page's SVG (renderSVG) and a
flowable of the quarterly report's PDF. No JavaScript, no CDN; the page shows every chart's numbers as a
table under it, made from the same :class:`Chart` (docs/dashboard.md, "Charts")."""

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.graphics import renderSVG
from reportlab.graphics.shapes import Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from core.fonts import register_fonts
from core.numbers import decimal_text

INK = colors.HexColor("#212529")
GRID = colors.HexColor("#adb5bd")
# Two series colours with at least 3:1 contrast to white and to each other's shape (line vs. dashed line).
SERIES = (colors.HexColor("#1f4e79"), colors.HexColor("#b8420f"), colors.HexColor("#2e6b30"))
WIDTH = 640
LABEL_CHARS = 38


@dataclass(frozen=True)
class Chart:
    """What a chart shows: one row per label, one value per series. ``percent`` charts run from 0 to 100."""

    key: str
    title: str
    labels: list[str]
    series: list[tuple[str, list]]  # (name, values; None where there is nothing to count)
    kind: str = "bar"  # "bar" (horizontal bars, one row per label) or "line" (labels along the x axis)
    percent: bool = False
    label_heading: str = ""
    notes: list[str] = field(default_factory=list)

    def formatted(self, value) -> str:
        if value is None:
            return "–"
        return decimal_text(value, 1) if self.percent else str(value)

    @property
    def rows(self) -> list[tuple[str, list[str]]]:
        """The table under the chart: the same numbers, formatted as on the chart."""
        return [
            (label, [self.formatted(values[i]) for _, values in self.series]) for i, label in enumerate(self.labels)
        ]

    @property
    def empty(self) -> bool:
        return not self.labels or all(v is None for _, values in self.series for v in values)

    def description(self) -> str:
        return "; ".join(
            f"{label}: " + ", ".join(f"{name} {value}" for (name, _), value in zip(self.series, values, strict=True))
            for label, values in self.rows
        )


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def draw(chart: Chart) -> Drawing:
    font, bold = register_fonts()
    return _bars(chart, font, bold) if chart.kind == "bar" else _lines(chart, font, bold)


def _bars(chart: Chart, font: str, bold: str) -> Drawing:
    row_height = 16 * len(chart.series) + 8
    top, bottom = 34, 12
    height = top + bottom + row_height * max(len(chart.labels), 1)
    drawing = Drawing(WIDTH, height)
    drawing.add(String(0, height - 18, chart.title, fontName=bold, fontSize=12, fillColor=INK))
    label_width = min(
        max((stringWidth(_short(label), font, 9) for label in chart.labels), default=40) + 8, WIDTH * 0.45
    )
    bar_left, bar_right = label_width, WIDTH - 60
    numbers = [v for _, values in chart.series for v in values if v is not None]
    biggest = 100 if chart.percent else max(numbers + [1])
    if len(chart.series) > 1:  # a key, since bars of several series stand under one label
        x = bar_left
        for index, (name, _) in enumerate(chart.series):
            drawing.add(Rect(x, height - 30, 8, 8, fillColor=SERIES[index % 3], strokeColor=None))
            drawing.add(String(x + 11, height - 30, name, fontName=font, fontSize=8, fillColor=INK))
            x += stringWidth(name, font, 8) + 30
    for row, label in enumerate(chart.labels):
        y_top = height - top - row * row_height
        drawing.add(String(0, y_top - 14, _short(label), fontName=font, fontSize=9, fillColor=INK))
        for index, (_, values) in enumerate(chart.series):
            value = values[row]
            y = y_top - 16 * (index + 1)
            length = 0 if value is None else (bar_right - bar_left) * float(value) / float(biggest or 1)
            drawing.add(Rect(bar_left, y, max(length, 0.5), 12, fillColor=SERIES[index % 3], strokeColor=None))
            drawing.add(
                String(bar_left + length + 4, y + 2, chart.formatted(value), fontName=font, fontSize=9, fillColor=INK)
            )
    drawing.add(Line(bar_left, bottom, bar_left, height - top + 4, strokeColor=GRID, strokeWidth=0.5))
    return drawing


def _lines(chart: Chart, font: str, bold: str) -> Drawing:
    height = 260
    left, right, bottom, top = 40, WIDTH - 10, 40, height - 44
    drawing = Drawing(WIDTH, height)
    drawing.add(String(0, height - 18, chart.title, fontName=bold, fontSize=12, fillColor=INK))
    numbers = [v for _, values in chart.series for v in values if v is not None]
    biggest = 100 if chart.percent else max(numbers + [1])
    for step in range(5):  # grid lines at 0, 25, 50, 75, 100 % of the scale
        value = biggest * step / 4
        y = bottom + (top - bottom) * step / 4
        drawing.add(Line(left, y, right, y, strokeColor=GRID, strokeWidth=0.5))
        drawing.add(
            String(
                left - 4,
                y - 3,
                chart.formatted(round(value)),
                fontName=font,
                fontSize=8,
                fillColor=INK,
                textAnchor="end",
            )
        )
    count = len(chart.labels)
    gap = (right - left) / max(count, 1)
    label_every = max(1, count // 12)  # at most about 12 labels on the axis; the table has them all
    for i, label in enumerate(chart.labels):
        if i % label_every == 0:
            drawing.add(
                String(
                    left + gap * (i + 0.5),
                    bottom - 14,
                    _short(label, 12),
                    fontName=font,
                    fontSize=8,
                    fillColor=INK,
                    textAnchor="middle",
                )
            )
    x = left
    for index, (name, values) in enumerate(chart.series):
        colour = SERIES[index % 3]
        points = []
        for i, value in enumerate(values):
            if value is None:
                continue
            px = left + gap * (i + 0.5)
            py = bottom + (top - bottom) * float(value) / float(biggest or 1)
            points.append((px, py))
            drawing.add(Rect(px - 2.5, py - 2.5, 5, 5, fillColor=colour, strokeColor=None))
            if count <= 24:  # values on the points while they fit
                drawing.add(
                    String(
                        px,
                        py + 5,
                        chart.formatted(value),
                        fontName=font,
                        fontSize=7,
                        fillColor=INK,
                        textAnchor="middle",
                    )
                )
        if len(points) > 1:
            drawing.add(
                PolyLine(
                    [c for p in points for c in p],
                    strokeColor=colour,
                    strokeWidth=1.5,
                    strokeDashArray=None if index == 0 else [4, 2],
                )
            )
        drawing.add(Rect(x, 8, 14, 3, fillColor=colour, strokeColor=None))
        drawing.add(String(x + 18, 6, name, fontName=font, fontSize=8, fillColor=INK))
        x += stringWidth(name, font, 8) + 40
    return drawing


def svg(chart: Chart) -> str:
    """The chart as an SVG document with its title and its numbers as the description (screen readers,
    and anyone opening the image alone)."""
    text = renderSVG.drawToString(draw(chart))
    text = text.replace("<title>...</title>", f"<title>{escape(chart.title)}</title>", 1)
    text = text.replace("<desc>...</desc>", f"<desc>{escape(chart.description())}</desc>", 1)
    text = text.replace("<svg ", '<svg role="img" ', 1)
    family = "font-family: 'DejaVu Sans', Arial, sans-serif;"  # the PDF's font where the reader has it
    text = text.replace("font-family: DejaVuSans-Bold;", family + " font-weight: bold;")
    return text.replace("font-family: DejaVuSans;", family)
