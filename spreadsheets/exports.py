"""Turning a tablib Dataset into a download the way German offices open it."""

import tablib
from django.http import HttpResponse

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_FORMULA_START = ("=", "@", "\t", "\r")


def _defuse(value):
    # A cell starting with "=" or "@" would run as a formula in Excel (CSV injection). "+49 ..." and
    # "-" stay, since phone numbers start with them.
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def download(dataset: tablib.Dataset, file_stem: str, file_format: str) -> HttpResponse:
    safe = tablib.Dataset(headers=dataset.headers, title=(dataset.title or file_stem)[:31])
    for row in dataset:
        safe.append([_defuse(v) for v in row])
    if file_format == "xlsx":
        content = safe.export("xlsx")
    else:
        # German Excel opens semicolon-separated UTF-8 with a byte order mark correctly (umlauts, "ş").
        content = "\ufeff" + safe.export("csv", delimiter=";")
    response = HttpResponse(content, content_type=FORMATS[file_format])
    response["Content-Disposition"] = f'attachment; filename="{file_stem}.{file_format}"'
    return response
