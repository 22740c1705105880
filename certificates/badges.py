"""The badge as a PNG image with the signed credential baked in, and reading it back (Open Badges 3.0,
section 5.3 "Baking": an ``iTXt`` chunk with the keyword ``openbadgecredential``, uncompressed, holding the
compact JWS; at most one such chunk per image). The SVG form is ``certificates.credentials.baked_svg``.

Reading an uploaded PNG walks its chunk headers only: the image data is never decompressed, so a hostile
file (a decompression bomb, a huge canvas) costs no more than its bytes.
"""

import functools
import io
import struct
import zlib

from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

from core.fonts import FONT_DIR

KEYWORD = "openbadgecredential"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SIZE = 320
_BLUE, _WHITE, _INK = (11, 83, 148), (255, 255, 255), (34, 34, 34)


def baked_png(token: str, *, title: str, number: str) -> bytes:
    """A round badge with the programme's title and the certificate number, and the credential baked in."""
    image = Image.new("RGB", (SIZE, SIZE), _WHITE)
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, SIZE - 10, SIZE - 10), fill=_BLUE)
    draw.ellipse((30, 30, SIZE - 30, SIZE - 30), fill=_WHITE)
    title_font, number_font = _fonts()
    for offset, line in enumerate(_wrap(title[:64], title_font, SIZE - 90)[:3]):
        draw.text((SIZE / 2, 125 + 22 * offset), line, font=title_font, fill=_BLUE, anchor="mm")
    draw.text((SIZE / 2, 215), number, font=number_font, fill=_INK, anchor="mm")
    info = PngInfo()
    info.add_itxt(KEYWORD, token, lang="", tkey="", zip=False)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", pnginfo=info, optimize=False)
    return buffer.getvalue()


@functools.cache
def _fonts():
    # Read once per process, like the PDF fonts.
    return (
        ImageFont.truetype(str(FONT_DIR / "DejaVuSans-Bold.ttf"), 17),
        ImageFont.truetype(str(FONT_DIR / "DejaVuSans.ttf"), 16),
    )


def _wrap(text: str, font, width: float) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and font.getlength(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def credential_from_png(data: bytes) -> str | None:
    """The credential baked into a PNG, or None (not a PNG, no such chunk, more than one, or damaged)."""
    if not data.startswith(PNG_SIGNATURE):
        return None
    found = []
    position = len(PNG_SIGNATURE)
    while position + 12 <= len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        if len(body) != length:
            return None  # truncated
        if kind == b"iTXt" and body.startswith(KEYWORD.encode() + b"\0"):
            found.append(body)
        if kind == b"IEND":
            break
        position += 12 + length
    if len(found) != 1:
        return None
    return _itxt_text(found[0])


def _itxt_text(body: bytes) -> str | None:
    # keyword \0, compression flag, compression method, language tag \0, translated keyword \0, text
    try:
        rest = body[len(KEYWORD) + 1 :]
        compressed, rest = rest[0], rest[2:]
        _language, rest = rest.split(b"\0", 1)
        _translated, text = rest.split(b"\0", 1)
        if compressed:  # the specification says uncompressed; read it anyway, bounded
            decompressor = zlib.decompressobj()
            text = decompressor.decompress(text, 512 * 1024)
            if decompressor.unconsumed_tail:
                return None
        return text.decode("utf-8")
    except (IndexError, ValueError, zlib.error):
        return None
