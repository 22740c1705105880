"""A certificate's PDF is drawn once per language and then served from the document cache, unchanged."""

import pytest
from django.urls import reverse

from certificates import services
from certificates.pdf import CertificateRenderer
from certificates.selectors import certificate_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(eligible, staff):
    return services.certificate_issue(enrolment=eligible, by=staff)


@pytest.fixture
def drawings(monkeypatch):
    calls = []
    render = CertificateRenderer.render

    def counting(self):
        calls.append(self.language)
        return render(self)

    monkeypatch.setattr(CertificateRenderer, "render", counting)
    return calls


def test_second_download_is_not_drawn_again_and_is_the_same(client, participant_user, certificate, drawings):
    client.force_login(participant_user)
    url = reverse("certificates:download", kwargs={"pk": certificate.pk})

    first = client.get(url).content
    second = client.get(url).content

    assert first == second == CertificateRenderer(certificate.snapshot).render()
    assert drawings == ["de", "de"]  # once for the downloads, once for the comparison above


def test_each_language_is_drawn_and_kept_separately(certificate, drawings):
    german = certificate_pdf(certificate)
    english = certificate_pdf(certificate, "en")

    assert german != english
    assert certificate_pdf(certificate, "en") == english
    assert drawings == ["de", "en"]


def test_a_changed_snapshot_is_drawn_anew(certificate, drawings):
    before = certificate_pdf(certificate)
    certificate.snapshot = {**certificate.snapshot, "signatory": {"name": "Dr. Aylin Kaya"}}

    assert certificate_pdf(certificate) != before
    assert len(drawings) == 2
