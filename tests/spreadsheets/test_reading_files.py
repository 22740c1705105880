"""Files as German offices produce them: encodings, delimiters, XLSX/ODS, blank lines, header aliases."""

import datetime
import io

import pytest
import tablib

from spreadsheets.reading import FileRefused, parse_date, read_participant_sheet

from .conftest import HEADER_DE, csv_bytes, xlsx_bytes

ROWS = [HEADER_DE, ["Yılmaz", "Savaş", "17.05.1990", "362D100001", "s@example.org", "0151 2345", "B1"]]


def _first(sheet):
    return dict(zip(sheet.dataset.headers, sheet.dataset[0], strict=True))


def test_utf8_semicolon_as_german_excel_writes_it():
    sheet = read_participant_sheet(csv_bytes(ROWS, bom=True))
    assert _first(sheet)["given_name"] == "Savaş"
    assert sheet.delimiter == ";"
    assert sheet.sheet_rows == [2]


def test_windows_1252_from_excel_csv_trennzeichen_getrennt():
    rows = [HEADER_DE, ["Müller", "Jürgen", "01.02.1980", "", "", "", ""]]
    sheet = read_participant_sheet(csv_bytes(rows, encoding="cp1252"))
    assert sheet.encoding == "cp1252"
    assert _first(sheet)["family_name"] == "Müller"


def test_utf16_tab_separated_excel_unicode_text():
    data = "\t".join(HEADER_DE).encode("utf-16") + "\r\nNguyễn Thị\tLan\t02.03.1988\t\t\t\t\r\n".encode("utf-16-le")
    sheet = read_participant_sheet(data)
    assert sheet.delimiter == "\t"
    assert _first(sheet)["family_name"] == "Nguyễn Thị"


def test_comma_and_english_headers():
    rows = [
        ["First name", "Last name", "Date of birth", "Customer number", "E-mail", "German level"],
        ["Łukasz", "Wróbel", "1985-04-03", "362D1", "", "b2"],
    ]
    sheet = read_participant_sheet(csv_bytes(rows, delimiter=","))
    assert _first(sheet)["family_name"] == "Wróbel"
    assert _first(sheet)["date_of_birth"] == "1985-04-03"


def test_headers_are_case_and_accent_insensitive_and_unknown_columns_are_ignored():
    rows = [
        ["  NACHNAME ", "vorname", "GEBURTSDATUM", "Jobcenter-Kundennummer", "Bemerkung"],
        ["A", "B", "1.2.1990", "1", "x"],
    ]
    sheet = read_participant_sheet(csv_bytes(rows))
    assert sheet.dataset.headers == ["family_name", "given_name", "date_of_birth", "jobcenter_customer_number"]
    assert sheet.ignored_columns == ["Bemerkung"]


def test_blank_lines_and_spaces_are_dropped_but_row_numbers_are_kept():
    rows = [HEADER_DE, ["", "", "", "", "", "", ""], ["  Kaya ", " Zeynep", " 02.03.1991 ", "", "", "", ""]]
    data = csv_bytes(rows) + b"\r\n\r\n"
    sheet = read_participant_sheet(b"\r\n" + data)
    assert sheet.sheet_rows == [4]  # blank row 1, header row 2, blank row 3
    assert _first(sheet)["family_name"] == "Kaya"


def test_xlsx_with_real_date_cells():
    rows = [HEADER_DE, ["Demir", "Ayşe", datetime.datetime(1979, 11, 5), 362100, None, None, "A2"]]
    sheet = read_participant_sheet(xlsx_bytes(rows))
    assert sheet.file_format == "xlsx"
    assert parse_date(_first(sheet)["date_of_birth"]) == datetime.date(1979, 11, 5)


def test_ods():
    dataset = tablib.Dataset(headers=HEADER_DE)
    dataset.append(["Şahin", "Elif", datetime.date(1992, 1, 31), "362D7", "", "", "B1"])
    sheet = read_participant_sheet(dataset.export("ods"))
    assert sheet.file_format == "ods"
    assert _first(sheet)["family_name"] == "Şahin"
    assert parse_date(_first(sheet)["date_of_birth"]) == datetime.date(1992, 1, 31)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17.05.1990", datetime.date(1990, 5, 17)),
        ("7.5.1990", datetime.date(1990, 5, 7)),
        ("17.05.90", datetime.date(1990, 5, 17)),
        ("03.04.05", datetime.date(2005, 4, 3)),
        ("1990-05-17", datetime.date(1990, 5, 17)),
        ("1990-05-17 00:00:00", datetime.date(1990, 5, 17)),
        (32980, datetime.date(1990, 4, 17)),  # an Excel day number
    ],
)
def test_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31.02.1990", "17/05", "gestern", "1990-13-01"])
def test_bad_dates_say_how_to_write_them(text):
    with pytest.raises(ValueError, match="DD.MM.YYYY"):
        parse_date(text)


def test_old_xls_gets_its_own_advice():
    with pytest.raises(FileRefused, match=r"\.xlsx"):
        read_participant_sheet(b"\xd0\xcf\x11\xe0" + b"\x00" * 600)


def test_bytes_are_not_a_spreadsheet():
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    with pytest.raises(FileRefused, match="not a spreadsheet"):
        read_participant_sheet(png)


def test_zip_that_is_not_a_workbook():
    out = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<x/>")
    with pytest.raises(FileRefused, match="not a spreadsheet"):
        read_participant_sheet(out.getvalue())
