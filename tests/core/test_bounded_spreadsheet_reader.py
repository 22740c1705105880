"""The bounded spreadsheet reader refuses each kind of hostile file (small versions of issue 16's files,
with limits made small) with a message naming the limit, and reads the legitimate file next to it."""

import datetime
import io
import zipfile

import openpyxl
import pytest
import tablib

from core.spreadsheet_reader import SpreadsheetRefused, UploadLimits, read_rows

SMALL = UploadLimits(
    max_bytes=200_000,
    max_rows=50,
    max_columns=10,
    max_cell_chars=100,
    max_empty_rows=200,
    max_part_bytes=2 * 1024 * 1024,
    max_unpacked_bytes=3 * 1024 * 1024,
    max_compression_ratio=50,
)
NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def refused(data, limits=SMALL) -> str:
    with pytest.raises(SpreadsheetRefused) as error:
        read_rows(data, limits=limits)
    return str(error.value)


def ods(rows_xml: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr(
            "content.xml",
            f'<office:document-content {NS}><office:body><office:spreadsheet><table:table table:name="T">'
            f"{rows_xml}</table:table></office:spreadsheet></office:body></office:document-content>",
        )
    return out.getvalue()


def cell(text, repeat=1):
    return f'<table:table-cell table:number-columns-repeated="{repeat}"><text:p>{text}</text:p></table:table-cell>'


def row(cells, repeat=1):
    return f'<table:table-row table:number-rows-repeated="{repeat}">{cells}</table:table-row>'


HEADER = row(cell("Nachname") + cell("Vorname") + cell("Geburtsdatum"))
PERSON = cell("Kaya") + cell("Zeynep") + cell("02.03.1991")


def xlsx_parts(sheet_xml: str, shared: str | None = None) -> bytes:
    out = io.BytesIO()
    rels = '<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="x/worksheet"/>'
    if shared is not None:
        rels += '<Relationship Id="rId2" Target="sharedStrings.xml" Type="x/sharedStrings"/>'
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "xl/workbook.xml",
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="T" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>',
        )
        archive.writestr(
            "xl/worksheets/sheet1.xml",
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            f"{sheet_xml}</sheetData></worksheet>",
        )
        if shared is not None:
            archive.writestr("xl/sharedStrings.xml", shared)
    return out.getvalue()


def xlsx_row(number, cells):
    return (
        f'<row r="{number}">'
        + "".join(f'<c r="{ref}{number}" t="inlineStr"><is><t>{text}</t></is></c>' for ref, text in cells)
        + "</row>"
    )


XLSX_HEADER = xlsx_row(1, [("A", "Nachname"), ("B", "Vorname"), ("C", "Geburtsdatum")])


# --- ODS ---


def test_ods_row_repeated_past_the_row_limit_is_refused_without_expanding():
    message = refused(ods(HEADER + row(PERSON, 1_000_000)))
    assert message == "The file has more than 50 rows; at most 50 can be imported at once. Please split it."


def test_ods_cell_repeated_past_the_column_limit():
    message = refused(ods(HEADER + row(PERSON + cell("x", 16_000), 1_000_000)))
    assert message.startswith("Row 2 has a value in column K; at most 10 columns (up to column J) are read.")


def test_ods_trailing_empty_repeats_are_cheap_and_legitimate():
    empty = '<table:table-cell table:number-columns-repeated="1020"/>'
    data = ods(HEADER + row(PERSON + empty, 3) + row(empty, 1_048_000))
    assert read_rows(data, limits=SMALL).rows == [
        (1, ["Nachname", "Vorname", "Geburtsdatum"]),
        (2, ["Kaya", "Zeynep", "02.03.1991"]),
        (3, ["Kaya", "Zeynep", "02.03.1991"]),
        (4, ["Kaya", "Zeynep", "02.03.1991"]),
    ]


def test_ods_spaces_cannot_blow_up_a_cell():
    message = refused(ods(HEADER + row(cell('a<text:s text:c="999999999"/>b'))))
    assert "has more than 100 characters" in message


def test_ods_written_by_tablib_keeps_dates_and_numbers():
    data = tablib.Dataset(["Şahin", datetime.date(1992, 1, 31), 7], headers=["Nachname", "Geburtsdatum", "n"])
    assert read_rows(data.export("ods"), limits=SMALL).rows[1] == (2, ["Şahin", datetime.date(1992, 1, 31), 7])


# --- XLSX ---


def test_xlsx_value_in_column_xfd_is_refused_at_once():
    rows = "".join(f'<row r="{n}"><c r="XFD{n}"><v>1</v></c></row>' for n in range(2, 2_000))
    message = refused(xlsx_parts(XLSX_HEADER + rows))
    assert message.startswith("Row 2 has a value in column XFD; at most 10 columns")


def test_xlsx_empty_styled_cells_far_right_are_ignored():
    rows = '<row r="2"><c r="A2" t="inlineStr"><is><t>Kaya</t></is></c><c r="XFD2" s="1"/></row>'
    assert read_rows(xlsx_parts(XLSX_HEADER + rows), limits=SMALL).rows[1] == (2, ["Kaya"])


def test_xlsx_shared_string_bomb_is_refused_from_the_zip_directory():
    shared = "<sst><si><t>" + "A" * 3_000_000 + "</t></si></sst>"
    message = refused(xlsx_parts(XLSX_HEADER, shared))
    assert message.startswith("The part “xl/sharedStrings.xml” of the file unpacks to 2.9 MB; at most 2 MB per part")


def test_xlsx_long_shared_string_used_by_a_cell():
    shared = "<sst><si><t>" + "A" * 500 + "</t></si></sst>"
    message = refused(xlsx_parts(XLSX_HEADER + '<row r="2"><c r="B2" t="s"><v>0</v></c></row>', shared))
    assert message.startswith("The cell in row 2, column B has more than 100 characters")


def test_xlsx_tightly_packed_part_is_refused_as_a_bomb():
    rows = "<row><c><v>1</v></c></row>" * 60_000
    message = refused(xlsx_parts(XLSX_HEADER + rows))
    assert "-fold; at most 50-fold is accepted. The file looks like a ZIP bomb" in message


def test_xlsx_many_rows_stop_at_the_row_limit():
    rows = "".join(xlsx_row(n, [("A", f"K{n}"), ("B", "Z"), ("C", "01.01.1990")]) for n in range(2, 400))
    assert "more than 50 rows" in refused(xlsx_parts(XLSX_HEADER + rows))


def test_xlsx_with_a_dtd_is_refused_as_damaged():
    data = xlsx_parts('<row><c t="inlineStr"><is><t>&a;</t></is></c></row>')
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>' + content
            target.writestr(info.filename, content)
    assert refused(out.getvalue()) == "The Excel file cannot be opened. Is it damaged?"


def test_xlsx_from_openpyxl_keeps_dates_numbers_and_accents():
    book = openpyxl.Workbook()
    book.active.append(["Nachname", "Vorname", "Geburtsdatum", "Kundennummer"])
    book.active.append(["Nguyễn Thị", "Lan", datetime.datetime(1988, 3, 2), 362100])
    out = io.BytesIO()
    book.save(out)
    result = read_rows(out.getvalue(), limits=SMALL)
    assert result.file_format == "xlsx"
    assert result.rows[1] == (2, ["Nguyễn Thị", "Lan", datetime.datetime(1988, 3, 2), 362100])


# --- CSV and plain ZIP ---


def test_csv_of_empty_lines():
    assert refused(b"\r\n" * 50_000) == (
        "The file has more than 200 empty rows. Please delete them and upload the file again."
    )


def test_csv_with_a_few_empty_lines_is_fine():
    result = read_rows(b"\r\n" * 100 + b"Nachname;Vorname\r\nKaya;Zeynep\r\n", limits=SMALL)
    assert result.rows == [(101, ["Nachname", "Vorname"]), (102, ["Kaya", "Zeynep"])]


def test_csv_too_large_too_wide_and_too_long():
    assert refused(b"a;b\r\n" * 50_000).startswith("The file is larger than 195 KB.")
    assert refused(b"a;b;c\r\n" + b";" * 20 + b"x\r\n").startswith("Row 2 has a value in column U;")
    assert refused(b"a;b\r\n" + b"x" * 101 + b";b\r\n").startswith("The cell in row 2, column A has more than 100")


def test_plain_zip_bomb():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.bin", b"\0" * (1_500_000))
    assert "packed" in refused(out.getvalue()) or "unpacks" in refused(out.getvalue())


# --- encodings ---

TEXT = "Nachname;Vorname;Geburtsdatum\r\nMüller;Jürgen;17.05.1990\r\nWeiß;Sören;01.02.1980\r\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_offices_write(data, encoding):
    result = read_rows(data, limits=SMALL)
    assert result.encoding == encoding
    assert result.rows[1][1] == ["Müller", "Jürgen", "17.05.1990"]


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8") + b"Kaya;Zeyn\x81p;01.01.1990\r\n",  # UTF-8 with a stray byte
        TEXT.encode("utf-8") + b"Kaya;Zeyn\xc3;01.01.1990\r\n",  # UTF-8 cut in the middle of a letter
        TEXT.encode("cp850"),  # an old DOS code page: would be mojibake as Windows-1252
        b"\xef\xbb\xbf" + TEXT.encode("cp1252"),  # says UTF-8, is not
    ],
)
def test_text_not_valid_in_its_encoding_is_refused(data):
    message = refused(data)
    assert "CSV UTF-8" in message
