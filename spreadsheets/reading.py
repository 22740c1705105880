"""Reading spreadsheets as offices really send them: CSV in whatever encoding and delimiter Excel or
LibreOffice wrote by default, XLSX and ODS; German or English headers; stray blank lines and spaces.

The result is a ``Sheet``: a tablib Dataset with our canonical column keys plus, for each data row, the row
number the user sees in the spreadsheet program (the header is row 1), so every message can point at it.
Anything that makes the whole file unusable raises ``FileRefused`` (a DomainError) with a plain message.
The bytes are read by ``core.spreadsheet_reader``, within its limits (docs/security.md).
"""

import datetime
import functools
import re
from dataclasses import dataclass, field

import tablib
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.dates import short_date
from core.spreadsheet_reader import SpreadsheetRefused, read_rows
from core.text import fold

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


FileRefused = SpreadsheetRefused  # the file as a whole cannot be read; nothing was imported


@dataclass
class Sheet:
    dataset: tablib.Dataset
    sheet_rows: list[int]  # spreadsheet row number of each data row
    file_format: str  # "csv", "xlsx" or "ods"
    ignored_columns: list[str] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""


def _cell_text(value) -> object:
    """Trim text cells; keep dates and numbers for the column's own parser."""
    if isinstance(value, str):
        return " ".join(value.replace("\u00a0", " ").split())
    if value is None:
        return ""
    return value


def read_participant_sheet(data: bytes, file_name: str = "") -> Sheet:
    """Parse an uploaded participant list; refuse the whole file if it cannot be used."""
    if not data:
        raise FileRefused(_("The file is empty."))
    read = read_rows(data)  # whitespace only: no rows, refused below
    # Cells are trimmed once per distinct text: a shared string or a repeated ODS cell used in thousands of
    # cells stays one string in memory.
    trimmed = {}

    def trim(value):
        if isinstance(value, str):
            if value not in trimmed:
                trimmed[value] = _cell_text(value)
            return trimmed[value]
        return _cell_text(value)

    raw = [(number, [trim(v) for v in values]) for number, values in read.rows]
    file_format, encoding, delimiter = read.file_format, read.encoding, read.delimiter
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
