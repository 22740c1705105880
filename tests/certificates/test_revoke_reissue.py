"""Revoking and correcting: the old certificate stays, with its history."""

import pytest

from certificates import services
from certificates.models import CertificateStatus
from core.exceptions import DomainError
from courses import services as course_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(eligible, staff):
    return services.certificate_issue(enrolment=eligible, by=staff)


def test_revoke_needs_a_reason(certificate, staff):
    with pytest.raises(DomainError, match="reason"):
        services.certificate_revoke(certificate=certificate, reason="  ", by=staff)
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.VALID


def test_revoke(certificate, staff):
    services.certificate_revoke(certificate=certificate, reason="Attendance list was falsified", by=staff)
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED
    assert certificate.revoked_by == staff and certificate.revoked_at
    assert certificate.revocation_reason == "Attendance list was falsified"
    with pytest.raises(DomainError, match="already revoked"):
        services.certificate_revoke(certificate=certificate, reason="again", by=staff)


def test_after_revoking_plain_issuing_is_refused_and_issuing_again_needs_a_reason(certificate, eligible, staff):
    services.certificate_revoke(certificate=certificate, reason="Issued too early", by=staff)
    with pytest.raises(DomainError, match=f"{certificate.number} was revoked"):
        services.certificate_issue(enrolment=eligible, by=staff)
    with pytest.raises(DomainError, match="reason"):
        services.certificate_issue_again(certificate=certificate, reason=" ", by=staff)
    again = services.certificate_issue_again(certificate=certificate, reason="Hours now confirmed", by=staff)
    assert again.status == CertificateStatus.VALID and again.number != certificate.number
    assert again.supersedes == certificate and again.correction_reason == "Hours now confirmed"
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED  # the revocation stays on record
    with pytest.raises(DomainError, match="Only a revoked document"):
        services.certificate_issue_again(certificate=again, reason="again", by=staff)
    services.certificate_revoke(certificate=again, reason="Wrong again", by=staff)
    with pytest.raises(DomainError, match="already been followed"):
        services.certificate_issue_again(certificate=certificate, reason="the old one", by=staff)


def test_reissue_supersedes_with_corrected_data(certificate, eligible, staff):
    course_services.participant_update(participant=eligible.participant, given_name="Savaş", by=staff)
    new = services.certificate_reissue(certificate=certificate, reason="Given name corrected", by=staff)
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.SUPERSEDED
    assert certificate.superseded_by == new
    assert new.supersedes == certificate and new.correction_reason == "Given name corrected"
    assert new.snapshot["participant"]["full_name"] == "Savaş Yılmaz"
    assert certificate.snapshot["participant"]["full_name"] != "Savaş Yılmaz"
    assert new.number != certificate.number and new.verification_code != certificate.verification_code
    with pytest.raises(DomainError, match="Only a valid certificate"):
        services.certificate_reissue(certificate=certificate, reason="again", by=staff)


def test_reissue_needs_a_reason(certificate, staff):
    with pytest.raises(DomainError):
        services.certificate_reissue(certificate=certificate, reason="", by=staff)
