"""Hostile uploads: memory and time until each is refused. Run with `.venv/bin/python bench/hostile_uploads.py`.

Builds, in memory, each kind of hostile file of issue 16 (a few KB to a few hundred KB that used to take a
worker to gigabytes), plus a plain ZIP bomb and a legitimate list for comparison. Each file is written to a
temporary file and read in a fresh subprocess by ``spreadsheets.reading.read_participant_sheet`` (the first
step of the import service: a refusal there writes nothing but the import record). The subprocess reports

* the time to the refusal (or to the parsed sheet), without tracing;
* the growth of its peak resident memory (``ru_maxrss``) over that read;
* the peak of Python allocations during a second read under ``tracemalloc``.

Then the hostile PDFs for the public check page (issue 22; tests/certificates/hostile_pdfs.py), each read
the same way by ``certificates.signing.check_pdf``, which must answer "unreadable" (a plain page padded to
the 2 MB limit, for comparison, is read and answered "not ours").

Target (issue 16): every hostile file refused, under 100 MB and under 2 s. Exit status 1 if one is missed.
"""

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024
TARGET_MB = 100
TARGET_S = 2.0

HEADER = ["Nachname", "Vorname", "Geburtsdatum"]

# --- builders --------------------------------------------------------------------------------------------

ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def ods(rows_xml: str) -> bytes:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Tabelle1">'
        f"{rows_xml}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED
        )
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST)
        archive.writestr("content.xml", content)
    return out.getvalue()


def ods_text_cell(text: str, repeat: int = 1) -> str:
    repeated = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    return f'<table:table-cell office:value-type="string"{repeated}><text:p>{text}</text:p></table:table-cell>'


def ods_row(cells: str, repeat: int = 1) -> str:
    repeated = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    return f"<table:table-row{repeated}>{cells}</table:table-row>"


def ods_repeated() -> bytes:
    """The 3 KB ODS of the issue: a row repeated a million times, its last cell 16,000 columns wide."""
    header = ods_row("".join(ods_text_cell(t) for t in HEADER))
    person = "".join(ods_text_cell(t) for t in ("Kaya", "Zeynep", "02.03.1991")) + ods_text_cell("x", 16_000)
    return ods(header + ods_row(person, 1_000_000) + ods_row("<table:table-cell/>", 1_048_000))


def ods_repeated_rows() -> bytes:
    """A person row repeated a million times within the column limit: the row limit must stop it."""
    header = ods_row("".join(ods_text_cell(t) for t in HEADER))
    person = "".join(ods_text_cell(t) for t in ("Kaya", "Zeynep", "02.03.1991"))
    return ods(header + ods_row(person, 1_000_000))


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="xl/workbook.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
    "</Relationships>"
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Tabelle1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
    '<Relationship Id="rId2" Target="sharedStrings.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
    "</Relationships>"
)
SHEET_START = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_END = "</sheetData></worksheet>"


def xlsx(sheet_chunks, shared_chunks=None) -> bytes:
    """An XLSX file whose sheet (and shared strings) are written from iterables of strings, so even a part
    of hundreds of megabytes is compressed without being held in memory."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        for name, chunks in (("xl/worksheets/sheet1.xml", sheet_chunks), ("xl/sharedStrings.xml", shared_chunks)):
            if chunks is None:
                continue
            with archive.open(name, "w", force_zip64=True) as part:
                for chunk in chunks:
                    part.write(chunk.encode())
    return out.getvalue()


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def xlsx_header() -> str:
    return '<row r="1">' + "".join(inline(f"{c}1", t) for c, t in zip("ABC", HEADER, strict=True)) + "</row>"


def xlsx_column_xfd() -> bytes:
    """The 280 KB XLSX of the issue: one value in column XFD (16,384) on 19,000 rows."""

    def chunks():
        yield SHEET_START + xlsx_header()
        for row in range(2, 19_002):
            yield f'<row r="{row}"><c r="XFD{row}"><v>1</v></c></row>'
        yield SHEET_END

    return xlsx(chunks())


def xlsx_shared_string_bomb() -> bytes:
    """The 300 KB XLSX of the issue: its shared-strings part expands to one 300 MB string."""

    def sheet():
        yield SHEET_START + xlsx_header() + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>' + SHEET_END

    def shared():
        yield '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
        block = "A" * MB
        for _i in range(300):
            yield block
        yield "</t></si></sst>"

    return xlsx(sheet(), shared())


def xlsx_three_million_rows() -> bytes:
    """The 430 KB XLSX of the issue: three million rows."""

    def chunks():
        yield SHEET_START + xlsx_header()
        row = "<row><c><v>1</v></c></row>"
        for _i in range(3_000):
            yield row * 1_000
        yield SHEET_END

    return xlsx(chunks())


def xlsx_many_rows_within_part_limit() -> bytes:
    """150,000 varied rows in a sheet part below the size and ratio limits: the streamed row limit stops it."""

    def chunks():
        yield SHEET_START + xlsx_header()
        for row in range(2, 150_002):
            name = inline(f"A{row}", f"Kaya{row * 7919 % 100_003}")
            yield f'<row r="{row}">{name}<c r="B{row}"><v>{row}</v></c></row>'
        yield SHEET_END

    return xlsx(chunks())


def csv_empty_lines() -> bytes:
    """The 5 MB CSV of the issue: nothing but line breaks."""
    return b"\r\n" * (5 * MB // 2 - 16)


def zip_bomb() -> bytes:
    """A plain ZIP bomb: one part of 1 GB of zeros in about 1 MB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("bomb.bin", "w", force_zip64=True) as part:
            block = b"\0" * MB
            for _i in range(1024):
                part.write(block)
    return out.getvalue()


def legitimate_csv() -> bytes:
    """For comparison: a legitimate list of 20,000 participants (the row limit), accepted."""
    lines = [";".join(HEADER + ["Kundennummer", "E-Mail"])]
    lines += [f"Yılmaz{i};Savaş;{1 + i % 28:02d}.05.1990;362D{i:06d};p{i}@example.org" for i in range(20_000)]
    return ("\r\n".join(lines) + "\r\n").encode()


KINDS = {
    "ODS, a row repeated 1,000,000 times with a cell 16,000 columns wide": ods_repeated,
    "ODS, a person row repeated 1,000,000 times": ods_repeated_rows,
    "XLSX, a value in column XFD on 19,000 rows": xlsx_column_xfd,
    "XLSX, shared-strings part expanding to one 300 MB string": xlsx_shared_string_bomb,
    "XLSX, 3,000,000 rows": xlsx_three_million_rows,
    "XLSX, 150,000 rows in a sheet part under the size limit": xlsx_many_rows_within_part_limit,
    "CSV, 5 MB of empty lines": csv_empty_lines,
    "ZIP bomb, 1 GB of zeros": zip_bomb,
    "legitimate CSV, 20,000 participants (accepted)": legitimate_csv,
}


# --- measuring ------------------------------------------------------------------------------------------


def _setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def spreadsheet_reader(data: bytes):
    from django.utils import translation

    from core.exceptions import DomainError
    from spreadsheets.reading import read_participant_sheet

    translation.activate("en")
    read_participant_sheet(b"Nachname;Vorname;Geburtsdatum\r\nKaya;Zeynep;02.03.1991\r\n")  # warm the imports

    def run():
        try:
            sheet = read_participant_sheet(data)
        except DomainError as error:
            return "refused: " + str(error)
        return f"accepted: {len(sheet.sheet_rows)} rows"

    return run


def pdf_checker(data: bytes):
    from certificates.signing import PdfVerdict, check_pdf
    from tests.certificates.hostile_pdfs import padded_to_the_limit

    check_pdf(padded_to_the_limit())  # warm the imports

    def run():
        verdict = check_pdf(data).verdict
        return ("refused: " if verdict == PdfVerdict.UNREADABLE else "accepted: ") + verdict

    return run


def child(path: str, kind: str) -> None:
    import resource
    import tracemalloc

    _setup()
    data = Path(path).read_bytes()
    run = pdf_checker(data) if kind == "pdf" else spreadsheet_reader(data)

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    outcome = run()
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    run()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        json.dumps({"seconds": seconds, "rss_mb": (after - before) / 1024, "traced_mb": peak / MB, "outcome": outcome})
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--kind", default="sheet", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.kind)
        return 0
    _setup()
    from tests.certificates.hostile_pdfs import KINDS as PDF_KINDS
    from tests.certificates.hostile_pdfs import padded_to_the_limit

    kinds = [(title, build, "sheet") for title, build in KINDS.items()]
    kinds += [(title, build, "pdf") for title, build in PDF_KINDS.items()]
    kinds.append(("legitimate PDF, a plain page padded to 2 MB (read: not ours)", padded_to_the_limit, "pdf"))
    print(f"# Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; target < {TARGET_MB} MB and < {TARGET_S} s")
    print("| file | size | time to answer | peak RSS growth | peak traced | answer |")
    print("|---|---|---|---|---|---|")
    missed = 0
    for title, build, kind in kinds:
        data = build()
        with tempfile.NamedTemporaryFile(suffix=".upload", delete=False) as handle:
            handle.write(data)
        try:
            result = subprocess.run(
                [sys.executable, __file__, "--child", handle.name, "--kind", kind],
                capture_output=True,
                text=True,
                check=True,
            )
        finally:
            os.unlink(handle.name)
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        hostile = not title.startswith("legitimate")
        ok = figures["rss_mb"] < TARGET_MB and figures["traced_mb"] < TARGET_MB and figures["seconds"] < TARGET_S
        ok = ok and figures["outcome"].startswith("refused" if hostile else "accepted")
        missed += not ok
        size = f"{len(data) / 1024:,.0f} KB" if len(data) < MB else f"{len(data) / MB:.1f} MB"
        print(
            f"| {title} | {size} | {figures['seconds']:.2f} s | {figures['rss_mb']:.1f} MB | "
            f"{figures['traced_mb']:.1f} MB | {figures['outcome'][:150]}{'' if ok else ' **MISSED**'} |"
        )
    print(f"# {missed} target(s) missed")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
