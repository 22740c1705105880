"""Open Badges 3.0 credentials: valid against the official schema, proofs checked by PyJWT (independent of
the jwcrypto code that signs), status list bits, downloads for the holder only, and the public check."""

import base64
import json
import re
from pathlib import Path

import jsonschema
import jwt
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from certificates import services, status_list
from certificates.credentials import (
    CredentialVerdict,
    build_credential,
    check_credential,
    credential_for,
    sign_credential,
    signed_credential,
    status_list_credential,
)
from certificates.samples import sample_snapshot
from certificates.signing_keys import organisation_key

pytestmark = pytest.mark.django_db

SCHEMA_FILE = Path(__file__).parent.parent / "data" / "openbadges" / "ob_v3p0_achievementcredential_schema.json"
SCHEMA = json.loads(SCHEMA_FILE.read_text()) if SCHEMA_FILE.is_file() else None  # see its README: licence


@pytest.fixture
def certificate(eligible, staff):
    eligible.participant.email = "lan.nguyen@example.org"
    eligible.participant.save()
    return services.certificate_issue(enrolment=eligible, by=staff)


def schema_errors(credential: dict) -> list[str]:
    if SCHEMA is None:
        pytest.skip("The Open Badges schema is not in tests/data/openbadges (see its README).")
    validator = jsonschema.Draft201909Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    return [error.message for error in validator.iter_errors(credential)]


def payload_of(token: str) -> dict:
    part = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def pyjwt_decode(token: str, key) -> dict:
    """Verification by PyJWT with the published public key, as a verifier outside this code base would."""
    public = jwt.PyJWK(key.public_jwk).key
    return jwt.decode(token, public, algorithms=[key.algorithm], options={"verify_aud": False})


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("placement", [True, False])
def test_credentials_are_valid_against_the_official_schema(language, placement, signing_keys):
    snapshot = sample_snapshot(language=language)
    if not placement:
        snapshot["placement"] = None
    credential = build_credential(snapshot=snapshot, organisation_id=1, status_index=17, email="lan.nguyen@example.org")
    assert schema_errors(credential) == []
    subject = credential["credentialSubject"]
    assert subject["licenseNumber"] == "IB-2026-0042"
    assert {i["identityType"] for i in subject["identifier"]} == {"name", "emailAddress"}
    assert "lan.nguyen" not in json.dumps(credential)  # the e-mail address only hashed
    assert credential["validFrom"] == "2026-07-01T08:30:00Z"
    assert credential["credentialStatus"]["statusListIndex"] == "17"
    criteria = subject["achievement"]["criteria"]["narrative"]
    assert "Bildungsgrundsätze NRW" in criteria and ("92" in criteria) is placement  # 5520 minutes = 92 hours
    assert len(credential["evidence"]) == 3 + placement


def test_an_issued_certificates_credential_is_valid_and_its_proof_verifies_with_pyjwt(certificate, signing_keys):
    token = signed_credential(certificate)
    key = organisation_key(certificate.organisation_id)
    claims = pyjwt_decode(token, key)
    assert jwt.get_unverified_header(token) == {
        "alg": "ES256",
        "kid": f"http://127.0.0.1:8000/zertifikate/nachweise/schluessel/{key.kid}/",
        "typ": "JWT",
    }
    credential = {k: v for k, v in claims.items() if k not in {"iss", "jti", "nbf", "sub"}}
    assert schema_errors(credential) == []
    assert claims["iss"] == credential["issuer"]["id"]
    assert claims["jti"] == credential["id"]
    assert claims["sub"] == credential["credentialSubject"]["id"]
    assert credential["credentialSubject"]["identifier"][0]["identityHash"] == certificate.holder_name
    assert credential == json.loads(json.dumps(credential_for(certificate)))


def test_the_holders_email_hash_matches_the_specifications_recipe(certificate, signing_keys):
    import hashlib

    identity = credential_for(certificate)["credentialSubject"]["identifier"][1]
    expected = hashlib.sha256(("lan.nguyen@example.org" + identity["salt"]).encode()).hexdigest()
    assert identity["identityHash"] == f"sha256${expected}"


def test_a_changed_payload_fails_pyjwt_and_our_check(certificate, signing_keys):
    token = signed_credential(certificate)
    header, payload, signature = token.split(".")
    claims = payload_of(token)
    claims["credentialSubject"]["identifier"][0]["identityHash"] = "Someone Else"
    forged_payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    forged = f"{header}.{forged_payload}.{signature}"
    with pytest.raises(jwt.InvalidSignatureError):
        pyjwt_decode(forged, organisation_key(certificate.organisation_id))
    assert check_credential(forged).verdict == CredentialVerdict.ALTERED
    assert check_credential(token).verdict == CredentialVerdict.SIGNED
    assert check_credential("not a credential").verdict == CredentialVerdict.UNREADABLE


def test_a_credential_signed_with_another_key_is_not_ours(certificate, signing_keys, tmp_path, settings):
    from certificates.signing_keys import _load, make_demo_keys

    make_demo_keys(tmp_path, "other", "Fremder Aussteller")
    foreign_key = _load({"key": tmp_path / "other.key.pem", "certificate": tmp_path / "other.cert.pem"})
    token = sign_credential(credential_for(certificate), foreign_key)
    assert check_credential(token).verdict == CredentialVerdict.NOT_OURS


def test_the_status_list_bit_flips_on_revocation_and_supersession(certificate, staff, signing_keys):
    def revoked_bit(index: int) -> bool:
        token = status_list_credential(certificate.organisation_id)
        claims = pyjwt_decode(token, organisation_key(certificate.organisation_id))
        assert claims["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
        encoded = claims["credentialSubject"]["encodedList"]
        assert len(status_list.decode(encoded)) * 8 >= status_list.MIN_BITS
        return status_list.bit_is_set(encoded, index)

    assert revoked_bit(certificate.pk) is False
    new = services.certificate_reissue(certificate=certificate, reason="Name corrected", by=staff)
    assert revoked_bit(certificate.pk) is True  # superseded
    assert revoked_bit(new.pk) is False
    services.certificate_revoke(certificate=new, reason="Issued in error", by=staff)
    assert revoked_bit(new.pk) is True
    check = check_credential(signed_credential(new))
    assert check.verdict == CredentialVerdict.SIGNED and check.status_revoked is True


def test_bitstring_encoding_follows_the_specification():
    encoded = status_list.encode([0, 9], status_list.MIN_BITS)
    assert encoded.startswith("u") and "=" not in encoded
    bits = status_list.decode(encoded)
    assert len(bits) == 16 * 1024
    assert bits[0] == 0b1000_0000 and bits[1] == 0b0100_0000  # index 0 is the left-most bit
    assert status_list.list_length(131_071) == 131_072 and status_list.list_length(131_072) == 262_144


def test_the_holder_downloads_credential_and_badge(client, participant_user, certificate, signing_keys):
    client.force_login(participant_user)
    response = client.get(reverse("certificates:credential_download", kwargs={"pk": certificate.pk}))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"].endswith(f'filename="Nachweis-{certificate.number}.jwt"')
    token = response.content.decode()
    pyjwt_decode(token, organisation_key(certificate.organisation_id))
    badge = client.get(reverse("certificates:credential_badge", kwargs={"pk": certificate.pk}))
    svg = badge.content.decode()
    assert badge["Content-Type"].startswith("image/svg+xml")
    assert svg.startswith(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"'
    )
    baked = re.search(r'<openbadges:credential verify="([^"]+)"></openbadges:credential>', svg).group(1)
    assert payload_of(baked)["credentialSubject"]["licenseNumber"] == certificate.number
    assert svg.count("<openbadges:credential") == 1


@pytest.mark.parametrize("role", ["other_participant_user", "other_staff", "supervisor"])
def test_others_cannot_download_the_credential(client, request, certificate, role, signing_keys):
    client.force_login(request.getfixturevalue(role))
    for name in ("certificates:credential_download", "certificates:credential_badge"):
        assert client.get(reverse(name, kwargs={"pk": certificate.pk})).status_code == 403


def test_the_holder_cannot_download_the_credential_of_a_revoked_certificate(
    client, participant_user, staff, certificate, signing_keys
):
    services.certificate_revoke(certificate=certificate, reason="Issued in error", by=staff)
    client.force_login(participant_user)
    assert client.get(reverse("certificates:credential_download", kwargs={"pk": certificate.pk})).status_code == 403


def test_published_keys_issuer_and_status_list(client, certificate, signing_keys):
    key = organisation_key(certificate.organisation_id)
    keys = client.get(reverse("certificates:credential_keys")).json()["keys"]
    assert [k["kid"] for k in keys] == [key.kid]
    assert all("d" not in k for k in keys)
    one = client.get(reverse("certificates:credential_key", kwargs={"kid": key.kid})).json()
    assert one == key.public_jwk
    assert client.get(reverse("certificates:credential_key", kwargs={"kid": "unknown"})).status_code == 404
    issuer = client.get(reverse("certificates:credential_issuer", kwargs={"pk": certificate.organisation_id})).json()
    assert issuer["id"] == credential_for(certificate)["issuer"]["id"]
    status = client.get(reverse("certificates:credential_status_list", kwargs={"pk": certificate.organisation_id}))
    assert status["Content-Type"] == "application/vc+jwt"
    pyjwt_decode(status.content.decode(), key)


def test_the_check_page_verifies_a_pasted_credential_and_an_uploaded_badge(client, certificate, staff, signing_keys):
    token = signed_credential(certificate)
    response = client.post(reverse("certificates:verify_credential"), {"text": token})
    assert response.context["outcome"] == "valid"
    assert certificate.holder_name in response.content.decode()
    svg = SimpleUploadedFile("badge.svg", b'<svg><openbadges:credential verify="' + token.encode() + b'"/></svg>')
    response = client.post(reverse("certificates:verify_credential"), {"file": svg})
    assert response.context["outcome"] == "valid"
    services.certificate_revoke(certificate=certificate, reason="Issued in error", by=staff)
    response = client.post(reverse("certificates:verify_credential"), {"text": token})
    assert response.context["outcome"] == "revoked"  # still validly signed; the status decides


def test_the_check_page_explains_empty_and_unreadable_input(client, german_client, signing_keys):
    response = client.post(reverse("certificates:verify_credential"), {"text": ""})
    assert "Paste the credential or choose a file." in response.content.decode()
    response = client.post(reverse("certificates:verify_credential"), {"text": "hello"})
    assert response.context["outcome"] == "unreadable"
    response = german_client.post(reverse("certificates:verify_credential"), {"text": ""})
    assert "Fügen Sie den Nachweis ein oder wählen Sie eine Datei." in response.content.decode()
