"""Pages and downloads, for the roles that may use them and the roles that must be refused."""

import io
import zipfile

import pytest
from django.urls import reverse
from pypdf import PdfReader

from certificates import services
from certificates.models import Certificate, CertificateStatus
from tests.factories import EnrolmentFactory, ParticipantFactory

from .factories import make_eligible

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(eligible, staff):
    return services.certificate_issue(enrolment=eligible, by=staff)


def pdf_text(response) -> str:
    return PdfReader(io.BytesIO(response.content)).pages[0].extract_text()


def test_participant_downloads_own_certificate_in_both_languages(client, participant_user, certificate):
    client.force_login(participant_user)
    url = reverse("certificates:download", kwargs={"pk": certificate.pk})
    german = client.get(url)
    assert german["Content-Type"] == "application/pdf"
    assert "Zertifikat" in pdf_text(german)
    english = client.get(url + "?sprache=en")
    assert "Certificate" in pdf_text(english)
    assert english["Content-Disposition"].endswith(f'filename="Certificate-{certificate.number}.pdf"')


@pytest.mark.parametrize("role", ["supervisor", "other_participant_user", "other_staff"])
def test_others_cannot_download(client, request, certificate, role):
    client.force_login(request.getfixturevalue(role))
    response = client.get(reverse("certificates:download", kwargs={"pk": certificate.pk}))
    assert response.status_code == 403


def test_participant_cannot_download_a_revoked_certificate_but_staff_can(client, participant_user, staff, certificate):
    services.certificate_revoke(certificate=certificate, reason="Issued in error", by=staff)
    url = reverse("certificates:download", kwargs={"pk": certificate.pk})
    client.force_login(participant_user)
    assert client.get(url).status_code == 403
    client.force_login(staff)
    assert client.get(url).status_code == 200


def test_staff_downloads_the_cohort_as_zip(client, staff, supervisor, cohort, django_assert_num_queries):
    for _ in range(3):
        enrolment = EnrolmentFactory(
            cohort=cohort, participant=ParticipantFactory(organisation=cohort.site.organisation)
        )
        make_eligible(enrolment, supervisor=supervisor)
    services.certificates_issue_for_cohort(cohort=cohort, by=staff)
    client.force_login(staff)
    response = client.get(reverse("certificates:cohort_zip", kwargs={"pk": cohort.pk}))
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == f'attachment; filename="Zertifikate-{cohort.number}.zip"'
    assert response.streaming  # streamed: no .content, the body is read from streaming_content
    with django_assert_num_queries(0):  # the snapshots were read before the response started
        body = b"".join(response.streaming_content)
    names = zipfile.ZipFile(io.BytesIO(body)).namelist()
    assert names == sorted(f"Zertifikat-{c.number}.pdf" for c in Certificate.objects.all())


@pytest.mark.parametrize("role", ["supervisor", "participant_user", "other_staff"])
def test_zip_refused(client, request, certificate, role):
    client.force_login(request.getfixturevalue(role))
    response = client.get(reverse("certificates:cohort_zip", kwargs={"pk": certificate.enrolment.cohort_id}))
    assert response.status_code == 403


def test_staff_issues_from_the_page(client, staff, eligible):
    client.force_login(staff)
    url = reverse("certificates:issue", kwargs={"pk": eligible.pk})
    assert client.get(url).status_code == 200
    response = client.post(url, {"language": "de"})
    certificate = Certificate.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "certificates:detail", kwargs={"pk": certificate.pk}
    )
    again = client.post(url, {"language": "de"})
    assert "already has the certificate" in again.content.decode()
    assert Certificate.objects.count() == 1


@pytest.mark.parametrize("role", ["supervisor", "participant_user", "other_staff"])
def test_issuing_refused(client, request, eligible, role):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("certificates:issue", kwargs={"pk": eligible.pk}), {"language": "de"})
    assert response.status_code == 403
    assert not Certificate.objects.exists()


def test_cohort_issue_page_lists_the_others(client, staff, eligible, cohort):
    EnrolmentFactory(
        cohort=cohort,
        participant=ParticipantFactory(
            organisation=cohort.site.organisation, given_name="Łukasz", family_name="Wróbel"
        ),
    )
    client.force_login(staff)
    response = client.post(reverse("certificates:cohort_issue", kwargs={"pk": cohort.pk}), {"language": "de"})
    text = response.content.decode()
    assert "1 certificate issued" in text
    assert "Łukasz Wróbel" in text and "No placement has been arranged yet." in text


def test_revoke_and_reissue_pages(client, staff, certificate):
    client.force_login(staff)
    response = client.post(reverse("certificates:revoke", kwargs={"pk": certificate.pk}), {"reason": ""})
    assert response.status_code == 200  # form shown again with the error
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.VALID
    response = client.post(
        reverse("certificates:reissue", kwargs={"pk": certificate.pk}), {"reason": "Name corrected", "language": "de"}
    )
    new = Certificate.objects.get(status=CertificateStatus.VALID)
    assert response["Location"] == reverse("certificates:detail", kwargs={"pk": new.pk})
    detail = client.get(response["Location"]).content.decode()
    assert certificate.number in detail and "Name corrected" in detail  # history visible to staff
    response = client.post(reverse("certificates:revoke", kwargs={"pk": new.pk}), {"reason": "Fraud"})
    new.refresh_from_db()
    assert new.status == CertificateStatus.REVOKED


@pytest.mark.parametrize("role", ["supervisor", "participant_user", "other_staff"])
def test_revoke_refused(client, request, certificate, role):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("certificates:revoke", kwargs={"pk": certificate.pk}), {"reason": "x"})
    assert response.status_code == 403
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.VALID


def test_participant_sees_own_checklist_on_the_start_page(client, participant_user, enrolment):
    client.force_login(participant_user)
    text = client.get(reverse("home")).content.decode()
    assert "Your certificate" in text
    assert "No placement has been arranged yet." in text


def test_participant_start_page_offers_the_download(client, participant_user, certificate):
    client.force_login(participant_user)
    text = client.get(reverse("home")).content.decode()
    assert reverse("certificates:download", kwargs={"pk": certificate.pk}) in text


def test_cohort_page_shows_the_overview_and_actions(client, staff, certificate):
    client.force_login(staff)
    text = client.get(reverse("courses:cohort_detail", kwargs={"pk": certificate.enrolment.cohort_id})).content.decode()
    assert "1 of 1 participants have a certificate" in text
    assert reverse("certificates:cohort_zip", kwargs={"pk": certificate.enrolment.cohort_id}) in text


def test_cohort_overview_page(client, staff, eligible, cohort, django_assert_max_num_queries):
    client.force_login(staff)
    with django_assert_max_num_queries(25):
        response = client.get(reverse("certificates:cohort_overview", kwargs={"pk": cohort.pk}))
    text = response.content.decode()
    assert eligible.participant.sortable_name in text
    assert reverse("certificates:issue", kwargs={"pk": eligible.pk}) in text
