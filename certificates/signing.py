"""PAdES signatures on the certificate PDFs (pyHanko), and their validation for the public check page.

Every PDF we hand out carries a PAdES baseline signature of the issuing organisation (ETSI EN 319 142):
B-B with the signing time in the signature dictionary; B-LT (a timestamp and the validation data embedded)
when ``settings.CERTIFICATE_TIMESTAMP_URL`` names a timestamp authority. The signature covers the whole
file; its reason is the certificate number, so the check page finds the certificate from the PDF alone.

Speed (docs/benchmarks.md): pyHanko's plain ``sign_pdf`` loads the key and certificates on every call,
re-reads the finished PDF to add a signature field as an incremental update, builds the whole CMS
container twice (a dry run to learn its size, then the real one), and rebuilds its constant parts from
parsed certificate objects. Here (``seal``, B-B) the signer is built once per organisation and process,
the renderer writes the signature field with a placeholder of a size measured once into the PDF it draws
(no second parse, no incremental update), and the CMS container is put together from parts encoded once;
what is left per document is hashing the file and one signature. B-LT needs pyHanko's validation-data
machinery, so with a timestamp authority the drawn PDF goes through pyHanko (``sign_pdf_bytes``).
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import hashlib
import io
import itertools
import logging
import re
import threading
from dataclasses import dataclass

from asn1crypto import cms, tsp
from django.conf import settings
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.attributes import CMSAttributeProvider, SigningCertificateV2Provider
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.general import as_signing_certificate_v2
from pyhanko_certvalidator.registry import SimpleCertificateStore
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFObject, PDFString

from .signing_keys import OrganisationKey, organisation_key

logger = logging.getLogger(__name__)

FIELD_NAME = "Siegel"


class _KnownSigningCertificate(CMSAttributeProvider):
    """The signing-certificate-v2 attribute (RFC 5035) of a fixed certificate, encoded once."""

    attribute_type = "signing_certificate_v2"

    def __init__(self, der: bytes):
        self._der = der

    async def build_attr_value(self, dry_run=False):
        return tsp.SigningCertificateV2.load(self._der)


@dataclass(frozen=True)
class _PadesParts:
    attrs_head: bytes
    attrs_tail: bytes
    signer_info_head: bytes
    signature_algorithm: bytes
    levels: tuple


def _der(tag: int, content: bytes) -> bytes:
    """One DER element: tag, definite length, content."""
    length = len(content)
    if length < 0x80:
        return bytes((tag, length)) + content
    size = length.to_bytes((length.bit_length() + 7) // 8, "big")
    return bytes((tag, 0x80 | len(size))) + size + content


class CachedKeySigner(signers.SimpleSigner):
    """pyHanko's SimpleSigner with what does not change between documents prepared once: the private key
    object (SimpleSigner re-reads it from DER for every signature), and the DER of the parts of the CMS
    container that depend only on the certificate. Overrides internal methods: pyHanko is pinned below the
    next minor version in pyproject.toml."""

    def __init__(self, key: OrganisationKey):
        super().__init__(
            signing_cert=key.certificate,
            signing_key=key.private_key_info,
            cert_registry=SimpleCertificateStore.from_certs(key.certificates),
        )
        self._private_key = key.private_key
        self._sid_der = cms.SignerIdentifier(
            {
                "issuer_and_serial_number": cms.IssuerAndSerialNumber(
                    {"issuer": key.certificate.issuer, "serial_number": key.certificate.serial_number}
                )
            }
        ).dump()
        self._signing_certificate_der = as_signing_certificate_v2(key.certificate).dump()
        self._certificate_ders = [
            cms.CertificateChoices(name="certificate", value=certificate).dump() for certificate in key.certificates
        ]

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        from cryptography.hazmat.primitives.asymmetric.ec import ECDSA, EllipticCurvePrivateKey
        from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
        from pyhanko.sign.general import get_pyca_cryptography_hash

        hash_algorithm = get_pyca_cryptography_hash(digest_algorithm)
        if isinstance(self._private_key, EllipticCurvePrivateKey):
            return self._private_key.sign(data, ECDSA(hash_algorithm))
        return self._private_key.sign(data, PKCS1v15(), hash_algorithm)

    def _signed_attr_providers(self, *args, **kwargs):
        for provider in super()._signed_attr_providers(*args, **kwargs):
            if isinstance(provider, SigningCertificateV2Provider):
                yield _KnownSigningCertificate(self._signing_certificate_der)
            else:
                yield provider

    def signer_info(self, digest_algorithm: str, signed_attrs, signature):
        return cms.SignerInfo(
            {
                "version": "v1",
                "sid": cms.SignerIdentifier.load(self._sid_der),
                "digest_algorithm": {"algorithm": digest_algorithm},
                "signature_algorithm": self.get_signature_mechanism_for_digest(digest_algorithm),
                "signed_attrs": signed_attrs,
                "signature": signature,
            }
        )

    def pades_container(self, digest: bytes) -> bytes:
        """The DER of a PAdES B-B CMS container (RFC 5652 SignedData, detached) over a SHA-256 ``digest``:
        the signed attributes pyHanko writes for PAdES (content type, message digest, signing certificate
        v2; the signing time is in the signature dictionary, not here), one signature, our certificates.

        Everything but the digest and the signature is constant per key, and the signature is the last
        element of every enclosing structure, so the container is the constant parts (``_pades_parts``,
        encoded once with asn1crypto) wrapped around the signature with fresh DER lengths: a tenth of the
        time asn1crypto takes to build and encode the whole tree per document."""
        parts = self._pades_parts
        signed_attrs = parts.attrs_head + digest + parts.attrs_tail
        content = _der(0x04, self.sign_raw(signed_attrs, "sha256"))
        # [0] IMPLICIT instead of the SET tag the signature was computed over (RFC 5652, 5.4)
        content = _der(0x30, parts.signer_info_head + b"\xa0" + signed_attrs[1:] + parts.signature_algorithm + content)
        for tag, head in parts.levels:
            content = _der(tag, head + content)
        return content

    @functools.cached_property
    def _pades_parts(self) -> _PadesParts:
        marker = b"\xa5" * 32
        attrs = cms.CMSAttributes(
            [
                {"type": "content_type", "values": ["data"]},
                {"type": "message_digest", "values": [marker]},
                {
                    "type": "signing_certificate_v2",
                    "values": [tsp.SigningCertificateV2.load(self._signing_certificate_der)],
                },
            ]
        ).dump()
        at = attrs.index(marker)
        digest_algorithm = cms.DigestAlgorithm({"algorithm": "sha256"}).dump()
        version = b"\x02\x01\x01"  # v1: the signer is identified by issuer and serial number
        return _PadesParts(
            attrs_head=attrs[:at],
            attrs_tail=attrs[at + len(marker) :],
            signer_info_head=version + self._sid_der + digest_algorithm,
            signature_algorithm=self.get_signature_mechanism_for_digest("sha256").dump(),
            levels=(  # innermost first: SignerInfos, SignedData, [0] EXPLICIT content, ContentInfo
                (0x31, b""),
                (
                    0x30,
                    version
                    + _der(0x31, digest_algorithm)
                    + cms.EncapsulatedContentInfo({"content_type": "data"}).dump()
                    # a SET OF: DER orders its elements by their encoding (X.690, 11.6)
                    + _der(0xA0, b"".join(sorted(self._certificate_ders))),
                ),
                (0xA0, b""),
                (0x30, cms.ContentType("signed_data").dump()),
            ),
        )

    def _package_signature(
        self, *, digest_algorithm, cms_version, signed_attrs, signature, unsigned_attrs, encap_content_info
    ):
        sig_info = self.signer_info(digest_algorithm, signed_attrs, signature)
        if unsigned_attrs is not None:
            sig_info["unsigned_attrs"] = unsigned_attrs
        signed_data = {
            "version": cms_version,
            "digest_algorithms": cms.DigestAlgorithms((sig_info["digest_algorithm"],)),
            "encap_content_info": encap_content_info or {"content_type": "data"},
            "certificates": [cms.CertificateChoices.load(der) for der in self._certificate_ders],
            "signer_infos": [sig_info],
        }
        return cms.ContentInfo({"content_type": cms.ContentType("signed_data"), "content": cms.SignedData(signed_data)})


@dataclass
class _OrganisationSigner:
    key: OrganisationKey
    signer: CachedKeySigner
    metadata: signers.PdfSignatureMetadata
    timestamper: object
    bytes_reserved: int | None = None
    container_size: int = 0  # bytes of a B-B container, measured once (see _build)

    @property
    def long_term(self) -> bool:
        return self.timestamper is not None

    def pdf_signer(self, number: str) -> signers.PdfSigner:
        # A PdfSigner per document (cheap): its metadata is frozen and carries the certificate number.
        metadata = dataclasses.replace(self.metadata, reason=number)
        return signers.PdfSigner(metadata, signer=self.signer, timestamper=self.timestamper)


def _timestamper():
    url = getattr(settings, "CERTIFICATE_TIMESTAMP_URL", "")
    if not url:
        return None
    from pyhanko.sign.timestamps import HTTPTimeStamper

    return HTTPTimeStamper(url, timeout=getattr(settings, "CERTIFICATE_TIMESTAMP_TIMEOUT", 10))


def _build(key: OrganisationKey) -> _OrganisationSigner:
    timestamper = _timestamper()
    options = {}
    if timestamper is not None:
        # B-LT: a timestamp token (B-T) plus the certificates and revocation data a reader needs in decades,
        # embedded in the document security store. Our own chain is the trust anchor for collecting them.
        from pyhanko_certvalidator import ValidationContext

        options = {
            "embed_validation_info": True,
            "validation_context": ValidationContext(
                trust_roots=[key.certificates[-1]], other_certs=list(key.certificates), allow_fetching=True
            ),
        }
    metadata = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME, subfilter=SigSeedSubFilter.PADES, md_algorithm="sha256", **options
    )
    signer = CachedKeySigner(key)
    # The container's size varies only with the signature (an ECDSA signature's DER by a byte or two):
    # reserve what one measured signature needs plus a margin.
    container_size = len(signer.pades_container(bytes(32))) + 16
    return _OrganisationSigner(
        key=key, signer=signer, metadata=metadata, timestamper=timestamper, container_size=container_size
    )


_signers: dict = {}
_lock = threading.Lock()


def _organisation_signer(organisation_id: int | None) -> _OrganisationSigner | None:
    found = _signers.get(organisation_id)
    if found is not None:
        return found
    key = organisation_key(organisation_id)
    if key is None:
        return None
    with _lock:
        found = _signers.get(organisation_id)
        if found is None:
            found = _signers[organisation_id] = _build(key)
        return found


def reset_signers() -> None:
    with _lock:
        _signers.clear()


def sign_pdf_bytes(pdf: bytes, *, organisation_id: int | None, number: str) -> bytes:
    """The PDF with the organisation's PAdES signature over all of it, or unchanged where the organisation
    has no key (logged once by signing_keys)."""
    signer = _organisation_signer(organisation_id)
    if signer is None:
        return pdf
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    pdf_signer = signer.pdf_signer(number)
    if signer.bytes_reserved is None and not signer.long_term:
        # The first signature measures the container (pyHanko's dry run); later ones reuse the size with a
        # margin, which also covers an RSA or ECDSA signature a byte longer than the measured one.
        output = pdf_signer.sign_pdf(writer)
        signer.bytes_reserved = _reserved_size(output.getvalue())
        return output.getvalue()
    return pdf_signer.sign_pdf(writer, bytes_reserved=signer.bytes_reserved).getvalue()


class _Placeholder(PDFObject):
    """The signature dictionary as reportlab writes it: fixed-width placeholders for /ByteRange and
    /Contents that ``SignatureField.fill`` overwrites in place once the file is complete."""

    def __init__(self, head: bytes, tail: bytes):
        self.head, self.tail = head, tail

    def format(self, document):
        return self.head + self.tail


_BYTE_RANGE_WIDTH = 40  # "[0 a b c]" with four numbers of up to ten digits, padded with spaces


class SignatureField:
    """An invisible signature field ("Siegel") for one document: ``add_to(canvas)`` before the page is
    closed (the renderer's ``finish``), ``fill(pdf)`` on the finished bytes."""

    def __init__(self, signer: _OrganisationSigner, number: str):
        self.signer = signer
        self.number = number
        self.contents_hex = 2 * signer.container_size
        signed_at = datetime.datetime.now(datetime.UTC).strftime("D:%Y%m%d%H%M%S+00'00'")
        self.head = (
            b"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /M ("
            + signed_at.encode()
            + b") /Reason "
        )
        # Unique in the file: a run of thousands of zeros between "<" and ">" occurs nowhere else.
        self.placeholder = (
            b"\n/ByteRange [0 0 0 0]".ljust(len(b"\n/ByteRange ") + _BYTE_RANGE_WIDTH)
            + b"\n/Contents <"
            + b"0" * self.contents_hex
            + b"> >>"
        )

    def add_to(self, canvas) -> None:
        document = canvas._doc
        reason = PDFString(self.number).format(document)
        value = document.Reference(_Placeholder(self.head + reason, self.placeholder), name="SiegelValue")
        widget = PDFDictionary(
            {
                "Type": PDFName("Annot"),
                "Subtype": PDFName("Widget"),
                "FT": PDFName("Sig"),
                "T": PDFString(FIELD_NAME),
                "F": 132,  # print, locked
                "Rect": PDFArray([0, 0, 0, 0]),
                "P": document.thisPageRef(),
                "V": value,
            }
        )
        canvas._addAnnotation(widget, name=FIELD_NAME)
        document.Catalog.AcroForm = PDFDictionary(
            {"Fields": PDFArray([document.refAnnotation(FIELD_NAME)]), "SigFlags": 3}
        )

    def fill(self, pdf: bytes) -> bytes:
        start = pdf.index(self.placeholder)
        contents_start = start + len(self.placeholder) - self.contents_hex - len(b"<> >>")
        contents_end = contents_start + self.contents_hex + 2
        range_at = start + len(b"\n/ByteRange ")
        byte_range = b"[0 %d %d %d]" % (contents_start, contents_end, len(pdf) - contents_end)
        document = bytearray(pdf)
        document[range_at : range_at + _BYTE_RANGE_WIDTH] = byte_range.ljust(_BYTE_RANGE_WIDTH)
        view = memoryview(document)
        digest = hashlib.sha256(view[:contents_start])
        digest.update(view[contents_end:])
        container = self.signer.signer.pades_container(digest.digest()).hex().encode()
        if len(container) > self.contents_hex:  # cannot happen with the measured size and margin; never corrupt
            raise ValueError("The signature container is larger than the space reserved for it.")
        document[contents_start + 1 : contents_start + 1 + len(container)] = container
        return bytes(document)


def seal(renderer, *, organisation_id: int | None) -> bytes:
    """The renderer's PDF with the organisation's PAdES signature over all of it, drawn and signed in one
    pass; unsigned where the organisation has no key (logged once by signing_keys)."""
    signer = _organisation_signer(organisation_id)
    if signer is None:
        return renderer.render()
    number = renderer.snapshot["number"]
    if signer.long_term:
        return sign_pdf_bytes(renderer.render(), organisation_id=organisation_id, number=number)
    field = SignatureField(signer, number)
    return field.fill(renderer.render(finish=field.add_to))


def _reserved_size(signed: bytes) -> int:
    reader = PdfFileReader(io.BytesIO(signed), strict=False)
    contents = reader.embedded_signatures[0].sig_object["/Contents"]
    used = len(contents)
    return used + 2 * (used // 4) + (used % 2)


def signed_pdf(certificate, renderer) -> bytes:
    """A certificate's PDF, drawn by ``renderer`` and signed by its organisation (the download views)."""
    return seal(renderer, organisation_id=certificate.organisation_id)


def zip_signer(organisation_id: int | None):
    """For the cohort ZIP: a function renderer -> signed PDF for one organisation."""

    def sign(renderer) -> bytes:
        return seal(renderer, organisation_id=organisation_id)

    return sign


# --- Checking an uploaded PDF ------------------------------------------------------------------------------

MAX_UPLOAD_BYTES = 2 * 1024 * 1024  # a certificate is about 40 KB; a scan is not what we check
MAX_PAGES = 10
# What parsing costs grows with these, not with the bytes: bounded before pyHanko reads anything.
MAX_REVISIONS = 4  # ours: 1 (sealed), 2 (signed by pyHanko), 3 (B-LT: validation data appended)
MAX_OBJECTS = 1_000  # ours: about 25
MAX_SIGNATURES = 2  # ours: 1; each one costs a validation
_OBJECT_HEADER = re.compile(rb"\d+\s+\d+\s+obj\b")


class PdfVerdict:
    """What the check page says about an uploaded PDF (the certificate's own status is looked up after)."""

    SIGNED = "signed"  # our intact signature over the whole file: look up the certificate by number
    ALTERED = "altered"  # our signature, but the file was changed after signing
    NOT_OURS = "not_ours"  # no signature, or one not made with our key
    UNREADABLE = "unreadable"  # not a PDF, or too large or too long to be ours


@dataclass(frozen=True)
class PdfCheck:
    verdict: str
    number: str = ""
    signed_at: object = None


def check_pdf(data: bytes) -> PdfCheck:
    """Validates the signatures of an uploaded PDF with pyHanko. The caller has bounded the size; the page
    count is checked before any signature is looked at. Never raises on bad input."""
    if len(data) > MAX_UPLOAD_BYTES or not data.lstrip()[:5] == b"%PDF-" or not _plausible_structure(data):
        return PdfCheck(PdfVerdict.UNREADABLE)
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        pages = int(reader.root["/Pages"].get("/Count", 0))
        if pages < 1 or pages > MAX_PAGES:
            return PdfCheck(PdfVerdict.UNREADABLE)
        signatures = list(reader.embedded_signatures)
    except Exception:  # noqa: BLE001 - any parse error of a hostile file is "unreadable", never a 500
        logger.info("An uploaded PDF could not be parsed.", exc_info=True)
        return PdfCheck(PdfVerdict.UNREADABLE)
    for embedded in signatures:
        try:
            verdict = _check_signature(embedded)
        except Exception:  # noqa: BLE001 - a damaged signature container
            logger.info("A signature in an uploaded PDF could not be validated.", exc_info=True)
            verdict = None
        if verdict is not None:
            return verdict
    return PdfCheck(PdfVerdict.NOT_OURS)


def _plausible_structure(data: bytes) -> bool:
    """Cheap scans (C speed, a few milliseconds for 2 MB) that refuse a file whose structure would make
    pyHanko's parsing or our validation slow: thousands of revisions (each xref section and trailer is
    read when the file is opened), of objects, or of signatures. Every PDF we issue is far inside.
    Compression bombs and nesting are bounded by pyHanko's stream decoding limits and the recursion limit."""
    if data.count(b"startxref") > MAX_REVISIONS or data.count(b"/ByteRange") > MAX_SIGNATURES:
        return False
    objects = _OBJECT_HEADER.finditer(data)
    return sum(1 for _ in itertools.islice(objects, MAX_OBJECTS + 1)) <= MAX_OBJECTS


def _our_certificate_digests() -> set[bytes]:
    from .signing_keys import all_public_keys

    return {key.certificate.sha256 for key in all_public_keys()}


def _check_signature(embedded) -> PdfCheck | None:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    signer_certificate = embedded.signer_cert
    if signer_certificate is None or signer_certificate.sha256 not in _our_certificate_digests():
        return None
    context = ValidationContext(trust_roots=[signer_certificate], allow_fetching=False, revocation_mode="soft-fail")
    status = validate_pdf_signature(embedded, signer_validation_context=context)
    reason = str(embedded.sig_object.get("/Reason", "")).strip()
    signed_at = status.signer_reported_dt
    if not (status.intact and status.valid) or status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        return PdfCheck(PdfVerdict.ALTERED, number=reason, signed_at=signed_at)
    return PdfCheck(PdfVerdict.SIGNED, number=reason, signed_at=signed_at)
