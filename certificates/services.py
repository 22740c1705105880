"""Issuing, revoking and correcting certificates. Each write locks the enrolment it concerns, so two
requests at the same moment cannot both issue; the conditional unique constraint on the table is the
last line of defence."""

import datetime
import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exceptions import DomainError
from courses.models import Cohort, Enrolment, EnrolmentStatus

from .eligibility import Eligibility, eligibility_for_cohort, eligibility_for_enrolment
from .models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    Certificate,
    CertificateLanguage,
    CertificateNumberCounter,
    CertificateStatus,
)
from .pdf import TEMPLATE_VERSION
from .snapshot import build_snapshot


def number_prefix() -> str:
    return getattr(settings, "CERTIFICATE_NUMBER_PREFIX", "IB")


def _allocate_number(year: int) -> tuple[str, int]:
    """The next number of the year, e.g. IB-2026-0007. The counter row is locked until the transaction
    ends, so numbers are unique and without gaps on PostgreSQL and SQLite alike."""
    prefix = number_prefix()
    counter = CertificateNumberCounter.objects.select_for_update().filter(prefix=prefix, year=year).first()
    if counter is None:
        try:
            with transaction.atomic():
                CertificateNumberCounter.objects.create(prefix=prefix, year=year, last_number=0)
        except IntegrityError:
            pass  # created by a parallel request a moment ago; lock that one
        counter = CertificateNumberCounter.objects.select_for_update().get(prefix=prefix, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return f"{prefix}-{year}-{counter.last_number:04d}", counter.last_number


def new_verification_code() -> str:
    """80 random bits in Crockford's base 32 (16 characters)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def verification_url(code: str) -> str:
    return settings.SITE_URL + reverse("certificates:verify_code", kwargs={"code": code})


def _check_language(language: str) -> str:
    if language not in CertificateLanguage.values:
        raise DomainError(_("Please choose German or English."), field="language")
    return language


def _lock_enrolment(enrolment: Enrolment) -> Enrolment:
    return (
        Enrolment.objects.select_for_update()
        .select_related("participant", "cohort", "cohort__programme", "cohort__site", "cohort__site__organisation")
        .get(pk=enrolment.pk)
    )


def _refuse_second(enrolment: Enrolment) -> None:
    current = Certificate.objects.filter(enrolment=enrolment, status=CertificateStatus.VALID).first()
    if current:
        raise DomainError(
            _("%(name)s already has the certificate %(number)s.")
            % {"name": enrolment.participant.full_name, "number": current.number}
        )


def _create(
    *, eligibility: Eligibility, by, language: str, supersedes=None, correction_reason="", at=None
) -> Certificate:
    enrolment = eligibility.enrolment
    issued_at = at or timezone.now()
    year = timezone.localtime(issued_at).year
    number, sequence = _allocate_number(year)
    code = new_verification_code()
    snapshot = build_snapshot(
        eligibility=eligibility,
        number=number,
        verification_code=code,
        verification_url=verification_url(code),
        issued_at=issued_at,
        issued_by=by,
        language=language,
    )
    certificate = Certificate(
        enrolment=enrolment,
        number=number,
        year=year,
        sequence=sequence,
        verification_code=code,
        language=language,
        template_version=TEMPLATE_VERSION,
        snapshot=snapshot,
        issued_at=issued_at,
        issued_by=by,
        supersedes=supersedes,
        correction_reason=correction_reason,
    )
    try:
        with transaction.atomic():
            certificate.save()
    except IntegrityError as error:  # a parallel request issued a moment earlier
        raise DomainError(
            _("%(name)s already has a valid certificate.") % {"name": enrolment.participant.full_name}
        ) from error
    # Having the certificate is what completing the measure means; a plain update keeps the enrolment's
    # other fields (and its own rules) untouched.
    Enrolment.objects.filter(pk=enrolment.pk, status=EnrolmentStatus.ACTIVE).update(status=EnrolmentStatus.COMPLETED)
    return certificate


def _refuse_ineligible(eligibility: Eligibility) -> None:
    if not eligibility.eligible:
        raise DomainError(
            _("%(name)s does not meet every requirement yet: %(reasons)s")
            % {"name": eligibility.enrolment.participant.full_name, "reasons": eligibility.reasons()}
        )


@transaction.atomic
def certificate_issue(
    *, enrolment: Enrolment, by, language: str = "de", at: datetime.datetime | None = None
) -> Certificate:
    """Issue the certificate to one participant who meets every requirement; marks the enrolment completed.
    ``at`` back-dates the issue (demo data and data taken over from paper records); pages never pass it."""
    language = _check_language(language)
    enrolment = _lock_enrolment(enrolment)
    _refuse_second(enrolment)
    eligibility = eligibility_for_enrolment(enrolment)
    _refuse_ineligible(eligibility)
    return _create(eligibility=eligibility, by=by, language=language, at=at)


@dataclass
class CohortIssueResult:
    issued: list[Certificate] = field(default_factory=list)
    # (enrolment, reason) for everyone who did not get a certificate now.
    not_issued: list[tuple[Enrolment, str]] = field(default_factory=list)


@transaction.atomic
def certificates_issue_for_cohort(*, cohort: Cohort, by, language: str = "de") -> CohortIssueResult:
    """Issue to every eligible participant of the cohort at once; the others are listed with their reasons."""
    language = _check_language(language)
    # Lock the whole roster first (one query), then evaluate it with the engine's fixed number of queries.
    list(Enrolment.objects.select_for_update().filter(cohort_id=cohort.pk).values_list("pk", flat=True))
    eligibilities = eligibility_for_cohort(cohort)
    current = {
        c.enrolment_id: c
        for c in Certificate.objects.filter(enrolment__cohort_id=cohort.pk, status=CertificateStatus.VALID)
    }
    result = CohortIssueResult()
    for enrolment_id, eligibility in eligibilities.items():
        enrolment = eligibility.enrolment
        if enrolment_id in current:
            result.not_issued.append(
                (enrolment, _("Already has the certificate %(number)s.") % {"number": current[enrolment_id].number})
            )
        elif not eligibility.eligible:
            result.not_issued.append((enrolment, eligibility.reasons()))
        else:
            result.issued.append(_create(eligibility=eligibility, by=by, language=language))
    return result


def _lock_certificate(certificate: Certificate) -> Certificate:
    return Certificate.objects.select_for_update().get(pk=certificate.pk)


@transaction.atomic
def certificate_revoke(
    *, certificate: Certificate, reason: str, by, at: datetime.datetime | None = None
) -> Certificate:
    """Withdraw a certificate: the verification page says "revoked" from now on. The record stays."""
    _lock_enrolment(certificate.enrolment)
    certificate = _lock_certificate(certificate)
    reason = (reason or "").strip()
    if certificate.status != CertificateStatus.VALID:
        raise DomainError(
            _("The certificate %(number)s is already %(status)s.")
            % {"number": certificate.number, "status": certificate.get_status_display()}
        )
    if not reason:
        raise DomainError(_("Please give the reason for the revocation."), field="reason")
    certificate.status = CertificateStatus.REVOKED
    certificate.revoked_at = at or timezone.now()
    certificate.revoked_by = by
    certificate.revocation_reason = reason
    certificate.save(update_fields=["status", "revoked_at", "revoked_by", "revocation_reason"])
    return certificate


@transaction.atomic
def certificate_reissue(
    *, certificate: Certificate, reason: str, by, language: str | None = None, at: datetime.datetime | None = None
) -> Certificate:
    """A corrected certificate from today's data (e.g. a corrected name); the old one becomes superseded.
    The participant must still meet every requirement."""
    enrolment = _lock_enrolment(certificate.enrolment)
    certificate = _lock_certificate(certificate)
    reason = (reason or "").strip()
    language = _check_language(language or certificate.language)
    if certificate.status != CertificateStatus.VALID:
        raise DomainError(
            _("Only a valid certificate can be corrected; %(number)s is %(status)s.")
            % {"number": certificate.number, "status": certificate.get_status_display()}
        )
    if not reason:
        raise DomainError(_("Please say what the correction is."), field="reason")
    eligibility = eligibility_for_enrolment(enrolment)
    _refuse_ineligible(eligibility)
    # The old one stops being current first, so the one-valid-certificate constraint holds throughout.
    certificate.status = CertificateStatus.SUPERSEDED
    certificate.save(update_fields=["status"])
    return _create(
        eligibility=eligibility, by=by, language=language, supersedes=certificate, correction_reason=reason, at=at
    )
