"""A document downloaded after it stopped being valid says so on every page; its holder can no longer
download it (issue 17.3)."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from certificates import services
from certificates.pdf import renderer_for
from certificates.samples import sample_snapshot

pytestmark = pytest.mark.django_db


def pages_text(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


@pytest.fixture
def certificate(eligible, staff):
    return services.certificate_issue(enrolment=eligible, by=staff)


def test_renderer_marks_every_page_and_stays_pure():
    snapshot = sample_snapshot()
    marked = renderer_for(snapshot, revoked_on="2026-12-04").render()
    assert marked == renderer_for(sample_snapshot(), revoked_on="2026-12-04").render()
    assert marked != renderer_for(snapshot).render()
    for text in pages_text(marked):
        assert "WIDERRUFEN am 04.12.2026" in text and "REVOKED on 04.12.2026" in text
    assert "WIDERRUFEN" not in pages_text(renderer_for(snapshot).render())[0]


def test_staff_download_of_a_revoked_certificate_is_marked(client, staff, certificate):
    services.certificate_revoke(certificate=certificate, reason="Stundennachweis fehlerhaft", by=staff)
    certificate.refresh_from_db()
    client.force_login(staff)
    for suffix in ("", "?sprache=en"):
        response = client.get(reverse("certificates:download", kwargs={"pk": certificate.pk}) + suffix)
        assert response.status_code == 200
        day = certificate.revoked_at.astimezone().strftime("%d.%m.%Y")
        for text in pages_text(response.content):
            assert f"WIDERRUFEN am {day}" in text and f"REVOKED on {day}" in text


def test_a_valid_certificate_is_not_marked(client, staff, certificate):
    client.force_login(staff)
    response = client.get(reverse("certificates:download", kwargs={"pk": certificate.pk}))
    assert "WIDERRUFEN" not in pages_text(response.content)[0]


def test_a_superseded_copy_names_its_successor(client, staff, certificate):
    new = services.certificate_reissue(certificate=certificate, reason="Name korrigiert", by=staff)
    client.force_login(staff)
    response = client.get(reverse("certificates:download", kwargs={"pk": certificate.pk}))
    assert f"ERSETZT durch {new.number}" in pages_text(response.content)[0]


@pytest.mark.parametrize("role", ["participant_user", "supervisor", "other_staff"])
def test_revoked_download_refused(client, request, staff, certificate, role):
    services.certificate_revoke(certificate=certificate, reason="Fehler", by=staff)
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("certificates:download", kwargs={"pk": certificate.pk})).status_code == 403
