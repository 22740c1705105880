"""The public check page's PDF check against hostile files (tests/certificates/hostile_pdfs.py): each is
answered "unreadable"; those whose cost grows with their structure are refused before pyHanko parses them.
Time and memory per file: bench/hostile_uploads.py."""

import pytest

from certificates import signing
from certificates.signing import PdfVerdict, check_pdf

from .hostile_pdfs import KINDS, REFUSED_BEFORE_PARSING, padded_to_the_limit


@pytest.mark.parametrize("build", KINDS.values(), ids=list(KINDS))
def test_a_hostile_pdf_is_unreadable(build, monkeypatch):
    data = build()
    assert len(data) <= signing.MAX_UPLOAD_BYTES
    if build in REFUSED_BEFORE_PARSING:

        def never(*args, **kwargs):
            raise AssertionError("pyHanko was asked to parse a file the structural checks should refuse")

        monkeypatch.setattr(signing, "PdfFileReader", never)
    assert check_pdf(data).verdict == PdfVerdict.UNREADABLE


def test_a_plain_pdf_at_the_size_limit_is_read_and_not_ours(db):
    assert check_pdf(padded_to_the_limit()).verdict == PdfVerdict.NOT_OURS


def test_the_bombs_are_real_zlib_streams():
    """The bombs are built from one compressed megabyte repeated (hostile_pdfs._bomb): a small one inflates
    to exactly its size with a valid checksum, so the gigabyte ones do too."""
    import zlib

    from .hostile_pdfs import _bomb

    inflater = zlib.decompressobj()
    assert inflater.decompress(_bomb(3)) == b"\0" * (3 * 1024 * 1024)
    assert inflater.eof and inflater.unused_data == b""
