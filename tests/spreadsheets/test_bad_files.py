"""Each bad file: a clear message with the row number, and nothing written (no participant, no place)."""

import pytest

from courses.models import Enrolment, Participant
from spreadsheets import services
from spreadsheets.models import ImportRecord, ImportStatus
from tests.factories import EnrolmentFactory, ParticipantFactory

from .conftest import HEADER_DE, csv_bytes

pytestmark = pytest.mark.django_db


def _nothing_written(before_participants=0, before_enrolments=0):
    assert Participant.objects.count() == before_participants
    assert Enrolment.objects.count() == before_enrolments


def _upload(cohort, staff, data, name="liste.csv"):
    return services.import_upload(cohort=cohort, by=staff, file_name=name, data=data)


def _errors(record):
    return {o["row"]: " ".join(o["messages"]) for o in record.preview if o["status"] == "error"}


def test_wrong_columns(cohort, staff):
    record = _upload(cohort, staff, csv_bytes([["Name", "Ort"], ["Kaya", "Dülmen"]]))
    assert record.status == ImportStatus.REJECTED
    assert "Missing: “Given name”, “Date of birth”" in record.message
    assert "“Ort”" in record.message  # what was found, so staff see the mismatch
    _nothing_written()


def test_bad_dates(cohort, staff):
    rows = [
        HEADER_DE,
        ["Kaya", "Zeynep", "31.02.1991", "", "", "", ""],
        ["Demir", "Ayşe", "02.03.1991", "", "", "", ""],
    ]
    record = _upload(cohort, staff, csv_bytes(rows))
    assert record.status == ImportStatus.PREVIEWED
    assert _errors(record) == {2: "Date of birth: “31.02.1991” is not a date: February 1991 has only 28 days."}
    assert record.rows_new == 1
    _nothing_written()


def test_future_date_of_birth_is_the_model_rule(cohort, staff):
    rows = [HEADER_DE, ["Kaya", "Zeynep", "02.03.2099", "", "", "", ""]]
    record = _upload(cohort, staff, csv_bytes(rows))
    assert _errors(record) == {2: "Date of birth: The date of birth cannot be in the future."}


def test_duplicates_inside_the_file(cohort, staff):
    rows = [
        HEADER_DE,
        ["Kaya", "Zeynep", "02.03.1991", "362D1", "", "", ""],
        ["Demir", "Ayşe", "05.11.1979", "", "", "", ""],
        ["KAYA", "Zeynep", "1991-03-02", "", "", "", ""],  # same person: folded name and date of birth
        ["Other", "Name", "01.01.1980", "362D1", "", "", ""],  # same customer number
    ]
    record = _upload(cohort, staff, csv_bytes(rows))
    assert _errors(record) == {
        4: "This person is already in row 2 of the file.",
        5: "This person is already in row 2 of the file.",
    }
    _nothing_written()


def test_over_capacity(cohort, staff):
    cohort.capacity = 3
    cohort.save()
    EnrolmentFactory(cohort=cohort)
    rows = [HEADER_DE] + [[f"Name{i}", "Test", f"0{i + 1}.01.1990", "", "", "", ""] for i in range(4)]
    record = _upload(cohort, staff, csv_bytes(rows))
    assert record.rows_new == 2
    assert _errors(record) == {
        4: "The cohort is full: all 3 places are taken.",
        5: "The cohort is full: all 3 places are taken.",
    }
    _nothing_written(1, 1)


def test_empty_file(cohort, staff):
    record = _upload(cohort, staff, b"")
    assert record.status == ImportStatus.REJECTED
    assert record.message == "The file is empty."
    record = _upload(cohort, staff, b"\r\n \r\n")
    assert record.message == "The file is empty."
    record = _upload(cohort, staff, csv_bytes([HEADER_DE]))
    assert record.message == "The file has column titles but no participants."
    _nothing_written()


def test_not_a_spreadsheet(cohort, staff):
    record = _upload(cohort, staff, b"%PDF-1.4\n" + bytes(range(256)) * 8, name="bescheid.pdf")
    assert record.status == ImportStatus.REJECTED
    assert record.message == "This file is not a spreadsheet. Please upload a CSV, XLSX or ODS file."
    assert record.file_data in (b"", memoryview(b""))
    _nothing_written()


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xd8\xff\xe0" + bytes(512),  # a photo of the paper form
        b"\x00\x01\x02\x00" * 300,  # zero bytes that are not UTF-16 text either
        b"PK\x03\x04 broken zip",
    ],
)
def test_other_binary_files_are_not_spreadsheets(cohort, staff, data):
    record = _upload(cohort, staff, data, name="scan.jpg")
    assert record.message == "This file is not a spreadsheet. Please upload a CSV, XLSX or ODS file."
    _nothing_written()


def test_confirming_a_file_with_errors_writes_nothing(cohort, staff):
    rows = [
        HEADER_DE,
        ["Kaya", "Zeynep", "02.03.1991", "", "", "", ""],
        ["Demir", "Ayşe", "kein Datum", "", "", "", ""],
    ]
    record = _upload(cohort, staff, csv_bytes(rows))
    with pytest.raises(services.DomainError, match="import only the valid rows"):
        services.import_confirm(record=record, by=staff)
    _nothing_written()
    assert ImportRecord.objects.get(pk=record.pk).status == ImportStatus.PREVIEWED


def test_valid_rows_only_writes_exactly_the_valid_rows(cohort, staff):
    rows = [
        HEADER_DE,
        ["Kaya", "Zeynep", "02.03.1991", "", "", "", ""],
        ["Demir", "Ayşe", "kein Datum", "", "", "", ""],
    ]
    record = _upload(cohort, staff, csv_bytes(rows))
    record = services.import_confirm(record=record, by=staff, valid_rows_only=True)
    assert list(Participant.objects.values_list("family_name", flat=True)) == ["Kaya"]
    assert Enrolment.objects.get().participant.family_name == "Kaya"
    assert (record.rows_new, record.rows_error, record.rows_skipped) == (1, 1, 1)
    assert record.valid_rows_only


def test_an_error_on_a_known_person_does_not_touch_them(cohort, staff):
    known = ParticipantFactory(organisation=cohort.site.organisation, jobcenter_customer_number="362D9", email="")
    rows = [HEADER_DE, [known.family_name, known.given_name, "01.01.1990", "362D9", "kein@mail", "", ""]]
    record = _upload(cohort, staff, csv_bytes(rows))
    assert _errors(record) == {2: "Email: Enter a valid email address."}
    services.import_confirm(record=record, by=staff, valid_rows_only=True)
    known.refresh_from_db()
    assert known.email == ""
    assert known.date_of_birth.year == 1990 and known.date_of_birth.month == 5
