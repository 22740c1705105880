"""The PDF font: DejaVu Sans (free licence, see LICENSE-DejaVu.txt), shipped in the repository so every
machine prints the same glyphs. It covers every Latin script the participants' names use (Turkish ş/ı,
Polish ł/ą, Vietnamese ễ/ư/ạ) plus Cyrillic; reportlab's bundled Vera lacks many of these.

The files are DejaVu Sans 2.37 without its TrueType hinting programs, which PDF viewers and printers do
not use but every certificate embedded with each glyph: a third of the PDF and of its compression time.
Outlines, metrics, character map and names are unchanged (fontTools 4, every glyph kept)::

    pyftsubset DejaVuSans.ttf --glyphs='*' --unicodes='*' --no-hinting --layout-features='*' \
        --name-IDs='*' --name-languages='*' --name-legacy --notdef-outline --glyph-names --legacy-kern \
        --drop-tables= --output-file=DejaVuSans.ttf   # and the same for DejaVuSans-Bold.ttf
"""

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parent
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"

_registered = False


def register_fonts() -> tuple[str, str]:
    """Register the fonts with reportlab once per process (parsing a TTF costs milliseconds). Changes no
    other reportlab setting: binary page streams come from ``core.pdf_canvas.Canvas``."""
    global _registered
    if not _registered:
        pdfmetrics.registerFont(TTFont(REGULAR, str(FONT_DIR / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont(BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
        pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
        _registered = True
    return REGULAR, BOLD


def missing_glyphs(text: str) -> set[str]:
    """Characters of ``text`` the font cannot draw (for tests and for warnings before printing)."""
    register_fonts()
    face = pdfmetrics.getFont(REGULAR).face
    return {ch for ch in text if not ch.isspace() and ord(ch) not in face.charToGlyph}
