"""Issuing: number, code, frozen snapshot, one current certificate per enrolment, cohort at once."""

import datetime

import pytest
from django.db import IntegrityError

from certificates import services
from certificates.models import CODE_ALPHABET, Certificate, CertificateStatus
from certificates.qr import qr_rows_for
from core.exceptions import DomainError
from courses import services as course_services
from courses.models import EnrolmentStatus
from tests.factories import EnrolmentFactory, ParticipantFactory

from .factories import attend, make_eligible

pytestmark = pytest.mark.django_db


def test_issue_freezes_everything_printed(eligible, staff, settings):
    settings.SITE_URL = "https://zertifikate.example.org"
    certificate = services.certificate_issue(enrolment=eligible, by=staff)
    year = certificate.issued_at.year
    assert certificate.number == f"IB-{year}-0001"
    assert certificate.status == CertificateStatus.VALID
    assert certificate.issued_by == staff
    assert len(certificate.verification_code) == 16
    assert set(certificate.verification_code) <= set(CODE_ALPHABET)
    snapshot = certificate.snapshot
    assert snapshot["verification_url"] == (
        f"https://zertifikate.example.org/zertifikate/pruefen/{certificate.verification_code}/"
    )
    participant = eligible.participant
    assert snapshot["participant"]["full_name"] == participant.full_name
    assert snapshot["participant"]["date_of_birth"] == participant.date_of_birth.isoformat()
    assert snapshot["funding_body"] == "Kreisjobcenter Coesfeld"
    assert snapshot["language"] == "de"
    assert snapshot["template_version"] == 2 and snapshot["kind"] == "certificate"
    assert snapshot["qr_rows"] == qr_rows_for(snapshot["verification_url"])  # encoded once, at issue time
    assert [m["title"] for m in snapshot["modules"]] == ["Bildungsgrundsätze", "Kinderrechte"]
    assert [m["attended_units"] for m in snapshot["modules"]] == ["40.0", "20.0"]
    assert snapshot["placement"]["confirmed_minutes"] == 90 * 60
    assert snapshot["placement"]["facility_type_label"] == {
        "de": "Kita (Kindertageseinrichtung)",
        "en": "Kita (day-care centre)",
    }
    eligible.refresh_from_db()
    assert eligible.status == EnrolmentStatus.COMPLETED


def test_later_edits_do_not_change_an_issued_certificate(eligible, staff):
    certificate = services.certificate_issue(enrolment=eligible, by=staff)
    before = dict(certificate.snapshot)
    course_services.participant_update(participant=eligible.participant, given_name="Ayşe", by=staff)
    course_services.cohort_update(cohort=eligible.cohort, funding_body="Jobcenter Borken", by=staff)
    certificate.refresh_from_db()
    assert certificate.snapshot == before
    assert certificate.holder_name != "Ayşe Yılmaz"


def test_numbers_are_sequential_per_year(cohort, staff, supervisor):
    enrolments = [
        make_eligible(
            EnrolmentFactory(cohort=cohort, participant=ParticipantFactory(organisation=cohort.site.organisation)),
            supervisor=supervisor,
        )
        for _ in range(3)
    ]
    numbers = [services.certificate_issue(enrolment=e, by=staff).number for e in enrolments]
    year = Certificate.objects.first().year
    assert numbers == [f"IB-{year}-0001", f"IB-{year}-0002", f"IB-{year}-0003"]


def test_issuing_twice_is_refused(eligible, staff):
    first = services.certificate_issue(enrolment=eligible, by=staff)
    with pytest.raises(DomainError, match=f"already has the certificate {first.number}"):
        services.certificate_issue(enrolment=eligible, by=staff)
    assert Certificate.objects.count() == 1


def test_the_database_refuses_a_second_valid_certificate(eligible, staff):
    first = services.certificate_issue(enrolment=eligible, by=staff)
    twin = Certificate(
        enrolment=eligible,
        number="IB-1999-0001",
        year=1999,
        sequence=1,
        verification_code="X" * 16,
        template_version=1,
        snapshot={},
        issued_at=first.issued_at,
        issued_by=staff,
    )
    with pytest.raises(IntegrityError):
        twin.save()


def test_ineligible_is_refused_with_the_reasons(enrolment, staff):
    attend(enrolment, "0.5")
    with pytest.raises(
        DomainError, match="does not meet every requirement yet: Module 1 Bildungsgrundsätze: 50 % attended"
    ):
        services.certificate_issue(enrolment=enrolment, by=staff)
    assert not Certificate.objects.exists()


def test_english_certificate(eligible, staff):
    certificate = services.certificate_issue(enrolment=eligible, by=staff, language="en")
    assert certificate.language == "en" and certificate.snapshot["language"] == "en"


def test_unknown_language_is_refused(eligible, staff):
    with pytest.raises(DomainError):
        services.certificate_issue(enrolment=eligible, by=staff, language="fr")


def test_issue_to_a_cohort_lists_the_others_with_reasons(cohort, staff, supervisor):
    ok = [
        make_eligible(
            EnrolmentFactory(cohort=cohort, participant=ParticipantFactory(organisation=cohort.site.organisation)),
            supervisor=supervisor,
        )
        for _ in range(2)
    ]
    behind = EnrolmentFactory(cohort=cohort, participant=ParticipantFactory(organisation=cohort.site.organisation))
    attend(behind, "0.5")
    already = services.certificate_issue(enrolment=ok[0], by=staff)
    result = services.certificates_issue_for_cohort(cohort=cohort, by=staff)
    assert [c.enrolment_id for c in result.issued] == [ok[1].pk]
    reasons = {e.pk: reason for e, reason in result.not_issued}
    assert reasons[ok[0].pk] == f"Already has the certificate {already.number}."
    assert "No placement has been arranged yet." in reasons[behind.pk]
    again = services.certificates_issue_for_cohort(cohort=cohort, by=staff)
    assert again.issued == []


def test_protect_keeps_what_a_certificate_depends_on(eligible, staff):
    from django.db.models import ProtectedError

    services.certificate_issue(enrolment=eligible, by=staff)
    with pytest.raises(ProtectedError):
        eligible.delete()
    with pytest.raises(ProtectedError):
        staff.delete()


def test_snapshot_issue_date_is_berlin_date(eligible, staff, monkeypatch):
    from django.utils import timezone

    late = datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC)  # already 2027 in Berlin
    monkeypatch.setattr(timezone, "now", lambda: late)
    certificate = services.certificate_issue(enrolment=eligible, by=staff)
    assert certificate.number == "IB-2027-0001"
    assert certificate.snapshot["issued_on"] == "2027-01-01"
