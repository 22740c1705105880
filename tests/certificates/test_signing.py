"""PAdES signatures on the downloaded PDFs, checked by poppler's pdfsig (an independent implementation)."""

import io
import shutil
import subprocess
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse

from certificates import services
from certificates.pdf import renderer_for
from certificates.samples import sample_snapshot
from certificates.signing import PdfVerdict, check_pdf, reset_signers, seal, sign_pdf_bytes
from certificates.signing_keys import organisation_key, reset_keys
from tests.factories import EnrolmentFactory, ParticipantFactory

from .factories import make_eligible

pytestmark = pytest.mark.django_db

needs_pdfsig = pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler-utils (pdfsig) not installed")


@pytest.fixture
def certificate(eligible, staff):
    return services.certificate_issue(enrolment=eligible, by=staff)


def pdfsig(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "document.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False).stdout


def altered(pdf: bytes) -> bytes:
    """One bit flipped inside the page's content stream (covered by the signature; the file still parses)."""
    position = pdf.index(b"stream", 2000) + 100
    return pdf[:position] + bytes([pdf[position] ^ 1]) + pdf[position + 1 :]


def sealed() -> bytes:
    """Drawn and signed in one pass: what the downloads serve."""
    return seal(renderer_for(sample_snapshot()), organisation_id=1)


def through_pyhanko() -> bytes:
    """Drawn, then signed by pyHanko as an incremental update: the path with a timestamp authority."""
    return sign_pdf_bytes(renderer_for(sample_snapshot()).render(), organisation_id=1, number="IB-2026-0042")


@needs_pdfsig
@pytest.mark.parametrize("sign", [sealed, through_pyhanko])
def test_a_signed_certificate_is_valid_and_wholly_signed_for_pdfsig(signing_keys, tmp_path, sign):
    pdf = sign()
    report = pdfsig(pdf, tmp_path)
    assert "Signature Validation: Signature is Valid." in report
    assert "Total document signed" in report
    assert "ETSI.CAdES.detached" in report  # PAdES, not the older adbe.pkcs7.detached
    assert "Signing Time:" in report
    # Signed twice: the second reuses the reserved size measured by the first and is just as valid.
    assert "Signature Validation: Signature is Valid." in pdfsig(sign(), tmp_path)


@needs_pdfsig
@pytest.mark.parametrize("sign", [sealed, through_pyhanko])
def test_a_changed_byte_is_reported_by_pdfsig_and_by_our_check(signing_keys, tmp_path, sign):
    pdf = altered(sign())
    report = pdfsig(pdf, tmp_path)
    assert "Signature Validation: Signature is Valid." not in report
    assert "Digest Mismatch" in report
    assert check_pdf(pdf).verdict == PdfVerdict.ALTERED


@pytest.mark.parametrize("sign", [sealed, through_pyhanko])
def test_our_check_accepts_our_signature_and_reads_the_number(signing_keys, sign):
    result = check_pdf(sign())
    assert result.verdict == PdfVerdict.SIGNED
    assert result.number == "IB-2026-0042"
    assert result.signed_at is not None


def test_unsigned_foreign_and_broken_files_are_not_ours(signing_keys, tmp_path):
    unsigned = renderer_for(sample_snapshot()).render()
    assert check_pdf(unsigned).verdict == PdfVerdict.NOT_OURS
    assert check_pdf(b"GIF89a not a pdf").verdict == PdfVerdict.UNREADABLE
    assert check_pdf(b"%PDF-1.7\n garbage without structure").verdict == PdfVerdict.UNREADABLE
    # Signed with another key (another CA): valid for pdfsig, but not ours.
    from certificates.signing_keys import make_demo_keys

    make_demo_keys(tmp_path / "foreign", "default", "Fremder Aussteller")
    reset_keys()
    reset_signers()
    from django.conf import settings

    settings.CERTIFICATE_SIGNING_KEY_DIR = tmp_path / "foreign"
    foreign = sign_pdf_bytes(unsigned, organisation_id=1, number="IB-2026-0042")
    settings.CERTIFICATE_SIGNING_KEY_DIR = signing_keys
    reset_keys()
    reset_signers()
    assert check_pdf(foreign).verdict == PdfVerdict.NOT_OURS


def test_without_a_key_documents_go_out_unsigned(settings, tmp_path):
    settings.CERTIFICATE_SIGNING_KEY_DIR = tmp_path
    settings.CERTIFICATE_SIGNING_KEYS = {}
    reset_keys()
    reset_signers()
    pdf = renderer_for(sample_snapshot()).render()
    assert sign_pdf_bytes(pdf, organisation_id=1, number="IB-2026-0042") == pdf
    assert seal(renderer_for(sample_snapshot()), organisation_id=1) == pdf
    reset_keys()
    reset_signers()


def test_a_pkcs12_file_with_a_passphrase_from_the_environment(settings, tmp_path, monkeypatch, signing_key_dir):
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    key = serialization.load_pem_private_key((signing_key_dir / "default.key.pem").read_bytes(), None)
    certificate = x509.load_pem_x509_certificate((signing_key_dir / "default.cert.pem").read_bytes())
    ca = x509.load_pem_x509_certificate((signing_key_dir / "default.chain.pem").read_bytes())
    bundle = pkcs12.serialize_key_and_certificates(
        b"seal", key, certificate, [ca], serialization.BestAvailableEncryption(b"geheim")
    )
    (tmp_path / "seal.p12").write_bytes(bundle)
    monkeypatch.setenv("SEAL_PASSPHRASE", "geheim")
    settings.CERTIFICATE_SIGNING_KEYS = {
        "7": {"pkcs12": str(tmp_path / "seal.p12"), "passphrase_env": "SEAL_PASSPHRASE"}
    }
    settings.CERTIFICATE_SIGNING_KEY_DIR = tmp_path
    reset_keys()
    reset_signers()
    loaded = organisation_key(7)
    assert loaded is not None and loaded.algorithm == "ES256" and len(loaded.chain) == 1
    assert "d" not in loaded.public_jwk  # never the private part
    reset_keys()
    reset_signers()


def test_participant_download_is_signed(client, participant_user, certificate, signing_keys):
    client.force_login(participant_user)
    response = client.get(reverse("certificates:download", kwargs={"pk": certificate.pk}))
    result = check_pdf(response.content)
    assert result.verdict == PdfVerdict.SIGNED
    assert result.number == certificate.number


def test_every_pdf_in_the_cohort_zip_is_signed(client, staff, supervisor, cohort, signing_keys):
    for _ in range(2):
        enrolment = EnrolmentFactory(
            cohort=cohort, participant=ParticipantFactory(organisation=cohort.site.organisation)
        )
        make_eligible(enrolment, supervisor=supervisor)
    services.certificates_issue_for_cohort(cohort=cohort, by=staff)
    client.force_login(staff)
    body = b"".join(client.get(reverse("certificates:cohort_zip", kwargs={"pk": cohort.pk})).streaming_content)
    archive = zipfile.ZipFile(io.BytesIO(body))
    for name in archive.namelist():
        result = check_pdf(archive.read(name))
        assert result.verdict == PdfVerdict.SIGNED
        assert name.endswith(f"{result.number}.pdf")


def test_make_signing_key_makes_one_key_per_organisation_and_keeps_it(organisation, settings, tmp_path):
    settings.CERTIFICATE_SIGNING_KEY_DIR = tmp_path
    call_command("make_signing_key", stdout=io.StringIO())
    key_file = tmp_path / f"organisation-{organisation.pk}.key.pem"
    assert key_file.is_file() and (key_file.stat().st_mode & 0o077) == 0  # readable by the owner only
    before = key_file.read_bytes()
    call_command("make_signing_key", stdout=io.StringIO())
    assert key_file.read_bytes() == before
    reset_keys()
    assert organisation_key(organisation.pk).certificate.subject.native["common_name"] == organisation.name
    reset_keys()


def _upload(pdf: bytes, name="Zertifikat.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, pdf, content_type="application/pdf")


def test_the_check_page_reports_valid_revoked_and_altered_pdfs(
    client, participant_user, staff, certificate, signing_keys
):
    client.force_login(participant_user)
    pdf = client.get(reverse("certificates:download", kwargs={"pk": certificate.pk})).content
    client.logout()
    url = reverse("certificates:verify_pdf")
    response = client.post(url, {"file": _upload(pdf)})
    assert response.context["outcome"] == "valid"
    assert certificate.holder_name in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert client.post(url, {"file": _upload(altered(pdf))}).context["outcome"] == "altered"
    unsigned = renderer_for(certificate.snapshot).render()
    assert client.post(url, {"file": _upload(unsigned)}).context["outcome"] == "not_ours"
    services.certificate_revoke(certificate=certificate, reason="Issued in error", by=staff)
    response = client.post(url, {"file": _upload(pdf)})
    assert response.context["outcome"] == "revoked"  # the signature still holds; the status decides


def test_the_check_page_refuses_large_files_before_reading_them(client, german_client, signing_keys):
    url = reverse("certificates:verify_pdf")
    big = b"%PDF-1.7\n" + b"0" * (2 * 1024 * 1024)
    response = client.post(url, {"file": _upload(big)})
    assert "The file is larger than 2 MB." in response.content.decode()
    assert "outcome" not in response.context
    response = german_client.post(url, {"file": _upload(big)})
    assert "Die Datei ist größer als 2 MB." in response.content.decode()
    response = client.post(url, {"file": _upload(b"just text", "notes.pdf")})
    assert response.context["outcome"] == "unreadable"


def test_the_check_page_is_throttled_like_the_code_check(client, settings, signing_keys):
    from certificates import conf

    url = reverse("certificates:verify_pdf")
    for _ in range(conf.verify_max_failures()):
        assert client.post(url, {"file": _upload(b"just text")}).status_code == 200
    response = client.post(url, {"file": _upload(b"just text")})
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()


@pytest.mark.parametrize("algorithm", ["ec", "rsa"])
def test_the_container_assembled_from_parts_is_the_der_asn1crypto_would_write(algorithm, settings, tmp_path):
    """certificates.signing assembles the CMS container from parts encoded once; asn1crypto, building the
    same container from the parsed attributes and signature (the pyHanko path's packaging), must write the
    same bytes, and the signature must verify over the signed attributes."""
    import hashlib

    from asn1crypto import cms
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec, padding

    from certificates import signing_keys
    from certificates.signing import _organisation_signer

    signing_keys.make_demo_keys(tmp_path, "default", "Test gGmbH", algorithm=algorithm)
    settings.CERTIFICATE_SIGNING_KEY_DIR = tmp_path
    settings.CERTIFICATE_SIGNING_KEYS = {}
    reset_keys()
    reset_signers()
    digest = hashlib.sha256(b"document").digest()
    signer = _organisation_signer(1).signer
    container = signer.pades_container(digest)
    parsed = cms.ContentInfo.load(container)
    signer_info = parsed["content"]["signer_infos"][0]
    rebuilt = signer._package_signature(
        digest_algorithm="sha256",
        cms_version="v1",
        signed_attrs=cms.CMSAttributes.load(signer_info["signed_attrs"].untag().dump(force=True)),
        signature=signer_info["signature"].native,
        unsigned_attrs=None,
        encap_content_info=None,
    )
    assert rebuilt.dump() == container
    attributes = {a["type"].native: a["values"][0] for a in signer_info["signed_attrs"]}
    assert set(attributes) == {"content_type", "message_digest", "signing_certificate_v2"}
    assert attributes["message_digest"].native == digest
    assert len(parsed["content"]["certificates"]) == 2
    signed = signer_info["signed_attrs"].untag().dump(force=True)
    public = serialization.load_pem_public_key(_public_pem(tmp_path))
    signature = signer_info["signature"].native
    if algorithm == "ec":
        public.verify(signature, signed, ec.ECDSA(hashes.SHA256()))
    else:
        public.verify(signature, signed, padding.PKCS1v15(), hashes.SHA256())
    reset_keys()
    reset_signers()


def _public_pem(directory) -> bytes:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    certificate = x509.load_pem_x509_certificate((directory / "default.cert.pem").read_bytes())
    return certificate.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
