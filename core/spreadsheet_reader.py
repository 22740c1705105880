"""The bounded spreadsheet reader: rows of an uploaded CSV, XLSX or ODS file, read as a stream within limits.

A file of a few kilobytes can describe gigabytes: a ZIP part that inflates a thousandfold, an ODS row
"repeated" a million times, an XLSX cell in column XFD that makes a naive reader pad every row to 16,384
cells, a CSV of five million empty lines. So every upload is bounded *before* it is read (the size of the
file; the ZIP directory: size of each part, their sum, the compression ratio; none of it inflated) and
*while* it is read (rows, columns, characters per cell, empty rows), and the reading stops at the first
limit with a message that names it. Only the first sheet is read; only the non-empty rows are kept, as
``(row number as the spreadsheet program shows it, [values])``; values are ``str``, ``int``, ``float``,
``bool``, ``datetime.date``/``datetime.datetime`` or ``None``.

The limits come from settings (``SPREADSHEET_*``, see docs/security.md); ``UploadLimits`` has the defaults.
"""

import csv
import datetime
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, fields
from xml.etree.ElementTree import iterparse
from xml.parsers import expat

from charset_normalizer import from_bytes
from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .exceptions import DomainError

MiB = 1024 * 1024


class SpreadsheetRefused(DomainError):
    """The file as a whole cannot be read; nothing was imported."""


@dataclass(frozen=True)
class UploadLimits:
    max_bytes: int = 5 * MiB  # the uploaded file
    max_rows: int = 20_000  # rows with content after the title row
    max_columns: int = 50  # a value further right refuses the file; empty cells there are ignored
    max_cell_chars: int = 1_000
    max_empty_rows: int = 100_000  # empty rows or lines actually written in the file (gaps cost nothing)
    max_part_bytes: int = 20 * MiB  # one part of an XLSX/ODS file, uncompressed
    max_unpacked_bytes: int = 40 * MiB  # all parts together, uncompressed
    max_compression_ratio: int = 100  # for parts over 1 MiB; office files reach 10 to 30
    max_parts: int = 500

    SETTINGS = {
        "max_bytes": "SPREADSHEET_MAX_UPLOAD_BYTES",
        "max_rows": "SPREADSHEET_MAX_ROWS",
        "max_columns": "SPREADSHEET_MAX_COLUMNS",
        "max_cell_chars": "SPREADSHEET_MAX_CELL_CHARS",
        "max_empty_rows": "SPREADSHEET_MAX_EMPTY_ROWS",
        "max_part_bytes": "SPREADSHEET_MAX_PART_BYTES",
        "max_unpacked_bytes": "SPREADSHEET_MAX_UNPACKED_BYTES",
        "max_compression_ratio": "SPREADSHEET_MAX_COMPRESSION_RATIO",
        "max_parts": "SPREADSHEET_MAX_PARTS",
    }

    @classmethod
    def from_settings(cls) -> "UploadLimits":
        values = {}
        for item in fields(cls):
            name = cls.SETTINGS[item.name]
            if getattr(settings, name, None) is not None:
                values[item.name] = int(getattr(settings, name))
        return cls(**values)


RATIO_CHECKED_FROM = MiB  # small parts cannot hurt, however tightly packed


def size_text(size: int) -> str:
    if size >= 10 * MiB:
        return f"{size / MiB:.0f} MB"
    if size >= MiB:
        return f"{size / MiB:.1f} MB".replace(".0 MB", " MB")
    return f"{max(1, round(size / 1024))} KB"


def _count(number: int) -> str:
    return number_format(number, force_grouping=True)


def column_letters(number: int) -> str:
    """1 -> A, 27 -> AA, 16384 -> XFD."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _not_a_spreadsheet() -> SpreadsheetRefused:
    return SpreadsheetRefused(_("This file is not a spreadsheet. Please upload a CSV, XLSX or ODS file."))


# --- before reading: the size and the ZIP directory --------------------------------------------------------


def check_size(data_size: int, limits: UploadLimits) -> None:
    if data_size > limits.max_bytes:
        raise SpreadsheetRefused(
            _("The file is larger than %(size)s. Please split it into smaller files.")
            % {"size": size_text(limits.max_bytes)}
        )


def check_zip_directory(archive: zipfile.ZipFile, limits: UploadLimits) -> None:
    """Refuse a ZIP bomb from its directory alone. zipfile never inflates a part beyond the size its
    directory entry states (it stops there and reports a damaged file), so checking the stated sizes bounds
    what reading can ever produce."""
    infos = archive.infolist()
    if len(infos) > limits.max_parts:
        raise SpreadsheetRefused(
            _("The file contains %(count)d parts; a spreadsheet has at most %(max)d. It is not read.")
            % {"count": len(infos), "max": limits.max_parts}
        )
    total = 0
    for info in infos:
        if info.file_size > limits.max_part_bytes:
            raise SpreadsheetRefused(
                _(
                    "The part “%(part)s” of the file unpacks to %(actual)s; at most %(max)s per part are read. "
                    "Please check the file or split it."
                )
                % {
                    "part": info.filename[:80],
                    "actual": size_text(info.file_size),
                    "max": size_text(limits.max_part_bytes),
                }
            )
        if info.file_size > RATIO_CHECKED_FROM:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_compression_ratio:
                raise SpreadsheetRefused(
                    _(
                        "The part “%(part)s” of the file is packed %(ratio)d-fold; at most %(max)d-fold is "
                        "accepted. The file looks like a ZIP bomb and is not read."
                    )
                    % {"part": info.filename[:80], "ratio": ratio, "max": limits.max_compression_ratio}
                )
        total += info.file_size
    if total > limits.max_unpacked_bytes:
        raise SpreadsheetRefused(
            _("The file unpacks to %(actual)s; at most %(max)s are read. Please split it.")
            % {"actual": size_text(total), "max": size_text(limits.max_unpacked_bytes)}
        )


def open_zip(data: bytes, limits: UploadLimits) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _not_a_spreadsheet() from None
    check_zip_directory(archive, limits)
    return archive


def detect_format(data: bytes, limits: UploadLimits) -> str:
    """``"xlsx"``, ``"ods"`` or ``"csv"``; refuses old .xls files, other ZIP files and ZIP bombs."""
    if data.startswith(b"PK\x03\x04"):
        with open_zip(data, limits) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" in names:
                return "xlsx"
            if "mimetype" in names:
                try:
                    with archive.open("mimetype") as part:
                        mimetype = part.read(100)
                except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
                    mimetype = b""
                if mimetype.startswith(b"application/vnd.oasis.opendocument.spreadsheet"):
                    return "ods"
        raise _not_a_spreadsheet()
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise SpreadsheetRefused(
            _(
                "This is an old Excel file (.xls). Please save it as “Excel workbook (.xlsx)” or as CSV "
                "and upload it again."
            )
        )
    return "csv"


# --- while reading: rows, columns, cells ---------------------------------------------------------------


def _is_empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _cell_too_long(row: int, column: int, limits: UploadLimits) -> SpreadsheetRefused:
    return SpreadsheetRefused(
        _(
            "The cell in row %(row)d, column %(column)s has more than %(max)d characters; at most %(max)d "
            "characters per cell are read."
        )
        % {"row": row, "column": column_letters(column), "max": limits.max_cell_chars}
    )


def _too_far_right(row: int, column: int, limits: UploadLimits) -> SpreadsheetRefused:
    return SpreadsheetRefused(
        _(
            "Row %(row)d has a value in column %(column)s; at most %(max)d columns (up to column %(last)s) "
            "are read. Please delete the columns further right."
        )
        % {
            "row": row,
            "column": column_letters(column),
            "max": limits.max_columns,
            "last": column_letters(limits.max_columns),
        }
    )


class _RowCounter:
    """Counts what the file holds and refuses it at the first limit."""

    def __init__(self, limits: UploadLimits):
        self.limits = limits
        self.kept = 0
        self.empty = 0

    def empty_row(self) -> None:
        self.empty += 1
        if self.empty > self.limits.max_empty_rows:
            raise SpreadsheetRefused(
                _("The file has more than %(max)s empty rows. Please delete them and upload the file again.")
                % {"max": _count(self.limits.max_empty_rows)}
            )

    def keep(self, count: int = 1) -> None:
        # The first row with content holds the column titles; max_rows counts the rows after it.
        self.kept += count
        if self.kept > self.limits.max_rows + 1:
            raise SpreadsheetRefused(
                _("The file has more than %(max)s rows; at most %(max)s can be imported at once. Please split it.")
                % {"max": _count(self.limits.max_rows)}
            )


def _bounded_row(values: list, number: int, limits: UploadLimits) -> list:
    """The row cut to the column limit; refuses a value beyond it or a cell that is too long."""
    if len(values) > limits.max_columns:
        for index in range(limits.max_columns, len(values)):
            if not _is_empty(values[index]):
                raise _too_far_right(number, index + 1, limits)
        values = values[: limits.max_columns]
    for index, value in enumerate(values):
        if isinstance(value, str) and len(value) > limits.max_cell_chars:
            raise _cell_too_long(number, index + 1, limits)
    return values


# --- CSV -------------------------------------------------------------------------------------------------


def _encoding_refused(encoding: str, error: UnicodeDecodeError | None = None) -> SpreadsheetRefused:
    if error is None:
        return SpreadsheetRefused(
            _(
                "The text encoding of the file could not be recognised safely (it is neither UTF-8 nor "
                "Windows-1252). Please save it as “CSV UTF-8” and upload it again."
            )
        )
    return SpreadsheetRefused(
        _(
            "The file is not valid %(encoding)s text (byte %(position)d). Please save it as “CSV UTF-8” and "
            "upload it again."
        )
        % {"encoding": encoding, "position": error.start + 1}
    )


ENCODING_NAMES = {"utf-8-sig": "UTF-8", "utf-8": "UTF-8", "utf-16": "UTF-16", "cp1252": "Windows-1252"}


def decode_text(data: bytes) -> tuple[str, str]:
    """Text of a CSV file in the encodings spreadsheet programs write by default: UTF-8 (with or without
    byte order mark), UTF-16 (Excel's "Unicode text") and Windows-1252 (Excel's "CSV (Trennzeichen-
    getrennt)" on a German Windows). Bytes that are not valid in the recognised encoding refuse the file
    instead of turning into mojibake; charset-normalizer tells Windows-1252 from broken UTF-8 or another
    code page."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", "utf-8-sig"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", "utf-16"), "utf-16"
    if b"\x00" in data[:4096]:
        # UTF-16 without a byte order mark has a zero byte in every ASCII character; anything else with
        # zero bytes is binary (an image, a PDF, a database file).
        sample = data[:4096]
        for encoding, zeros in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
            if len(sample) > 3 and zeros.count(0) > len(sample) // 4:
                try:
                    return data.decode(encoding), encoding
                except UnicodeDecodeError:
                    break
        raise _not_a_spreadsheet()
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    best = from_bytes(data, cp_isolation=["cp1252"]).best()
    if best is None:
        if _looks_like_utf8(data):
            raise _encoding_refused("UTF-8", utf8_error)
        raise _encoding_refused("")
    return _strict(data, "cp1252", "cp1252"), "cp1252"


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}")


def _looks_like_utf8(data: bytes) -> bool:
    return _UTF8_SEQUENCE.search(data[: 256 * 1024]) is not None


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise _encoding_refused(ENCODING_NAMES.get(name, name), error) from None


def _sniff_delimiter(text: str) -> str:
    lines = [line for line in text[: 64 * 1024].splitlines() if line.strip()][:20]
    if not lines:
        return ";"
    try:
        return csv.Sniffer().sniff("\n".join(lines), delimiters=";,\t").delimiter
    except csv.Error:
        header = lines[0]
        counts = {d: header.count(d) for d in (";", "\t", ",")}
        best = max(counts, key=counts.get)
        return best if counts[best] else ";"


def _looks_binary(text: str) -> bool:
    sample = text[:2000]
    if not sample:
        return False
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t" or ch == "\ufffd")
    return control > len(sample) // 20


def _csv_rows(data: bytes, limits: UploadLimits, counter: _RowCounter, found: dict) -> Iterator[tuple[int, list]]:
    text, encoding = decode_text(data)
    if _looks_binary(text):
        raise _not_a_spreadsheet()
    delimiter = _sniff_delimiter(text)
    found.update(encoding=encoding, delimiter=delimiter)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    try:
        # A spreadsheet program shows one row per record, even if a cell holds a line break.
        for values in reader:
            number += 1
            if all(_is_empty(v) for v in values):
                counter.empty_row()
                continue
            values = _bounded_row(values, number, limits)
            counter.keep()
            yield number, values
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise _cell_too_long(number + 1, 1, limits) from None
        raise SpreadsheetRefused(
            _("The CSV file cannot be read (%(reason)s). Please save it again from the spreadsheet program.")
            % {"reason": error}
        ) from None


# --- XML parts of XLSX and ODS ----------------------------------------------------------------------------

# Elements inside one cell (rich-text runs, spans): far more than any real cell, far less than a bomb.
MAX_ELEMENTS_PER_CELL = 2_000


_LOCAL_NAMES: dict[str, str] = {}


def _local(tag: str) -> str:
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        name = tag.rsplit("}", 1)[-1]
        if len(_LOCAL_NAMES) < 10_000:
            _LOCAL_NAMES[tag] = name
    return name


def _attribute(element, name: str, default=None):
    value = element.get(name)
    if value is not None:
        return value
    for key, value in element.attrib.items():
        if _local(key) == name:
            return value
    return default


def _events(archive: zipfile.ZipFile, name: str, damaged: str):
    """(event, element) pairs of one part, parsed as a stream. Every element outside a kept subtree must be
    removed by the caller so memory stays flat. The standard library's parser (C, with expat >= 2.4) does not
    load external entities and stops entity expansion bombs (docs.python.org, "XML vulnerabilities")."""
    try:
        with archive.open(name) as source:
            yield from iterparse(source, events=("start", "end"))
    except SpreadsheetRefused:
        raise
    except Exception as error:  # damaged XML, DTD, entities, a part larger than its directory entry
        raise SpreadsheetRefused(damaged) from error


class _Tree:
    """Drops each finished element from its parent unless it lies inside an element still being read."""

    def __init__(self):
        self.stack = []

    def start(self, element):
        self.stack.append(element)

    def end(self):
        return self.stack.pop()

    def drop(self, element):
        if self.stack:
            self.stack[-1].remove(element)


def _xlsx_damaged() -> str:
    return _("The Excel file cannot be opened. Is it damaged?")


def _xlsx_first_sheet(archive: zipfile.ZipFile) -> tuple[str, str | None, str | None, bool]:
    """Path of the first sheet, of the shared strings and of the styles; whether dates count from 1904."""
    damaged = _xlsx_damaged()
    sheet_id, date1904 = None, False
    tree = _Tree()
    for event, element in _events(archive, "xl/workbook.xml", damaged):
        if event == "start":
            tree.start(element)
            continue
        tree.end()
        tag = _local(element.tag)
        if tag == "workbookPr":
            date1904 = _attribute(element, "date1904", "0") in ("1", "true")
        if tag == "sheet" and sheet_id is None:
            sheet_id = _attribute(element, "id")
        tree.drop(element)
    if sheet_id is None:
        raise SpreadsheetRefused(damaged)
    sheet = strings = styles = None
    tree = _Tree()
    names = set(archive.namelist())
    for event, element in _events(archive, "xl/_rels/workbook.xml.rels", damaged):
        if event == "start":
            tree.start(element)
            continue
        tree.end()
        if _local(element.tag) == "Relationship":
            kind = (_attribute(element, "Type") or "").rsplit("/", 1)[-1]
            target = _attribute(element, "Target") or ""
            target = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            if _attribute(element, "Id") == sheet_id:
                sheet = target
            elif kind == "sharedStrings":
                strings = target
            elif kind == "styles":
                styles = target
        tree.drop(element)
    if sheet not in names:
        raise SpreadsheetRefused(damaged)
    return sheet, strings if strings in names else None, styles if styles in names else None, date1904


class _TooLong:
    """A shared string over the cell limit; only a cell that uses it refuses the file."""


TOO_LONG = _TooLong()


def _rich_text(element, limits: UploadLimits) -> str | _TooLong:
    """Text of an ``<si>`` or ``<is>``: its ``<t>`` runs, without phonetic guides (``<rPh>``)."""
    if len(element) == 1 and not len(element[0]) and _local(element[0].tag) == "t":  # plain text, no runs
        text = element[0].text or ""
        return TOO_LONG if len(text) > limits.max_cell_chars else text
    parts, length = [], 0
    pending = [element]
    while pending:
        node = pending.pop()
        tag = _local(node.tag)
        if tag == "rPh":
            continue
        if tag == "t":
            parts.append(node.text or "")
            length += len(parts[-1])
            if length > limits.max_cell_chars:
                return TOO_LONG
        pending.extend(reversed(list(node)))
    return "".join(parts)


def _xlsx_shared_strings(archive: zipfile.ZipFile, name: str | None, limits: UploadLimits) -> list:
    if name is None:
        return []
    strings, tree, depth_si, elements = [], _Tree(), None, 0
    max_strings = (limits.max_rows + 1) * limits.max_columns
    for event, element in _events(archive, name, _xlsx_damaged()):
        tag = _local(element.tag)
        if event == "start":
            tree.start(element)
            if tag == "si":
                depth_si, elements = element, 0
            elif depth_si is not None:
                elements += 1
                if elements > MAX_ELEMENTS_PER_CELL:
                    strings.append(TOO_LONG)
                    depth_si = "skip"
            continue
        tree.end()
        if tag == "si":
            if depth_si != "skip":
                strings.append(_rich_text(element, limits))
            depth_si = None
            if len(strings) > max_strings:
                break  # no cell of the readable area can point further
            tree.drop(element)
        elif depth_si is None or depth_si == "skip":
            tree.drop(element)
    return strings


def _xlsx_date_styles(archive: zipfile.ZipFile, name: str | None) -> list[bool]:
    """For each cell style (``s``), whether its number format shows a date."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

    if name is None:
        return []
    custom, styles, tree, in_xfs = {}, [], _Tree(), False
    for event, element in _events(archive, name, _xlsx_damaged()):
        tag = _local(element.tag)
        if event == "start":
            tree.start(element)
            in_xfs = in_xfs or tag == "cellXfs"
            continue
        tree.end()
        if tag == "numFmt":
            custom[_attribute(element, "numFmtId")] = _attribute(element, "formatCode") or ""
        elif tag == "xf" and in_xfs:
            number_format_id = _attribute(element, "numFmtId", "0")
            code = custom.get(number_format_id)
            if code is None and number_format_id.isdigit():
                code = BUILTIN_FORMATS.get(int(number_format_id), "")
            styles.append(bool(code) and is_date_format(code))
            if len(styles) > 100_000:
                break
        elif tag == "cellXfs":
            in_xfs = False
        tree.drop(element)
    return styles


_CELL_REFERENCE = re.compile(r"([A-Z]{1,3})(\d+)")


def _column_number(reference: str | None) -> int | None:
    match = _CELL_REFERENCE.match(reference or "")
    if not match:
        return None
    number = 0
    for letter in match.group(1):
        number = number * 26 + ord(letter) - 64
    return number


def _number(text: str):
    try:
        value = float(text)
    except ValueError:
        return text
    if value.is_integer() and "." not in text and "E" not in text.upper():
        return int(text)
    return value


def _from_excel(value, epoch):
    from openpyxl.utils.datetime import from_excel

    return from_excel(value, epoch)


def _xlsx_value(cell, kind: str, style: int, strings: list, date_styles: list, epoch, limits: UploadLimits):
    value_text = None
    for child in cell:
        tag = _local(child.tag)
        if tag == "v":
            value_text = child.text
        elif tag == "is":
            return _rich_text(child, limits)
    if value_text is None:
        return None
    if kind == "s":
        try:
            return strings[int(value_text)]
        except (ValueError, IndexError):
            return None
    if kind in ("str", "inlineStr", "e"):
        return value_text
    if kind == "b":
        return value_text.strip() in ("1", "true")
    if kind == "d":
        try:
            return datetime.datetime.fromisoformat(value_text)
        except ValueError:
            return value_text
    value = _number(value_text)
    if isinstance(value, (int, float)) and 0 <= style < len(date_styles) and date_styles[style]:
        try:
            return _from_excel(value, epoch)
        except (ValueError, OverflowError):
            return value
    return value


class _SheetHandler:
    """Reads the cells of an XLSX sheet from expat's callbacks: no element tree is built, so memory stays
    flat whatever the sheet's length, and each event costs a few microseconds (the hot path of a long list).
    Finished rows are collected in ``rows`` for the caller to take after each chunk."""

    def __init__(self, strings, date_styles, epoch, limits: UploadLimits, counter: _RowCounter):
        self.strings, self.date_styles, self.epoch = strings, date_styles, epoch
        self.limits, self.counter = limits, counter
        self.rows: list[tuple[int, list]] = []
        self.done = False
        self.row_number = 0
        self.values: list = []
        self.column = 0
        self.in_cell = False
        self.cell_elements = 0
        self.cell_attrs: dict = {}
        self.parts: list[str] = []
        self.length = 0
        self.capture = False
        self.inline = False
        self.phonetic = 0

    def start(self, name, attrs):
        tag = _local(name)
        if self.in_cell:
            self.cell_elements += 1
            if self.cell_elements > MAX_ELEMENTS_PER_CELL:
                raise _cell_too_long(self.row_number, self.column + 1, self.limits)
            if tag == "v":
                self.capture = True
            elif tag == "is":
                self.inline = True
            elif tag == "rPh":
                self.phonetic += 1
            elif tag == "t" and self.inline and not self.phonetic:
                self.capture = True
        elif tag == "c":
            self.in_cell, self.cell_elements, self.cell_attrs = True, 0, attrs
            self.parts, self.length, self.inline, self.phonetic = [], 0, False, 0
        elif tag == "row":
            given = attrs.get("r")
            self.row_number = int(given) if given and given.isdigit() else self.row_number + 1
            self.values, self.column = [], 0

    def text(self, data):
        if self.capture:
            self.parts.append(data)
            self.length += len(data)
            if self.length > self.limits.max_cell_chars:
                raise _cell_too_long(self.row_number, self.column + 1, self.limits)

    def end(self, name):
        tag = _local(name)
        if self.in_cell:
            if tag in ("v", "t"):
                self.capture = False
            elif tag == "rPh":
                self.phonetic -= 1
            elif tag == "c":
                self.in_cell = False
                self.cell()
        elif tag == "row":
            if self.values:
                self.counter.keep()
                self.rows.append((self.row_number, self.values))
            else:
                self.counter.empty_row()
        elif tag == "sheetData":
            self.done = True

    def cell(self):
        attrs, limits = self.cell_attrs, self.limits
        self.column = _column_number(attrs.get("r")) or self.column + 1
        if not self.parts:
            return
        text = "".join(self.parts)
        kind = attrs.get("t", "n")
        if self.inline or kind in ("str", "inlineStr", "e"):
            value = text
        elif kind == "s":
            try:
                value = self.strings[int(text)]
            except (ValueError, IndexError):
                value = None
            if value is TOO_LONG:
                raise _cell_too_long(self.row_number, self.column, limits)
        elif kind == "b":
            value = text.strip() in ("1", "true")
        elif kind == "d":
            try:
                value = datetime.datetime.fromisoformat(text)
            except ValueError:
                value = text
        else:
            value = _number(text)
            style = attrs.get("s", "0")
            style = int(style) if style.isdigit() else 0
            if isinstance(value, (int, float)) and style < len(self.date_styles) and self.date_styles[style]:
                try:
                    value = _from_excel(value, self.epoch)
                except (ValueError, OverflowError):
                    pass
        if _is_empty(value):
            return
        if self.column > limits.max_columns:
            raise _too_far_right(self.row_number, self.column, limits)
        values = self.values
        if len(values) < self.column:
            values.extend([None] * (self.column - len(values)))
        values[self.column - 1] = value


def _refuse_doctype(*_args):
    raise ValueError("DTD")  # spreadsheets have none; refusing one rules out entity tricks


def _xlsx_rows(data: bytes, limits: UploadLimits, counter: _RowCounter) -> Iterator[tuple[int, list]]:
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

    damaged = _xlsx_damaged()
    with open_zip(data, limits) as archive:
        sheet, strings_part, styles_part, date1904 = _xlsx_first_sheet(archive)
        strings = _xlsx_shared_strings(archive, strings_part, limits)
        date_styles = _xlsx_date_styles(archive, styles_part)
        epoch = CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900
        handler = _SheetHandler(strings, date_styles, epoch, limits, counter)
        parser = expat.ParserCreate(namespace_separator="}")
        parser.StartElementHandler = handler.start
        parser.EndElementHandler = handler.end
        parser.CharacterDataHandler = handler.text
        parser.StartDoctypeDeclHandler = _refuse_doctype
        parser.buffer_text = True
        try:
            with archive.open(sheet) as source:
                while not handler.done:
                    chunk = source.read(64 * 1024)
                    parser.Parse(chunk, not chunk)
                    rows, handler.rows = handler.rows, []
                    yield from rows
                    if not chunk:
                        break
        except SpreadsheetRefused:
            raise
        except Exception as error:  # damaged XML, a DTD, a part larger than its directory entry
            raise SpreadsheetRefused(damaged) from error
        yield from handler.rows


# --- ODS -------------------------------------------------------------------------------------------------


def _ods_damaged() -> str:
    return _("The ODS file cannot be opened. Is it damaged?")


def _ods_paragraph(element, limit: int) -> str:
    """Text of a ``<text:p>`` with its spaces (``<text:s text:c="n">``), tabs and line breaks; never longer
    than ``limit`` + 1 characters, whatever the space counts say."""
    parts, length = [], 0

    def add(text):
        nonlocal length
        if text and length <= limit:
            text = text[: limit + 1 - length]
            parts.append(text)
            length += len(text)

    def walk(node):
        add(node.text)
        for child in node:
            tag = _local(child.tag)
            if tag == "s":
                count = _attribute(child, "c", "1")
                add(" " * min(int(count) if count.isdigit() else 1, limit + 1))
            elif tag == "tab":
                add("\t")
            elif tag == "line-break":
                add("\n")
            elif tag not in ("annotation", "note"):
                walk(child)
            add(child.tail)

    walk(element)
    return "".join(parts)


def _ods_date(text: str):
    try:
        if "T" in text:
            return datetime.datetime.fromisoformat(text)
        return datetime.date.fromisoformat(text)
    except ValueError:
        return text


def _ods_value(cell, limits: UploadLimits):
    kind = _attribute(cell, "value-type")
    if kind in ("float", "percentage", "currency"):
        value = _attribute(cell, "value")
        if value is not None:
            return _number(value)
    elif kind == "date":
        value = _attribute(cell, "date-value")
        if value:
            return _ods_date(value)
    elif kind == "boolean":
        return _attribute(cell, "boolean-value") == "true"
    paragraphs = [_ods_paragraph(child, limits.max_cell_chars) for child in cell if _local(child.tag) == "p"]
    return "\n".join(paragraphs) if paragraphs else None


def _repeat(element, name: str) -> int:
    given = _attribute(element, name, "1")
    return int(given) if given.isdigit() and 0 < len(given) < 10 else 1


def _ods_rows(data: bytes, limits: UploadLimits, counter: _RowCounter) -> Iterator[tuple[int, list]]:
    damaged = _ods_damaged()
    with open_zip(data, limits) as archive:
        if "content.xml" not in archive.namelist():
            raise SpreadsheetRefused(damaged)
        tree = _Tree()
        cell = None
        cell_elements = 0
        tables = 0
        row_number = 0  # rows before the current one
        row_repeat = 1
        values: list = []
        column = 0  # columns before the current cell
        for event, element in _events(archive, "content.xml", damaged):
            tag = _local(element.tag)
            if event == "start":
                tree.start(element)
                if cell is not None:
                    cell_elements += 1
                    if cell_elements > MAX_ELEMENTS_PER_CELL:
                        raise _cell_too_long(row_number + 1, column + 1, limits)
                elif tag == "table":
                    tables += 1
                elif tag in ("table-cell", "covered-table-cell") and tables == 1:
                    cell, cell_elements = element, 0
                elif tag == "table-row" and tables == 1:
                    row_repeat = _repeat(element, "number-rows-repeated")
                    values, column = [], 0
                continue
            tree.end()
            if element is cell:
                cell = None
                repeat = _repeat(element, "number-columns-repeated")
                value = _ods_value(element, limits)
                tree.drop(element)
                if _is_empty(value):
                    column += repeat  # the empty rest of a row is one cell repeated up to column AMJ
                    continue
                if isinstance(value, str) and len(value) > limits.max_cell_chars:
                    raise _cell_too_long(row_number + 1, column + 1, limits)
                if column + repeat > limits.max_columns:
                    raise _too_far_right(row_number + 1, max(column + 1, limits.max_columns + 1), limits)
                values.extend([None] * (column - len(values)))
                values.extend([value] * repeat)
                column += repeat
            elif cell is None:
                if tag == "table-row" and tables == 1:
                    if values:
                        # A row with content repeated: each repetition is a row; refused before expanding
                        # if they would pass the row limit.
                        counter.keep(row_repeat)
                        for _i in range(row_repeat):
                            row_number += 1
                            yield row_number, list(values)
                    else:
                        # LibreOffice writes the empty rest of the sheet as one row repeated ~a million
                        # times: one element, counted once.
                        counter.empty_row()
                        row_number += row_repeat
                elif tag == "table" and tables == 1:
                    return
                tree.drop(element)


# --- the reader -----------------------------------------------------------------------------------------


@dataclass
class Rows:
    rows: list[tuple[int, list]]  # (row number in the spreadsheet program, values) of each non-empty row
    file_format: str  # "csv", "xlsx" or "ods"
    encoding: str = ""
    delimiter: str = ""


def read_rows(data: bytes, *, limits: UploadLimits | None = None) -> Rows:
    """The non-empty rows of the first sheet of an uploaded CSV, XLSX or ODS file, at most
    ``limits.max_rows`` + 1 (the title row); raises ``SpreadsheetRefused`` at the first limit passed."""
    limits = limits or UploadLimits.from_settings()
    check_size(len(data), limits)
    file_format = detect_format(data, limits)
    counter = _RowCounter(limits)
    found: dict = {}
    if file_format == "xlsx":
        rows = list(_xlsx_rows(data, limits, counter))
    elif file_format == "ods":
        rows = list(_ods_rows(data, limits, counter))
    else:
        rows = list(_csv_rows(data, limits, counter, found))
    return Rows(rows, file_format, found.get("encoding", ""), found.get("delimiter", ""))
