"""The organisations' signing keys: where they are, how they are loaded (once per process), and the demo keys.

An administrator configures each organisation's key as a PKCS#12 file or as a PEM key with its certificate
chain (in production a qualified electronic seal), in ``settings.CERTIFICATE_SIGNING_KEYS``::

    CERTIFICATE_SIGNING_KEYS = {
        1: {"pkcs12": "/etc/integrationsbegleitung/awo.p12", "passphrase_env": "AWO_SEAL_PASSPHRASE"},
        2: {"key": "/etc/.../key.pem", "certificate": "/etc/.../cert.pem", "chain": ["/etc/.../ca.pem"]},
    }

An organisation without an entry uses the files ``organisation-<pk>.key.pem`` / ``.cert.pem`` in
``settings.CERTIFICATE_SIGNING_KEY_DIR`` (where ``make_signing_key`` writes the demo's self-signed keys),
else ``default.key.pem`` / ``default.cert.pem`` there, else nothing: its documents go out unsigned and a
warning is logged once. Passphrases come from the environment, never from settings files or the database;
keys are never written to a page or a log.

The loaded key serves both proofs: the PAdES signature of the PDFs and the JWT proof of the credentials.
Loading parses files and (for RSA) checks the key, which costs far more than a signature, so it is done
once per process and kept (``organisation_key``); ``reset_keys()`` forgets them (tests, key rotation).
"""

from __future__ import annotations

import datetime
import logging
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from jwcrypto import jwk

from . import conf

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class OrganisationKey:
    """One organisation's key material, loaded once: the private key (pyca), its certificate and chain
    (as asn1crypto objects for pyHanko), and the public JWK for the credentials' proofs."""

    private_key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey = field(repr=False)
    certificate: asn1_x509.Certificate
    chain: tuple[asn1_x509.Certificate, ...]
    public_jwk: dict
    kid: str
    algorithm: str  # JOSE name: ES256 or RS256
    # The same private key for jwcrypto (the credentials' proofs); never exported, never in a repr or log.
    private_jwk: jwk.JWK = field(repr=False)

    @property
    def private_key_info(self) -> asn1_keys.PrivateKeyInfo:
        der = self.private_key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        return asn1_keys.PrivateKeyInfo.load(der)

    @property
    def certificates(self) -> tuple[asn1_x509.Certificate, ...]:
        return (self.certificate, *self.chain)


def key_directory() -> Path:
    return conf.signing_key_directory()


def _passphrase(entry: dict) -> bytes | None:
    name = entry.get("passphrase_env")
    if not name:
        return None
    value = os.environ.get(name)
    return value.encode() if value else None


def _asn1(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


def _read_certificates(path) -> list[x509.Certificate]:
    data = Path(path).read_bytes()
    if b"-----BEGIN" in data:
        return x509.load_pem_x509_certificates(data)
    return [x509.load_der_x509_certificate(data)]


def _entry_for(organisation_id: int | None) -> dict | None:
    configured = conf.signing_keys()
    for name in (organisation_id, str(organisation_id), "default"):
        if name in configured:
            return configured[name]
    directory = key_directory()
    for stem in (f"organisation-{organisation_id}", "default"):
        if (directory / f"{stem}.key.pem").is_file() and (directory / f"{stem}.cert.pem").is_file():
            chain = directory / f"{stem}.chain.pem"
            return {
                "key": directory / f"{stem}.key.pem",
                "certificate": directory / f"{stem}.cert.pem",
                "chain": [chain] if chain.is_file() else [],
            }
    return None


def _load(entry: dict) -> OrganisationKey:
    password = _passphrase(entry)
    if entry.get("pkcs12"):
        key, certificate, extra = pkcs12.load_key_and_certificates(Path(entry["pkcs12"]).read_bytes(), password)
        chain = list(extra or [])
    else:
        key = serialization.load_pem_private_key(Path(entry["key"]).read_bytes(), password)
        certificates = _read_certificates(entry["certificate"])
        certificate, chain = certificates[0], certificates[1:]
    for path in entry.get("chain", ()):
        chain.extend(_read_certificates(path))
    if isinstance(key, ec.EllipticCurvePrivateKey):
        algorithm = {"secp256r1": "ES256", "secp384r1": "ES384", "secp521r1": "ES512"}[key.curve.name]
    elif isinstance(key, rsa.RSAPrivateKey):
        algorithm = "RS256"
    else:
        raise ValueError("Signing keys must be EC (P-256, P-384, P-521) or RSA.")
    public = jwk.JWK.from_pyca(key.public_key())
    kid = public.thumbprint()
    public_jwk = {**public.export_public(as_dict=True), "kid": kid, "alg": algorithm, "use": "sig"}
    return OrganisationKey(
        private_key=key,
        certificate=_asn1(certificate),
        chain=tuple(_asn1(c) for c in chain),
        public_jwk=public_jwk,
        kid=kid,
        algorithm=algorithm,
        private_jwk=jwk.JWK.from_pyca(key),
    )


_cache: dict = {}
_lock = threading.Lock()
_MISSING = object()


def organisation_key(organisation_id: int | None) -> OrganisationKey | None:
    """The organisation's key, loaded on first use and kept for the life of the process; None (with one
    warning) where no key is configured."""
    found = _cache.get(organisation_id, _MISSING)
    if found is not _MISSING:
        return found
    with _lock:
        entry = _entry_for(organisation_id)
        if entry is None:
            logger.warning("No signing key for organisation %s: its documents are not signed.", organisation_id)
            found = None
        else:
            found = _load(entry)
        _cache[organisation_id] = found
        return found


def all_public_keys() -> list[OrganisationKey]:
    """Every key this site signs with that can be found now (configured and in the key folder), for the
    published key set. Files are read once per process like the signing keys."""
    from courses.models import Organisation  # noqa: PLC0415 - the model is needed only here

    keys: dict[str, OrganisationKey] = {}
    for organisation_id in [*Organisation.objects.values_list("pk", flat=True), None]:
        key = organisation_key(organisation_id)
        if key is not None:
            keys.setdefault(key.kid, key)
    return list(keys.values())


def key_by_kid(kid: str) -> OrganisationKey | None:
    return next((key for key in all_public_keys() if key.kid == kid), None)


def reset_keys() -> None:
    with _lock:
        _cache.clear()


# --- Demo and test keys ---------------------------------------------------------------------------------------


def _name(common_name: str, organisation: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "DE"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation[:64]),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name[:64]),
        ]
    )


def _pem_key(key) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _new_key(algorithm: str):
    if algorithm == "rsa":
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return ec.generate_private_key(ec.SECP256R1())


def make_demo_keys(directory: Path, stem: str, organisation_name: str, *, algorithm: str = "ec") -> Path:
    """A self-signed demo CA (made once per folder) and a signing certificate for one organisation issued by
    it: ``<stem>.key.pem``, ``<stem>.cert.pem`` and ``<stem>.chain.pem`` (the CA). Proves integrity only: no
    reader trusts this CA. Returns the certificate's path."""
    directory.mkdir(parents=True, exist_ok=True)
    now = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=5)
    ca_key_path, ca_cert_path = directory / "demo-ca.key.pem", directory / "demo-ca.cert.pem"
    if ca_key_path.is_file() and ca_cert_path.is_file():
        ca_key = serialization.load_pem_private_key(ca_key_path.read_bytes(), None)
        ca_cert = x509.load_pem_x509_certificate(ca_cert_path.read_bytes())
    else:
        ca_key = ec.generate_private_key(ec.SECP256R1())
        ca_name = _name("Demo-CA Integrationsbegleitung (nicht vertrauenswürdig)", "Demo")
        ca_cert = (
            x509.CertificateBuilder()
            .subject_name(ca_name)
            .issuer_name(ca_name)
            .public_key(ca_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now)
            .not_valid_after(now + datetime.timedelta(days=365 * 30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256())
        )
        _write_private(ca_key_path, _pem_key(ca_key))
        ca_cert_path.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    key = _new_key(algorithm)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(_name(organisation_name, organisation_name))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=365 * 10))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        # digitalSignature and nonRepudiation (contentCommitment): what a seal on a document needs.
        .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    _write_private(directory / f"{stem}.key.pem", _pem_key(key))
    cert_path = directory / f"{stem}.cert.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    (directory / f"{stem}.chain.pem").write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    return cert_path


def _write_private(path: Path, data: bytes) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
