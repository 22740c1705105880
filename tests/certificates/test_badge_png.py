"""The PNG badge: the credential baked as Open Badges 3.0 says (one uncompressed iTXt chunk
"openbadgecredential"), read back by Pillow (an independent PNG reader) and verified by PyJWT, and
accepted by the public check page."""

import io
import struct

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from certificates import services
from certificates.badges import baked_png, credential_from_png
from certificates.signing_keys import organisation_key

from .test_credentials import payload_of, pyjwt_decode

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(eligible, staff):
    return services.certificate_issue(enrolment=eligible, by=staff)


def chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    found, position = [], 8
    while position < len(png):
        length, kind = struct.unpack(">I4s", png[position : position + 8])
        found.append((kind, png[position + 8 : position + 8 + length]))
        position += 12 + length
    return found


def badge_of(client, certificate) -> bytes:
    response = client.get(reverse("certificates:credential_badge_png", kwargs={"pk": certificate.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"].endswith(f'filename="Badge-{certificate.number}.png"')
    return response.content


def test_the_holder_downloads_a_png_with_the_credential_baked_in(client, participant_user, certificate, signing_keys):
    client.force_login(participant_user)
    png = badge_of(client, certificate)
    image = Image.open(io.BytesIO(png))
    assert image.size == (320, 320)
    token = image.text["openbadgecredential"]  # Pillow's own reading of the iTXt chunk
    pyjwt_decode(token, organisation_key(certificate.organisation_id))
    assert payload_of(token)["credentialSubject"]["licenseNumber"] == certificate.number
    baked = [body for kind, body in chunks(png) if kind == b"iTXt"]
    assert len(baked) == 1
    # keyword, NUL, compression flag 0 (uncompressed), method 0, empty language tag and translated keyword
    assert baked[0].startswith(b"openbadgecredential\x00\x00\x00\x00\x00" + token.encode())
    assert credential_from_png(png) == token


def test_staff_download_the_badge_and_others_cannot(client, staff, other_staff, certificate, signing_keys):
    client.force_login(staff)
    assert credential_from_png(badge_of(client, certificate))
    client.force_login(other_staff)
    url = reverse("certificates:credential_badge_png", kwargs={"pk": certificate.pk})
    assert client.get(url).status_code == 403


def test_the_check_page_verifies_an_uploaded_png_badge(client, participant_user, staff, certificate, signing_keys):
    client.force_login(participant_user)
    png = badge_of(client, certificate)
    client.logout()
    url = reverse("certificates:verify_credential")
    response = client.post(url, {"file": SimpleUploadedFile("Badge.png", png, content_type="image/png")})
    assert response.context["outcome"] == "valid"
    assert certificate.holder_name in response.content.decode()
    token = credential_from_png(png)
    forged = token[:-8] + ("A" if token[-8] != "A" else "B") + token[-7:]  # one changed signature character
    tampered = baked_png(forged, title="x", number=certificate.number)
    response = client.post(url, {"file": SimpleUploadedFile("Badge.png", tampered, content_type="image/png")})
    assert response.context["outcome"] == "altered"
    services.certificate_revoke(certificate=certificate, reason="Issued in error", by=staff)
    response = client.post(url, {"file": SimpleUploadedFile("Badge.png", png, content_type="image/png")})
    assert response.context["outcome"] == "revoked"


def test_a_png_without_a_credential_is_explained(client, signing_keys):
    plain = io.BytesIO()
    Image.new("RGB", (8, 8)).save(plain, format="PNG")
    response = client.post(
        reverse("certificates:verify_credential"), {"file": SimpleUploadedFile("x.png", plain.getvalue())}
    )
    assert "This image carries no digital credential." in response.content.decode()
    assert "outcome" not in response.context


def test_damaged_or_doubly_baked_pngs_yield_nothing():
    png = baked_png("eyJ.a.b", title="Kurs", number="IB-2026-0001")
    assert credential_from_png(png) == "eyJ.a.b"
    assert credential_from_png(png[:60]) is None  # truncated inside a chunk
    assert credential_from_png(b"GIF89a") is None
    iend = png.rindex(b"IEND") - 4
    itxt = next(body for kind, body in chunks(png) if kind == b"iTXt")
    chunk = struct.pack(">I", len(itxt)) + b"iTXt" + itxt + b"\0\0\0\0"
    assert credential_from_png(png[:iend] + chunk + png[iend:]) is None  # two credentials: which one?
