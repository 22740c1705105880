"""The cohort's certificates as one ZIP, streamed entry by entry (certificates.views, notifications)."""

import datetime
import zipfile

from .pdf import pdf_filename, renderer_for


def zip_certificates(snapshots, language: str | None = None) -> bytes:
    """The whole ZIP of ``stream_certificates_zip`` as one bytes object (same bytes, one code path)."""
    return b"".join(stream_certificates_zip(snapshots, language))


class _ZipChunks:
    """What ``zipfile`` writes, kept until ``take()`` hands it on. Deliberately without ``seek``/``tell``:
    ``ZipFile`` then treats it as unseekable and writes each entry's sizes and CRC in a data descriptor
    after the data instead of seeking back into the local header, so written bytes are final at once."""

    def __init__(self):
        self._chunks: list[bytes] = []

    def write(self, data) -> int:
        self._chunks.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data


def stream_certificates_zip(snapshots, language: str | None = None, sign=None):
    """One ZIP with a PDF per snapshot, named by certificate number, yielded piece by piece: each
    certificate's entry as soon as it is drawn, the central directory last. Memory holds one PDF, not the
    whole ZIP. Stored, not deflated: the PDFs' streams are already compressed, so deflating again would
    cost time and save nothing. Entry times come from the snapshots, so the bytes are deterministic."""
    writer = _ZipChunks()
    with zipfile.ZipFile(writer, "w", compression=zipfile.ZIP_STORED) as archive:
        for snapshot in snapshots:
            info = zipfile.ZipInfo(pdf_filename(snapshot, language), date_time=_zip_time(snapshot))
            renderer = renderer_for(snapshot, language)
            # sign: certificates.signing.zip_signer, which draws and seals the PDF in one pass
            archive.writestr(info, sign(renderer) if sign else renderer.render())
            yield writer.take()
    yield writer.take()  # the central directory, written when the archive closes


def _zip_time(snapshot: dict) -> tuple:
    issued = datetime.datetime.fromisoformat(snapshot["issued_at"]).astimezone(datetime.UTC)
    return (max(issued.year, 1980), issued.month, issued.day, issued.hour, issued.minute, issued.second)
