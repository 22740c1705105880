"""Reading spreadsheets as offices really send them: CSV in whatever encoding and delimiter Excel or
LibreOffice wrote by default, XLSX and ODS; German or English headers; stray blank lines and spaces.

The result is a ``Sheet``: a tablib Dataset with our canonical column keys plus, for each data row, the row
number the user sees in the spreadsheet program (the header is row 1), so every message can point at it.
Anything that makes the whole file unusable raises ``FileRefused`` (a DomainError) with a plain message.
"""

import csv
import datetime
import functools
import io
import re
import zipfile
from dataclasses import dataclass, field

import tablib
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.dates import short_date
from core.exceptions import DomainError
from core.text import fold

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000

# Canonical column keys of a participant list, in template order, with their column titles.
PARTICIPANT_COLUMNS = {
    "family_name": gettext_lazy("Family name"),
    "given_name": gettext_lazy("Given name"),
    "date_of_birth": gettext_lazy("Date of birth"),
    "jobcenter_customer_number": gettext_lazy("Customer number"),
    "email": gettext_lazy("Email"),
    "phone": gettext_lazy("Phone"),
    "address": gettext_lazy("Address"),
    "german_level": gettext_lazy("German level"),
}
REQUIRED_COLUMNS = ("family_name", "given_name", "date_of_birth")

# Header spellings seen in Jobcenter lists and intake sheets, German and English. Compared after
# folding (case, accents) and dropping everything but letters and digits, so "E-Mail" = "email".
HEADER_ALIASES = {
    "given_name": [
        "Vorname",
        "Vornamen",
        "Rufname",
        "given name",
        "given names",
        "first name",
        "firstname",
        "forename",
    ],
    "family_name": [
        "Nachname",
        "Familienname",
        "Name",
        "Zuname",
        "family name",
        "last name",
        "lastname",
        "surname",
    ],
    "date_of_birth": [
        "Geburtsdatum",
        "Geb.-Datum",
        "Geb. Datum",
        "Geboren am",
        "Geburtstag",
        "geb.",
        "date of birth",
        "birth date",
        "birthdate",
        "born",
        "DOB",
    ],
    "jobcenter_customer_number": [
        "Kundennummer",
        "Kunden-Nr.",
        "Kundennr",
        "Kd.-Nr.",
        "KdNr",
        "Jobcenter-Kundennummer",
        "Kundennummer Jobcenter",
        "Kundennummer (Jobcenter)",
        "BG-Nummer Kunde",
        "customer number",
        "customer no",
        "customer no.",
        "Jobcenter customer number",
    ],
    "email": ["E-Mail", "E-Mail-Adresse", "Mail", "email address", "e-mail address"],
    "phone": [
        "Telefon",
        "Telefonnummer",
        "Tel.",
        "Handy",
        "Mobil",
        "Mobilnummer",
        "phone",
        "telephone",
        "phone number",
        "mobile",
    ],
    "address": ["Adresse", "Anschrift", "Wohnanschrift", "address", "postal address"],
    "german_level": [
        "Deutschniveau",
        "Sprachniveau",
        "Deutschkenntnisse",
        "Sprachstand",
        "Niveau",
        "Deutsch",
        "GER-Niveau",
        "Deutschniveau (GER)",
        "German level",
        "German level (CEFR)",
        "German",
        "language level",
        "CEFR level",
    ],
}


def header_key(text) -> str:
    return re.sub(r"[^0-9a-z]", "", fold(str(text or "")))


_ALIAS_TO_KEY = {header_key(alias): key for key, aliases in HEADER_ALIASES.items() for alias in aliases}
for _key in PARTICIPANT_COLUMNS:
    _ALIAS_TO_KEY.setdefault(header_key(_key), _key)


class FileRefused(DomainError):
    """The file as a whole cannot be read; nothing was imported."""


@dataclass
class Sheet:
    dataset: tablib.Dataset
    sheet_rows: list[int]  # spreadsheet row number of each data row
    file_format: str  # "csv", "xlsx" or "ods"
    ignored_columns: list[str] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""


def _is_blank(values) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def _detect_format(data: bytes) -> str:
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                if "xl/workbook.xml" in names:
                    return "xlsx"
                if "mimetype" in names and archive.read("mimetype").startswith(
                    b"application/vnd.oasis.opendocument.spreadsheet"
                ):
                    return "ods"
        except zipfile.BadZipFile:
            pass
        raise FileRefused(_("This file is not a spreadsheet. Please upload a CSV, XLSX or ODS file."))
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileRefused(
            _(
                "This is an old Excel file (.xls). Please save it as “Excel workbook (.xlsx)” or as CSV "
                "and upload it again."
            )
        )
    return "csv"


def _decode(data: bytes) -> tuple[str, str]:
    """Text of a CSV file in the encodings spreadsheet programs write by default."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel "Unicode text"
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:4096]:
        # UTF-16 without a byte order mark has a zero byte in every ASCII character; anything else with
        # zero bytes is binary (an image, a PDF, a database file).
        sample = data[:4096]
        for encoding, zeros in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
            if len(sample) > 3 and zeros.count(0) > len(sample) // 4:
                try:
                    return data.decode(encoding, errors="strict"), encoding
                except UnicodeDecodeError:
                    break
        raise FileRefused(_("This file is not a spreadsheet. Please upload a CSV, XLSX or ODS file."))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # Excel's "CSV (Trennzeichen-getrennt)" on a German Windows writes Windows-1252.
        return data.decode("cp1252", errors="replace"), "cp1252"


def _sniff_delimiter(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()][:20]
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


def _read_csv(data: bytes) -> tuple[list[tuple[int, list]], str, str]:
    text, encoding = _decode(data)
    if _looks_binary(text):
        raise FileRefused(_("This file is not a spreadsheet. Please upload a CSV, XLSX or ODS file."))
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        # A spreadsheet program shows one row per record, even if a cell holds a line break.
        for number, values in enumerate(reader, start=1):
            rows.append((number, values))
    except csv.Error as error:
        raise FileRefused(
            _("The CSV file cannot be read (%(reason)s). Please save it again from the spreadsheet program.")
            % {"reason": error}
        ) from error
    return rows, encoding, delimiter


def _read_xlsx(data: bytes) -> list[tuple[int, list]]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise FileRefused(_("The Excel file cannot be opened. Is it damaged?")) from error
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            rows.append((number, list(values)))
        return rows
    finally:
        workbook.close()


def _read_ods(data: bytes) -> list[tuple[int, list]]:
    from odf import opendocument
    from odf.table import Table, TableRow
    from tablib.formats._ods import ODSFormat

    try:
        document = opendocument.load(io.BytesIO(data))
    except Exception as error:
        raise FileRefused(_("The ODS file cannot be opened. Is it damaged?")) from error
    tables = document.spreadsheet.getElementsByType(Table)
    if not tables:
        return []
    rows, number = [], 0
    for row in tables[0].getElementsByType(TableRow):
        repeat = int(row.getAttribute("numberrowsrepeated") or 1)
        values = []
        for cell in row.childNodes:
            try:
                value = ODSFormat.read_cell(cell)
                cell_repeat = int(cell.getAttribute("numbercolumnsrepeated") or 1)
            except ValueError:
                value, cell_repeat = "", 1
            values.extend([value] * min(cell_repeat, 64))
        if _is_blank(values):
            number += repeat  # LibreOffice writes the empty rest of the sheet as one repeated row
            continue
        for _i in range(min(repeat, MAX_ROWS + 1)):
            number += 1
            rows.append((number, list(values)))
    return rows


def _cell_text(value) -> object:
    """Trim text cells; keep dates and numbers for the column's own parser."""
    if isinstance(value, str):
        return " ".join(value.replace("\u00a0", " ").split())
    if value is None:
        return ""
    return value


def read_participant_sheet(data: bytes, file_name: str = "") -> Sheet:
    """Parse an uploaded participant list; refuse the whole file if it cannot be used."""
    if not data or not data.strip():
        raise FileRefused(_("The file is empty."))
    if len(data) > MAX_UPLOAD_BYTES:
        raise FileRefused(
            _("The file is larger than %(size)d MB. Please split it into smaller files.")
            % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)}
        )
    file_format = _detect_format(data)
    encoding = delimiter = ""
    if file_format == "xlsx":
        raw = _read_xlsx(data)
    elif file_format == "ods":
        raw = _read_ods(data)
    else:
        raw, encoding, delimiter = _read_csv(data)
    raw = [(number, [_cell_text(v) for v in values]) for number, values in raw if not _is_blank(values)]
    if not raw:
        raise FileRefused(_("The file is empty."))
    header_number, header = raw[0]
    body = raw[1:]
    keys, ignored, seen = [], [], {}
    for title in header:
        key = _ALIAS_TO_KEY.get(header_key(title))
        if key is None:
            if str(title).strip():
                ignored.append(str(title).strip())
            keys.append(None)
            continue
        if key in seen:
            raise FileRefused(
                _("The columns “%(first)s” and “%(second)s” both mean “%(meaning)s”. Please keep only one.")
                % {"first": seen[key], "second": title, "meaning": PARTICIPANT_COLUMNS[key]}
            )
        seen[key] = title
        keys.append(key)
    missing = [key for key in REQUIRED_COLUMNS if key not in seen]
    if missing:
        found = ", ".join(f"“{t}”" for t in header if str(t).strip()) or "–"
        raise FileRefused(
            _(
                "The first row must name the columns. Missing: %(missing)s. Found: %(found)s. "
                "Download the template to see the expected columns."
            )
            % {"missing": ", ".join(f"“{PARTICIPANT_COLUMNS[k]}”" for k in missing), "found": found}
        )
    if not body:
        raise FileRefused(_("The file has column titles but no participants."))
    if len(body) > MAX_ROWS:
        raise FileRefused(
            _("The file has %(rows)d rows; at most %(max)d can be imported at once. Please split it.")
            % {"rows": len(body), "max": MAX_ROWS}
        )
    columns = [(index, key) for index, key in enumerate(keys) if key]
    dataset = tablib.Dataset(headers=[key for _index, key in columns])
    sheet_rows = []
    for number, values in body:
        dataset.append([values[index] if index < len(values) else "" for index, _key in columns])
        sheet_rows.append(number)
    del header_number
    return Sheet(dataset, sheet_rows, file_format, ignored, encoding, delimiter)


# --- cell values --------------------------------------------------------------------------------------------

_DATE_PATTERNS = [
    (re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$"), "dmy"),
    (re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2})$"), "dmy2"),
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$"), "ymd"),
    (re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$"), "dmy"),
]
EXCEL_EPOCH = datetime.date(1899, 12, 30)


def parse_date(value) -> datetime.date | None:
    """A date from a cell: DD.MM.YYYY, D.M.YYYY, DD.MM.YY, ISO, a date cell or an Excel day number.

    Raises ValueError with a message for the user."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # A date cell read as a number: days since 30.12.1899 (Excel and LibreOffice agree on this).
        if 1 <= value < 80_000 and float(value).is_integer():
            return EXCEL_EPOCH + datetime.timedelta(days=int(value))
        raise ValueError(_("“%(value)s” is not a date. Please write dates as DD.MM.YYYY.") % {"value": value})
    text = str(value).strip()
    parsed = _parse_date_text(text)
    if isinstance(parsed, tuple):
        # Two-digit years on a participant list are birth years: never in the future. Depends on today,
        # so it is worked out here and not remembered.
        day, month, year = parsed
        year += 2000 if year <= datetime.date.today().year % 100 else 1900
        try:
            return datetime.date(year, month, day)
        except ValueError:
            raise _not_a_date(text) from None
    return parsed


@functools.lru_cache(maxsize=20_000)
def _parse_date_text(text: str) -> datetime.date | tuple[int, int, int]:
    # Remembered: each row's date is read twice (to find the person, then as the field), and a list's
    # dates repeat. A two-digit year comes back as (day, month, year) for parse_date to complete.
    for pattern, kind in _DATE_PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        a, b, c = (int(g) for g in match.groups())
        if kind == "dmy2":
            if not (1 <= b <= 12 and 1 <= a <= 31):
                break
            return (a, b, c)
        year, month, day = (a, b, c) if kind == "ymd" else (c, b, a)
        try:
            return datetime.date(year, month, day)
        except ValueError:
            break
    raise _not_a_date(text)


def _not_a_date(text: str) -> ValueError:
    return ValueError(
        _("“%(value)s” is not a valid date. Please write dates as DD.MM.YYYY, for example 17.05.1990.")
        % {"value": text}
    )


def cell_text(value) -> str:
    """Text of a cell; whole numbers lose the ".0" a spreadsheet program adds to number cells."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime.date, datetime.datetime)):
        return short_date(value)
    return " ".join(str(value).split())


_LEVEL = re.compile(r"^([ABC])\s*([12])")


def parse_german_level(value) -> str:
    text = cell_text(value).upper()
    if not text:
        return ""
    match = _LEVEL.match(text)
    if not match:
        raise ValueError(
            _("“%(value)s” is not a German level. Use A1, A2, B1, B2, C1 or C2.") % {"value": cell_text(value)}
        )
    return match.group(1) + match.group(2)
