"""Each snapshot is drawn with the wording and layout of its own version, so a new wording cannot change
a document already issued (issue 17.5)."""

import io

import pytest
from pypdf import PdfReader

from certificates import pdf
from certificates.pdf import RENDERERS, TEMPLATE_VERSION, CertificateRendererV1, CertificateRendererV2, renderer_for
from certificates.samples import sample_snapshot
from certificates.wording import CERTIFICATE_V1


def text_of(content: bytes) -> str:
    return PdfReader(io.BytesIO(content)).pages[0].extract_text()


def test_each_version_has_its_renderer():
    assert TEMPLATE_VERSION == 2
    assert type(renderer_for(sample_snapshot())) is CertificateRendererV1  # the sample is a version-1 snapshot
    assert type(renderer_for(sample_snapshot(template_version=2, kind="certificate"))) is CertificateRendererV2
    with pytest.raises(ValueError, match="No renderer"):
        renderer_for(sample_snapshot(template_version=99))


def test_a_version_1_snapshot_keeps_its_wording_after_version_2_exists():
    old = sample_snapshot()  # template_version 1, no "kind"
    text = text_of(renderer_for(old).render())
    assert "vom 02.02.2026 bis 26.06.2026 in Dülmen erfolgreich teilgenommen." in text
    assert "Mindestanwesenheit" not in text  # version 2's new sentence
    new = text_of(renderer_for(sample_snapshot(template_version=2, kind="certificate")).render())
    assert "Die Mindestanwesenheit wurde in jedem Modul erreicht" in new


def test_a_later_wording_change_cannot_reach_an_issued_version(monkeypatch):
    """Even a version 3 registered tomorrow with other words draws the version-1 document byte for byte
    as before."""
    before = renderer_for(sample_snapshot()).render()

    class CertificateRendererV3(CertificateRendererV2):
        version = 3
        wording = {lang: {**words, "intro": "NEUE FASSUNG"} for lang, words in CertificateRendererV2.wording.items()}

    monkeypatch.setitem(RENDERERS, (3, "certificate"), CertificateRendererV3)
    monkeypatch.setattr(pdf, "TEMPLATE_VERSION", 3)
    assert renderer_for(sample_snapshot()).render() == before
    assert "NEUE FASSUNG" in text_of(renderer_for(sample_snapshot(template_version=3)).render())
    assert CERTIFICATE_V1["de"]["intro"] == "hat an der Qualifizierungsmaßnahme"
