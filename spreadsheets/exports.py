"""Turning a tablib Dataset into a download the way German offices open it: neutralised against formulas
and named by the one safe file-name function (core.spreadsheet_safety, core.filenames)."""

import tablib
from django.http import HttpResponse

from core.filenames import safe_download_name, set_download_name
from core.spreadsheet_safety import CONTENT_TYPES, spreadsheet_file

FORMATS = {fmt: CONTENT_TYPES[fmt] for fmt in ("csv", "xlsx")}


def download(dataset: tablib.Dataset, file_stem: str, file_format: str) -> HttpResponse:
    dataset.title = (dataset.title or file_stem)[:31]
    response = HttpResponse(spreadsheet_file(dataset, file_format), content_type=CONTENT_TYPES[file_format])
    return set_download_name(response, safe_download_name(file_stem, extension=file_format))
