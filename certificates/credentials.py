"""Open Badges 3.0 credentials (1EdTech, W3C Verifiable Credentials data model 2.0) for issued certificates,
with the VC-JWT proof of the Open Badges specification (section 8.2), and their verification.

The credential is built from the frozen snapshot (plus the holder's e-mail address, hashed, where known),
with fixed wording per language like the PDF. Its proof is a compact JWS signed by jwcrypto with the
organisation's key (certificates.signing_keys): JOSE header ``alg``, ``kid`` (a URL of this site that
returns the public JWK) and ``typ: JWT``; the payload is the credential with the claims ``iss``, ``jti``,
``nbf`` and ``sub``. ``credentialStatus`` points into the organisation's Bitstring Status List
(certificates.status_list) at the certificate's primary key.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import hmac
import json
import re
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from jwcrypto import jwk, jws
from jwcrypto.common import JWException

from .signing_keys import OrganisationKey, key_by_kid, organisation_key
from .status_list import encoded_list

CONTEXTS = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
# The kind of document (certificates.models.DocumentKind) as the Open Badges achievement type.
ACHIEVEMENT_TYPES = {"certificate": "Certificate", "attendance": "ext:CertificateOfAttendance"}

LABELS = {
    "de": {
        "certificate": "Zertifikat",
        "attendance": "Teilnahmebescheinigung",
        "description": "{kind} über die erfolgreiche Teilnahme an der Qualifizierungsmaßnahme „{programme}“.",
        "criteria": "Teilnahme an allen Modulen mit der geforderten Anwesenheit: {modules}.",
        # A Teilnahmebescheinigung confirms what was attended and judges nothing (docs/certificates.md).
        "description_attendance": "{kind} über die Teilnahme an der Qualifizierungsmaßnahme „{programme}“.",
        "criteria_attendance": "Besuchte Unterrichtseinheiten je Modul: {modules}.",
        "module": "{title}: {attended} von {planned} Unterrichtseinheiten",
        "placement": " Praxisphase in einer Einrichtung der Art „{facility}“: {confirmed} Stunden, "
        "von der Praxisanleitung bestätigt (gefordert: {required} Stunden).",
        "module_evidence": "Modul {position}: {title}",
        "units": "{attended} von {planned} Unterrichtseinheiten (je 45 Minuten) besucht.",
        "placement_evidence": "Praxisphase (Praktikum)",
        "hours": "{confirmed} Stunden in einer Einrichtung der Art „{facility}“, von der Praxisanleitung bestätigt.",
    },
    "en": {
        "certificate": "Certificate",
        "attendance": "Certificate of attendance",
        "description": "{kind} of successful participation in the training programme “{programme}”.",
        "criteria": "Participation in every module with the required attendance: {modules}.",
        "description_attendance": "{kind} of participation in the training programme “{programme}”.",
        "criteria_attendance": "Teaching units attended per module: {modules}.",
        "module": "{title}: {attended} of {planned} teaching units",
        "placement": " Practical placement in a facility of the type “{facility}”: {confirmed} hours, "
        "confirmed by the placement supervisor (required: {required} hours).",
        "module_evidence": "Module {position}: {title}",
        "units": "{attended} of {planned} teaching units (45 minutes each) attended.",
        "placement_evidence": "Practical placement",
        "hours": "{confirmed} hours in a facility of the type “{facility}”, confirmed by the placement supervisor.",
    },
}


def _site_url(name: str, **kwargs) -> str:
    return _cached_url(settings.SITE_URL, name, tuple(sorted(kwargs.items())))


@functools.lru_cache(maxsize=1024)
def _cached_url(site_url: str, name: str, kwargs: tuple) -> str:
    # reverse() was a third of a credential's cost; the few URLs per organisation never change.
    return site_url + reverse(name, kwargs=dict(kwargs))


def issuer_id(organisation_id: int) -> str:
    return _site_url("certificates:credential_issuer", pk=organisation_id)


def status_list_url(organisation_id: int) -> str:
    return _site_url("certificates:credential_status_list", pk=organisation_id)


def kid_url(key: OrganisationKey) -> str:
    return _site_url("certificates:credential_key", kid=key.kid)


def _urn(*parts: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, '|'.join((settings.SITE_URL, *parts)))}"


def _hours(minutes: int) -> str:
    return f"{minutes / 60:g}"


def _timestamp(iso: str) -> str:
    moment = datetime.datetime.fromisoformat(iso).astimezone(datetime.UTC).replace(microsecond=0)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def email_identity(email: str, number: str) -> dict:
    """The holder's e-mail address as the specification's salted hash (IdentityHash: "sha256$" + hex). The
    salt is derived from the certificate number and the site's secret, so every download says the same."""
    salt = hmac.new(settings.SECRET_KEY.encode(), number.encode(), hashlib.sha256).hexdigest()[:16]
    digest = hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()
    return {
        "type": "IdentityObject",
        "identityType": "emailAddress",
        "hashed": True,
        "identityHash": f"sha256${digest}",
        "salt": salt,
    }


def build_credential(
    *, snapshot: dict, organisation_id: int, status_index: int, kind: str = "certificate", email: str = ""
) -> dict:
    """The OpenBadgeCredential of one certificate, from its snapshot."""
    language = snapshot.get("language", "de")
    labels = LABELS.get(language, LABELS["de"])
    number = snapshot["number"]
    programme = snapshot["programme"]["title"]
    kind_label = labels.get(kind, labels["certificate"])
    placement = snapshot.get("placement")
    facility = placement["facility_type_label"].get(language, placement["facility_type"]) if placement else ""
    modules = snapshot.get("modules", [])
    suffix = "_attendance" if kind == "attendance" else ""
    criteria = labels["criteria" + suffix].format(
        modules="; ".join(
            labels["module"].format(title=m["title"], attended=m["attended_units"], planned=m["planned_units"])
            for m in modules
        )
    )
    evidence = [
        {
            "type": ["Evidence"],
            "name": labels["module_evidence"].format(position=m["position"], title=m["title"]),
            "description": labels["units"].format(attended=m["attended_units"], planned=m["planned_units"]),
        }
        for m in modules
    ]
    if placement:
        criteria += labels["placement"].format(
            facility=facility,
            confirmed=_hours(placement["confirmed_minutes"]),
            required=_hours(placement["required_minutes"]),
        )
        evidence.append(
            {
                "type": ["Evidence"],
                "name": labels["placement_evidence"],
                "description": labels["hours"].format(
                    facility=facility, confirmed=_hours(placement["confirmed_minutes"])
                ),
            }
        )
    identifiers = [
        {
            "type": "IdentityObject",
            "identityType": "name",
            "hashed": False,
            "identityHash": snapshot["participant"]["full_name"],
        }
    ]
    if email:
        identifiers.append(email_identity(email, number))
    status_url = status_list_url(organisation_id)
    organisation = snapshot["organisation"]
    return {
        "@context": CONTEXTS,
        "id": _urn("credential", number),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"{kind_label} {number} – {programme}",
        "description": labels["description" + suffix].format(kind=kind_label, programme=programme),
        "issuer": {
            "id": issuer_id(organisation_id),
            "type": ["Profile"],
            "name": organisation["name"],
            "url": settings.SITE_URL + "/",
        },
        "validFrom": _timestamp(snapshot["issued_at"]),
        "credentialSubject": {
            "id": _urn("holder", number),
            "type": ["AchievementSubject"],
            "identifier": identifiers,
            "licenseNumber": number,
            "activityStartDate": f"{snapshot['cohort']['start_date']}T00:00:00Z",
            "activityEndDate": f"{snapshot['cohort']['end_date']}T00:00:00Z",
            "achievement": {
                "id": _urn("achievement", programme, kind, language),
                "type": ["Achievement"],
                "achievementType": ACHIEVEMENT_TYPES.get(kind, "Achievement"),
                "name": f"{kind_label}: {programme}",
                "description": labels["description" + suffix].format(kind=kind_label, programme=programme),
                "criteria": {"narrative": criteria},
                "inLanguage": language,
            },
        },
        "evidence": evidence,
        "credentialStatus": {
            "id": f"{status_url}#{status_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(status_index),
            "statusListCredential": status_url,
        },
    }


def credential_for(certificate) -> dict:
    email = certificate.enrolment.participant.email if certificate.enrolment.participant_id else ""
    return build_credential(
        snapshot=certificate.snapshot,
        organisation_id=certificate.organisation_id,
        status_index=certificate.pk,
        kind=getattr(certificate, "kind", "certificate"),
        email=email or "",
    )


def _epoch(timestamp: str) -> int:
    return int(datetime.datetime.fromisoformat(timestamp.replace("Z", "+00:00")).timestamp())


def sign_credential(credential: dict, key: OrganisationKey) -> str:
    """The credential as a VC-JWT (compact JWS) with the Open Badges JWT claims."""
    payload = {
        **credential,
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "nbf": _epoch(credential["validFrom"]),
        "sub": credential["credentialSubject"]["id"],
    }
    token = jws.JWS(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode())
    header = {"alg": key.algorithm, "kid": kid_url(key), "typ": "JWT"}
    token.add_signature(key.private_jwk, alg=key.algorithm, protected=json.dumps(header))
    return token.serialize(compact=True)


def signed_credential(certificate) -> str | None:
    key = organisation_key(certificate.organisation_id)
    if key is None:
        return None
    return sign_credential(credential_for(certificate), key)


def status_list_credential(organisation_id: int) -> str | None:
    """The organisation's status list as a signed BitstringStatusListCredential (VC-JWT)."""
    key = organisation_key(organisation_id)
    if key is None:
        return None
    encoded, _version = encoded_list(organisation_id)
    url = status_list_url(organisation_id)
    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
    credential = {
        "@context": [CONTEXTS[0]],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": {"id": issuer_id(organisation_id), "type": ["Profile"]},
        "validFrom": now,
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encoded,
        },
    }
    return sign_credential(credential, key)


# --- Baked badge -----------------------------------------------------------------------------------------------


def baked_svg(token: str, *, title: str, number: str) -> str:
    """An SVG badge with the signed credential baked in (Open Badges 3.0 baking: the compact JWS in the
    ``verify`` attribute of an ``<openbadges:credential>`` element right after ``<svg>``)."""
    from django.utils.html import escape

    return (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" '
        'width="320" height="320" viewBox="0 0 320 320" role="img" aria-labelledby="badge-title">'
        f'<openbadges:credential verify="{escape(token)}"></openbadges:credential>'
        f'<title id="badge-title">{escape(title)} ({escape(number)})</title>'
        '<circle cx="160" cy="160" r="150" fill="#0b5394"/><circle cx="160" cy="160" r="130" fill="#fff"/>'
        '<text x="160" y="140" text-anchor="middle" font-family="sans-serif" font-size="18" fill="#0b5394">'
        f"{escape(title[:32])}</text>"
        '<text x="160" y="180" text-anchor="middle" font-family="sans-serif" font-size="16" fill="#222">'
        f"{escape(number)}</text></svg>"
    )


# --- Verification ----------------------------------------------------------------------------------------------

MAX_CREDENTIAL_CHARS = 256 * 1024
_COMPACT_JWS = re.compile(r"eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")


class CredentialVerdict:
    SIGNED = "signed"  # our signature, claims consistent: look up the certificate's status
    ALTERED = "altered"  # claims to be ours, but the signature or the claims do not hold
    NOT_OURS = "not_ours"  # signed with a key that is not ours
    UNREADABLE = "unreadable"  # no signed credential found in the text


@dataclass(frozen=True)
class CredentialCheck:
    verdict: str
    number: str = ""
    organisation_id: int | None = None
    status_revoked: bool | None = None  # what the status list says (computed from the same statuses)


def _header(token: str) -> dict:
    import base64

    part = token.split(".", 1)[0]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def check_credential(text: str) -> CredentialCheck:
    """Verifies a pasted or uploaded credential: a compact JWS, or a baked SVG or a file containing one.
    Never raises on bad input."""
    if not text or len(text) > MAX_CREDENTIAL_CHARS:
        return CredentialCheck(CredentialVerdict.UNREADABLE)
    match = _COMPACT_JWS.search(text)
    if match is None:
        return CredentialCheck(CredentialVerdict.UNREADABLE)
    token = match.group(0)
    try:
        header = _header(token)
        kid = str(header.get("kid", "")).rstrip("/").rsplit("/", 1)[-1]
    except (ValueError, UnicodeDecodeError):
        return CredentialCheck(CredentialVerdict.UNREADABLE)
    key = key_by_kid(kid)
    if key is None:
        return CredentialCheck(CredentialVerdict.NOT_OURS)
    verifier = jws.JWS()
    try:
        verifier.deserialize(token)
        verifier.verify(jwk.JWK(**key.public_jwk), alg=key.algorithm)
        payload = json.loads(verifier.payload)
    except (JWException, ValueError):
        return CredentialCheck(CredentialVerdict.ALTERED)
    result = _check_claims(payload)
    if result.verdict == CredentialVerdict.SIGNED:
        # Signed by us, but only the named issuer's own key may vouch for its credentials.
        own = organisation_key(result.organisation_id)
        if own is None or own.kid != key.kid:
            return CredentialCheck(CredentialVerdict.ALTERED, number=result.number)
    return result


def _check_claims(payload: dict) -> CredentialCheck:
    try:
        issuer = payload["issuer"]["id"]
        subject = payload["credentialSubject"]
        number = str(subject["licenseNumber"])
        consistent = (
            payload["iss"] == issuer
            and payload["jti"] == payload["id"]
            and payload["sub"] == subject["id"]
            and payload["nbf"] == _epoch(payload["validFrom"])
            and "OpenBadgeCredential" in payload["type"]
        )
        organisation_id = int(issuer.rstrip("/").rsplit("/", 1)[-1])
    except (KeyError, TypeError, ValueError, AttributeError):
        return CredentialCheck(CredentialVerdict.ALTERED)
    if not consistent or issuer != issuer_id(organisation_id):
        return CredentialCheck(CredentialVerdict.ALTERED, number=number)
    revoked = None
    status = payload.get("credentialStatus") or {}
    if status.get("statusListCredential") == status_list_url(organisation_id):
        from .status_list import bit_is_set

        try:
            revoked = bit_is_set(encoded_list(organisation_id)[0], int(status["statusListIndex"]))
        except (KeyError, ValueError, IndexError):
            revoked = None
    return CredentialCheck(
        CredentialVerdict.SIGNED, number=number, organisation_id=organisation_id, status_revoked=revoked
    )
