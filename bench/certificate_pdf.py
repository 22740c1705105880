"""How fast certificate PDFs are drawn. Prints figures; run with `.venv/bin/python bench/certificate_pdf.py`.

Measures, in one process: a minimal reportlab page (the floor), one certificate PDF (embedded DejaVu
Sans, QR code, full layout) in milliseconds per certificate, and a ZIP of 500 certificates. The target
is under 15 ms per certificate on one core. No database is needed: the renderer reads only snapshots.
"""

import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from certificates.pdf import CertificateRenderer, qr_rows_for, zip_certificates  # noqa: E402
from certificates.samples import sample_snapshot  # noqa: E402
from core.fonts import register_fonts  # noqa: E402

NAMES = ["Nguyễn Thị Lan", "Savaş Yılmaz", "Łukasz Wróbel", "Małgorzata Kowalczyk", "Đỗ Thị Hạnh"]
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def snapshot(i: int) -> dict:
    code = "".join(ALPHABET[(i * 7 + k * 13) % 32] for k in range(16))
    url = f"https://integrationsbegleitung.example.org/zertifikate/pruefen/{code}/"
    return sample_snapshot(
        number=f"IB-2026-{i + 1:04d}",
        verification_code=code,
        verification_url=url,
        qr_rows=qr_rows_for(url),  # encoded once at issue time and kept in the snapshot
        participant={"full_name": NAMES[i % len(NAMES)], "date_of_birth": "1988-03-09"},
    )


def minimal_page() -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    canvas.drawString(72, 720, "Hello")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def per_call_ms(function, repeat: int) -> tuple[float, float, float]:
    """Median and best wall-clock time, and mean CPU time of this process (which other programs on a
    busy machine do not inflate), in milliseconds per call."""
    times = []
    cpu_start = time.process_time()
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    cpu = (time.process_time() - cpu_start) * 1000 / repeat
    return statistics.median(times), min(times), cpu


def main() -> None:
    start = time.perf_counter()
    register_fonts()
    print(f"font registration (once per process): {(time.perf_counter() - start) * 1000:.1f} ms")
    snapshots = [snapshot(i) for i in range(500)]
    CertificateRenderer(snapshots[0]).render()  # warm-up: imports, glyph caches

    median, best, cpu = per_call_ms(minimal_page, 200)
    print(f"minimal reportlab page:      median {median:6.2f} ms, best {best:6.2f} ms, CPU {cpu:6.2f} ms")
    counter = iter(range(10**6))
    median, best, cpu = per_call_ms(lambda: CertificateRenderer(snapshots[next(counter) % 500]).render(), 200)
    size = len(CertificateRenderer(snapshots[0]).render())
    print(
        f"certificate PDF:             median {median:6.2f} ms, best {best:6.2f} ms, CPU {cpu:6.2f} ms"
        f" ({size / 1024:.0f} KiB)"
    )
    print(f"  target < 15 ms CPU per certificate on one core: {'met' if cpu < 15 else 'NOT met'}")
    # Snapshots issued before the QR code was kept: the renderer encodes it itself.
    older = [{k: v for k, v in s.items() if k != "qr_rows"} for s in snapshots[:50]]
    median, best, cpu = per_call_ms(lambda: CertificateRenderer(older[next(counter) % 50]).render(), 50)
    print(f"  same, QR code encoded while rendering: median {median:6.2f} ms, best {best:6.2f} ms, CPU {cpu:6.2f} ms")

    start, cpu_start = time.perf_counter(), time.process_time()
    archive = zip_certificates(snapshots)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    print(
        f"ZIP of 500 certificates:     {elapsed:6.2f} s wall, {cpu:6.2f} s CPU "
        f"({cpu * 1000 / 500:.2f} ms CPU per certificate, {len(archive) / 1024 / 1024:.1f} MiB)"
    )


if __name__ == "__main__":
    main()
