"""Hostile PDFs for the public check page (certificates.signing.check_pdf), each under the 2 MB upload
limit: shared by tests/certificates/test_hostile_pdf.py (every one is refused before pyHanko parses it)
and bench/hostile_uploads.py (time and memory until the answer)."""

import zlib

from certificates.signing import MAX_UPLOAD_BYTES


def _pdf(objects: list[bytes], *, padding: int = 0) -> bytes:
    """A PDF 1.7 of the given object bodies (object n is objects[n - 1]) with a classic xref table."""
    out = bytearray(b"%PDF-1.7\n" + (b"%" + b"x" * padding + b"\n" if padding else b""))
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % start
    return bytes(out)


_CATALOG = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"]
_PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"


def _bomb(megabytes: int) -> bytes:
    """A zlib stream of ``megabytes`` MB of zeros. Each megabyte is compressed once and closed with a full
    flush, which empties the compressor's window, so every later megabyte compresses to the same bytes:
    the stream is those bytes repeated, an empty final block and the checksum, instead of compressing the
    whole gigabyte (a tenth of the time)."""
    chunk = b"\0" * (1024 * 1024)
    compressor = zlib.compressobj(9)
    first = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)  # with the zlib header
    repeated = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    checksum = 1
    for _ in range(megabytes):
        checksum = zlib.adler32(chunk, checksum)
    final_empty_block = b"\x03\x00"
    return first + repeated * (megabytes - 1) + final_empty_block + checksum.to_bytes(4, "big")


def xref_stream_bomb() -> bytes:
    """The cross-reference data as a Flate stream that inflates to 1 GB."""
    data = _bomb(1024)
    stream = b"<< /Type /XRef /Size 4 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length %d >>\nstream\n" % len(data)
    head = b"%PDF-1.7\n1 0 obj\n" + _CATALOG[0] + b"\nendobj\n"
    start = len(head)
    return head + b"5 0 obj\n" + stream + data + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % start


def object_stream_bomb() -> bytes:
    """The page tree inside an object stream that inflates to 1 GB."""
    data = _bomb(1024)
    stream = b"<< /Type /ObjStm /N 2 /First 10 /Filter /FlateDecode /Length %d >>\nstream\n" % len(data)
    return _pdf([_CATALOG[0], stream + data + b"\nendstream", _PAGE])


def deep_nesting() -> bytes:
    """The catalogue holds an array nested 500,000 deep."""
    depth = 500_000
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R /X " + b"[" * depth + b"]" * depth + b" >>", _CATALOG[1], _PAGE])


def many_objects() -> bytes:
    """35,000 objects (a certificate has about 20)."""
    return _pdf([*_CATALOG, _PAGE] + [b"<< /A %d >>" % i for i in range(35_000)])


def many_revisions() -> bytes:
    """12,000 incremental updates, each with its own xref section chained by /Prev."""
    out = bytearray(_pdf([*_CATALOG, _PAGE]))
    previous = _last_xref(out)
    for _ in range(12_000):
        offset = len(out)
        out += b"3 0 obj\n" + _PAGE + b"\nendobj\n"
        start = len(out)
        out += b"xref\n3 1\n%010d 00000 n \ntrailer\n<< /Size 4 /Root 1 0 R /Prev %d >>\n" % (offset, previous)
        out += b"startxref\n%d\n%%%%EOF\n" % start
        previous = start
    return bytes(out)


def prev_loop() -> bytes:
    """An xref section whose /Prev points at itself."""
    pdf = _pdf([*_CATALOG, _PAGE])
    return pdf.replace(b"/Size 4 /Root 1 0 R ", b"/Size 4 /Root 1 0 R /Prev %d " % _last_xref(pdf))


def _last_xref(pdf) -> int:
    return pdf.rindex(b"\nxref\n") + 1


def many_signatures() -> bytes:
    """500 signature dictionaries (ours has one; each would cost a validation)."""
    signature = b"<< /Type /Sig /Filter /Adobe.PPKLite /ByteRange [0 10 20 30] /Contents <00> >>"
    return _pdf([*_CATALOG, _PAGE] + [signature] * 500)


def padded_to_the_limit() -> bytes:
    """A plain page padded with a comment to just under the upload limit: readable, and not ours."""
    return _pdf([*_CATALOG, _PAGE], padding=MAX_UPLOAD_BYTES - 400)


KINDS = {
    "PDF, cross-reference stream inflating to 1 GB": xref_stream_bomb,
    "PDF, object stream inflating to 1 GB": object_stream_bomb,
    "PDF, an array nested 500,000 deep": deep_nesting,
    "PDF, 35,000 objects": many_objects,
    "PDF, 12,000 incremental updates": many_revisions,
    "PDF, /Prev pointing at its own xref section": prev_loop,
    "PDF, 500 signature dictionaries": many_signatures,
}

# Refused by certificates.signing's structural checks before pyHanko reads the file; the others are bounded
# by pyHanko itself (its stream decoding limits, loop detection) or by Python's recursion limit.
REFUSED_BEFORE_PARSING = {many_objects, many_revisions, many_signatures}
