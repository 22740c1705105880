import io

import openpyxl
import pytest


def csv_bytes(rows, *, delimiter=";", encoding="utf-8", bom=False, line_end="\r\n") -> bytes:
    text = line_end.join(delimiter.join(str(cell) for cell in row) for row in rows) + line_end
    data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    return data


def xlsx_bytes(rows) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


HEADER_DE = ["Nachname", "Vorname", "Geburtsdatum", "Kundennummer", "E-Mail", "Telefon", "Deutschniveau"]


@pytest.fixture
def german_rows():
    return [
        HEADER_DE,
        ["Yılmaz", "Savaş", "17.05.1990", "362D100001", "savas@example.org", "02594 1234", "B1"],
        ["Nguyễn Thị", "Lan", "1988-03-02", "362D100002", "", "", "b2"],
        ["Wróbel", "Łukasz", "3.4.85", "", "", "", ""],
    ]
