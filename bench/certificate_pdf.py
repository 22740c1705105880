"""How fast certificate PDFs are drawn. Prints figures; run with `.venv/bin/python bench/certificate_pdf.py`.

Measures, in one process: a minimal reportlab page (the floor), one certificate PDF (embedded DejaVu
Sans, QR code, full layout) in milliseconds per certificate, and a ZIP of 500 certificates. The target
is under 15 ms per certificate on one core. No database is needed: the renderer reads only snapshots.

Then the signed documents (docs/credentials.md), side by side with throw-away demo keys: the unsigned
certificate, pyHanko's plain ``sign_pdf`` (key loaded per call, as a naive integration does, and with a
kept signer), ours through pyHanko (``sign_pdf_bytes``, the path with a timestamp authority), ours drawn and sealed in
one pass (``seal``, what a download costs), a ZIP of 200 signed certificates, and one Open Badges
credential with its JWT proof. Targets: signed PDF < 15 ms, ZIP of 200 signed < 4 s, credential < 2 ms.
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

from certificates.pdf import renderer_for  # noqa: E402
from certificates.pdf_zip import stream_certificates_zip, zip_certificates  # noqa: E402
from certificates.qr import qr_rows_for  # noqa: E402
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
    renderer_for(snapshots[0]).render()  # warm-up: imports, glyph caches

    median, best, cpu = per_call_ms(minimal_page, 200)
    print(f"minimal reportlab page:      median {median:6.2f} ms, best {best:6.2f} ms, CPU {cpu:6.2f} ms")
    counter = iter(range(10**6))
    median, best, cpu = per_call_ms(lambda: renderer_for(snapshots[next(counter) % 500]).render(), 200)
    size = len(renderer_for(snapshots[0]).render())
    print(
        f"certificate PDF:             median {median:6.2f} ms, best {best:6.2f} ms, CPU {cpu:6.2f} ms"
        f" ({size / 1024:.0f} KiB)"
    )
    print(f"  target < 15 ms CPU per certificate on one core: {'met' if cpu < 15 else 'NOT met'}")
    # Snapshots issued before the QR code was kept: the renderer encodes it itself.
    older = [{k: v for k, v in s.items() if k != "qr_rows"} for s in snapshots[:50]]
    median, best, cpu = per_call_ms(lambda: renderer_for(older[next(counter) % 50]).render(), 50)
    print(f"  same, QR code encoded while rendering: median {median:6.2f} ms, best {best:6.2f} ms, CPU {cpu:6.2f} ms")

    start, cpu_start = time.perf_counter(), time.process_time()
    archive = zip_certificates(snapshots)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    print(
        f"ZIP of 500 certificates:     {elapsed:6.2f} s wall, {cpu:6.2f} s CPU "
        f"({cpu * 1000 / 500:.2f} ms CPU per certificate, {len(archive) / 1024 / 1024:.1f} MiB)"
    )


def signed_documents() -> None:
    import tempfile

    import django

    django.setup()
    from django.conf import settings
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigSeedSubFilter

    from certificates import signing, signing_keys
    from certificates.credentials import build_credential, sign_credential

    snapshots = [snapshot(i) for i in range(200)]
    unsigned = renderer_for(snapshots[0]).render()
    counter = iter(range(10**6))
    print("\nsigned documents (CPU ms per document; median wall in brackets)")
    median, best, cpu = per_call_ms(lambda: renderer_for(snapshots[next(counter) % 200]).render(), 100)
    print(f"  unsigned certificate PDF:                 {cpu:6.2f} ms  ({median:6.2f})")

    def run(algorithm: str) -> None:
        directory = Path(tempfile.mkdtemp())
        signing_keys.make_demo_keys(directory, "default", "Bench gGmbH", algorithm=algorithm)
        settings.CERTIFICATE_SIGNING_KEY_DIR = directory
        signing_keys.reset_keys()
        signing.reset_signers()
        key_file, cert_file = str(directory / "default.key.pem"), str(directory / "default.cert.pem")
        chain = (str(directory / "default.chain.pem"),)
        metadata = signers.PdfSignatureMetadata(field_name="Siegel", subfilter=SigSeedSubFilter.PADES)
        label = "EC P-256" if algorithm == "ec" else "RSA-2048"

        def plain_loading():
            signer = signers.SimpleSigner.load(key_file, cert_file, ca_chain_files=chain)
            return signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(unsigned)), metadata, signer=signer)

        kept = signers.SimpleSigner.load(key_file, cert_file, ca_chain_files=chain)

        def plain_kept():
            return signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(unsigned)), metadata, signer=kept)

        def ours():
            return signing.sign_pdf_bytes(unsigned, organisation_id=1, number="IB-2026-0001")

        ours()  # loads the key, measures the container once
        for name, function, repeat in (
            ("plain sign_pdf, key loaded per call", plain_loading, 20),
            ("plain sign_pdf, signer kept", plain_kept, 20),
            ("ours through pyHanko (signature only)", ours, 100),
        ):
            median, best, cpu = per_call_ms(function, repeat)
            print(f"  {label} {name + ':':37} {cpu:6.2f} ms  ({median:6.2f})")
        # Side by side, alternating, so a change in the machine's load hits all three alike.
        unsigned_times, pyhanko_times, sealed_times = [], [], []
        for i in range(300):
            document = snapshots[i % 200]
            for times, function in (
                (unsigned_times, lambda d: renderer_for(d).render()),
                (pyhanko_times, lambda d: ours_render_and_sign(d, signing)),
                (sealed_times, lambda d: signing.seal(renderer_for(d), organisation_id=1)),
            ):
                cpu_start = time.process_time()
                function(document)
                times.append((time.process_time() - cpu_start) * 1000)
        for name, times in (
            ("unsigned, drawn only", unsigned_times),
            ("drawn, then signed through pyHanko", pyhanko_times),
            ("drawn and sealed in one pass (ours)", sealed_times),
        ):
            print(f"  {label} {name + ':':37} {statistics.mean(times):6.2f} ms CPU (target < 15 ms sealed)")
        start, cpu_start = time.perf_counter(), time.process_time()
        archive = b"".join(stream_certificates_zip(snapshots, sign=signing.zip_signer(1)))
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        print(
            f"  {label} ZIP of 200 signed certificates: {elapsed:5.2f} s wall, {cpu:5.2f} s CPU "
            f"({len(archive) / 1024 / 1024:.1f} MiB; target < 4 s)"
        )
        key = signing_keys.organisation_key(1)
        credential_counter = iter(range(10**6))

        def credential():
            document = build_credential(
                snapshot=snapshots[next(credential_counter) % 200],
                organisation_id=1,
                status_index=42,
                email="lan.nguyen@example.org",
            )
            return sign_credential(document, key)

        median, best, cpu = per_call_ms(credential, 300)
        print(f"  {label} Open Badges credential + JWT proof: {cpu:6.3f} ms  ({median:6.3f}; target < 2 ms)")

    for algorithm in ("ec", "rsa"):
        run(algorithm)


def ours_render_and_sign(document, signing):
    pdf = renderer_for(document).render()
    return signing.sign_pdf_bytes(pdf, organisation_id=1, number=document["number"])


if __name__ == "__main__":
    main()
    signed_documents()
