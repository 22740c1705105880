"""A hostile upload through the import service: refused with the limit named (in German by default),
recorded as a refused import, and no participant or place written."""

import io
import zipfile

import pytest
from django.utils import translation

from courses.models import Enrolment, Participant
from spreadsheets import services
from spreadsheets.models import ImportStatus

from .conftest import csv_bytes

pytestmark = pytest.mark.django_db


def _ods_repeated_rows(times: int) -> bytes:
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    cells = "".join(
        f"<table:table-cell><text:p>{t}</text:p></table:table-cell>" for t in ("Nachname", "Vorname", "Geburtsdatum")
    )
    person = "".join(
        f"<table:table-cell><text:p>{t}</text:p></table:table-cell>" for t in ("Kaya", "Zeynep", "02.03.1991")
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr(
            "content.xml",
            f"<office:document-content {ns}><office:body><office:spreadsheet><table:table>"
            f"<table:table-row>{cells}</table:table-row>"
            f'<table:table-row table:number-rows-repeated="{times}">{person}</table:table-row>'
            "</table:table></office:spreadsheet></office:body></office:document-content>",
        )
    return out.getvalue()


def test_hostile_file_is_refused_and_nothing_is_written(cohort, staff):
    with translation.override("de"):
        record = services.import_upload(cohort=cohort, by=staff, file_name="b.ods", data=_ods_repeated_rows(10**6))
    assert record.status == ImportStatus.REJECTED
    assert "20.000" in record.message
    assert Participant.objects.count() == 0 and Enrolment.objects.count() == 0


def test_the_same_file_within_the_limit_is_previewed(cohort, staff, settings):
    settings.SPREADSHEET_MAX_ROWS = 5
    record = services.import_upload(cohort=cohort, by=staff, file_name="ok.ods", data=_ods_repeated_rows(1))
    assert record.status == ImportStatus.PREVIEWED and record.rows_new == 1
    record = services.import_upload(cohort=cohort, by=staff, file_name="b.ods", data=_ods_repeated_rows(6))
    assert record.status == ImportStatus.REJECTED
    assert record.message == "The file has more than 5 rows; at most 5 can be imported at once. Please split it."


def test_empty_lines_csv_is_refused(cohort, staff, settings):
    settings.SPREADSHEET_MAX_EMPTY_ROWS = 100
    record = services.import_upload(
        cohort=cohort, by=staff, file_name="l.csv", data=b"\r\n" * 1000 + csv_bytes([["Nachname"]])
    )
    assert record.status == ImportStatus.REJECTED
    assert "more than 100 empty rows" in record.message
    assert Participant.objects.count() == 0
