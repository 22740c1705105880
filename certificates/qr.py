"""The certificate's QR code (its verification URL): encoded with segno once at issue time and kept in the
snapshot as rows (``qr_rows_for``), drawn as one path of merged horizontal runs (``draw_qr``) instead of
reportlab's QR widget, which formats a float pair per module."""

import re

import segno
from reportlab.lib.colors import black, white
from reportlab.pdfgen.canvas import Canvas


def qr_rows_for(data: str) -> list[str]:
    """The QR code of ``data``, row by row, each row's modules as one hexadecimal number (dark = 1, the
    leftmost module the highest bit). Encoding (Reed–Solomon blocks, eight masks evaluated) is a large share
    of a certificate's drawing (docs/benchmarks.md); it is done once when a certificate is issued and kept
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
    canvas: Canvas, data: str, x: float, y: float, size: float, mask: int | None = None, rows: list[str] | None = None
) -> None:
    """A QR code on a white quiet zone, drawn as one filled path of merged runs.

    Each row's neighbouring dark modules become one rectangle (a few hundred instead of ~600), written
    as literal PDF operators in module units inside a scaling matrix: integer coordinates need no float
    formatting, which is what makes reportlab's own QR widget slow. ``rows`` (from
    ``qr_rows_for``) or ``mask`` spare the encoding."""
    bit_rows = _qr_bit_rows(data, mask, rows)
    count = len(bit_rows)
    quiet = 2
    module = size / (count + 2 * quiet)
    canvas.setFillColor(white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    ops = []
    for row_index, bits in enumerate(bit_rows):
        row_y = count - 1 - row_index  # PDF's y axis points up, the matrix's rows go down
        for run in _DARK_RUN.finditer(bits):
            ops.append(f"{run.start()} {row_y} {run.end() - run.start()} 1 re")
    origin_x = x + quiet * module
    origin_y = y + quiet * module
    canvas.saveState()
    canvas.setFillColor(black)
    canvas.addLiteral(f"{module:.4f} 0 0 {module:.4f} {origin_x:.3f} {origin_y:.3f} cm\n" + "\n".join(ops) + "\nf")
    canvas.restoreState()
