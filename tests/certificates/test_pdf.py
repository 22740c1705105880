"""The renderer: deterministic, prints every name exactly, carries what the certificate must show."""

import io
import shutil
import subprocess
import zipfile

import pytest
import segno
from pypdf import PdfReader

from certificates.pdf import DocumentRenderer, format_number, renderer_for
from certificates.pdf_zip import stream_certificates_zip, zip_certificates
from certificates.qr import draw_qr, qr_rows_for
from certificates.samples import sample_snapshot
from core.fonts import missing_glyphs

NAMES = ["Savaş Yılmaz", "Nguyễn Thị Lan", "Łukasz Wróbel"]


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    return reader.pages[0].extract_text()


def test_same_snapshot_gives_the_same_bytes():
    snapshot = sample_snapshot()
    first = renderer_for(snapshot).render()
    second = renderer_for(sample_snapshot()).render()
    assert first == second
    assert first.startswith(b"%PDF-")


def test_a_different_snapshot_gives_different_bytes():
    assert (
        renderer_for(sample_snapshot()).render()
        != renderer_for(sample_snapshot(number="IB-2026-0043")).render()
    )


def test_the_creation_date_is_the_issue_time():
    reader = PdfReader(io.BytesIO(renderer_for(sample_snapshot()).render()))
    assert reader.metadata["/CreationDate"].startswith("D:20260701083000")
    assert reader.metadata["/Title"] == "Zertifikat IB-2026-0042"


@pytest.mark.parametrize("name", NAMES)
def test_names_print_exactly(name):
    assert not missing_glyphs(name)
    pdf = renderer_for(sample_snapshot(participant={"full_name": name, "date_of_birth": "1990-05-17"})).render()
    assert name in text_of(pdf)


def test_german_certificate_shows_what_a_certificate_must_show():
    text = text_of(renderer_for(sample_snapshot()).render())
    for expected in [
        "Zertifikat",
        "AWO Unterbezirk",
        "Kreisjobcenter Coesfeld",
        "Kommunales Integrationszentrum",
        "Nguyễn Thị Lan",
        "geboren am 09.03.1988",
        "Integrationsbegleiter:in in Kitas",
        "vom 02.02.2026 bis 26.06.2026 in Dülmen",
        "1. Bildungsgrundsätze NRW",
        "112 von 120",
        "54,5 von 60",
        "226,5 von 240",
        "Kita (Kindertageseinrichtung)",
        "92",
        "Dülmen, 01.07.2026",
        "Anna Schulte",
        "Zertifikat Nr. IB-2026-0042",
        "7K3Q-H9M2-XR4T-JW8P",
    ]:
        assert expected in text, expected


def test_english_version():
    text = text_of(renderer_for(sample_snapshot(language="en")).render())
    assert "Certificate" in text
    assert "born on 09.03.1988" in text
    assert "54.5 of 60" in text
    assert "Zertifikat" not in text


def test_without_placement():
    text = text_of(renderer_for(sample_snapshot(placement=None)).render())
    assert "Keine Praxisphase." in text


def test_older_snapshots_with_a_mask_or_nothing_give_the_same_qr_code():
    current = sample_snapshot()
    assert current["qr_rows"] == qr_rows_for(current["verification_url"])
    with_mask = {key: value for key, value in current.items() if key != "qr_rows"}
    with_mask["qr_mask"] = segno.make(current["verification_url"], error="m", micro=False).mask  # as once issued
    with_nothing = {key: value for key, value in current.items() if key != "qr_rows"}

    drawn = renderer_for(current).render()

    assert renderer_for(with_mask).render() == drawn
    assert renderer_for(with_nothing).render() == drawn


def test_stored_rows_are_the_modules_of_the_code():
    url = "https://example.org/zertifikate/pruefen/7K3QH9M2XR4TJW8P/"
    matrix = segno.make(url, error="m", micro=False).matrix
    rows = qr_rows_for(url)
    assert len(rows) == len(matrix)
    assert [format(int(row, 16), f"0{len(rows)}b") for row in rows] == [
        "".join("1" if dark else "0" for dark in line) for line in matrix
    ]


def test_qr_code_is_drawn_as_merged_runs():
    class Recorder:
        def __init__(self):
            self.literals = []

        def __getattr__(self, name):
            return lambda *args, **kwargs: None

        def addLiteral(self, text):
            self.literals.append(text)

    canvas = Recorder()
    draw_qr(canvas, "https://example.org/zertifikate/pruefen/ABC/", 0, 0, 74)
    (ops,) = canvas.literals
    rectangles = ops.count(" re")
    assert 100 < rectangles < 600  # runs, not one rectangle per dark module


def test_zip_holds_one_pdf_per_certificate():
    snapshots = [sample_snapshot(number=f"IB-2026-{i:04d}") for i in range(1, 4)]
    archive = zipfile.ZipFile(io.BytesIO(zip_certificates(snapshots)))
    assert archive.namelist() == [f"Zertifikat-IB-2026-{i:04d}.pdf" for i in range(1, 4)]
    assert archive.read("Zertifikat-IB-2026-0002.pdf") == renderer_for(snapshots[1]).render()


def test_zip_is_streamed_one_certificate_at_a_time():
    snapshots = [sample_snapshot(number=f"IB-2026-{i:04d}") for i in range(1, 4)]
    chunks = list(stream_certificates_zip(snapshots))
    assert len(chunks) == 4  # one per certificate, then the central directory
    assert all(len(chunk) > 0 for chunk in chunks)
    data = b"".join(chunks)
    assert data == zip_certificates(snapshots)
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.testzip() is None
    assert archive.namelist() == [f"Zertifikat-IB-2026-{i:04d}.pdf" for i in range(1, 4)]
    assert archive.read("Zertifikat-IB-2026-0003.pdf") == renderer_for(snapshots[2]).render()


def test_zip_draws_the_next_certificate_only_when_asked(monkeypatch):
    drawn = []
    render = DocumentRenderer.render
    monkeypatch.setattr(DocumentRenderer, "render", lambda self: drawn.append(1) or render(self))
    stream = stream_certificates_zip([sample_snapshot(number=f"IB-2026-{i:04d}") for i in range(1, 4)])
    first = next(stream)
    assert len(drawn) == 1
    assert first.startswith(b"PK\x03\x04")  # a local file header: the first entry, ready to send


def test_format_number():
    assert format_number("112", "de") == "112"
    assert format_number("54.50", "de") == "54,5"
    assert format_number("54.5", "en") == "54.5"


@pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("zbarimg")), reason="needs poppler-utils and zbar-tools"
)
def test_the_qr_code_scans_to_the_verification_url(tmp_path):
    snapshot = sample_snapshot()
    (tmp_path / "c.pdf").write_bytes(renderer_for(snapshot).render())
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(tmp_path / "c.pdf"), str(tmp_path / "page")], check=True)
    (image,) = tmp_path.glob("page*.png")
    result = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == snapshot["verification_url"]
