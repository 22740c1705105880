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

from core.dates import short_date
from core.exceptions import DomainError
from courses.models import Cohort, Enrolment, EnrolmentStatus

from . import conf
from .eligibility import Eligibility, eligibility_for_cohort, eligibility_for_enrolment
from .models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    Certificate,
    CertificateLanguage,
    CertificateNumberCounter,
    CertificateStatus,
    DocumentKind,
)
from .pdf import TEMPLATE_VERSION
from .selectors import documents_of_cohort
from .snapshot import build_snapshot


def _allocate_number(year: int) -> tuple[str, str, int]:
    """The next number of the prefix and year, e.g. IB-2026-0007, as (number, prefix, sequence). Zertifikate
    and Teilnahmebescheinigungen share the series. The counter row is locked until the transaction ends,
    so numbers are unique and without gaps on PostgreSQL and SQLite alike."""
    prefix = conf.number_prefix()
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
    return f"{prefix}-{year}-{counter.last_number:04d}", prefix, counter.last_number


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


def _refuse_second(enrolment: Enrolment, kind: str = DocumentKind.CERTIFICATE) -> None:
    current = Certificate.objects.filter(enrolment=enrolment, kind=kind, status=CertificateStatus.VALID).first()
    if current:
        if kind == DocumentKind.ATTENDANCE:
            message = _("%(name)s already has the Teilnahmebescheinigung %(number)s.")
        else:
            message = _("%(name)s already has the certificate %(number)s.")
        raise DomainError(message % {"name": enrolment.participant.full_name, "number": current.number})


def latest_revoked(enrolment: Enrolment, kind: str) -> Certificate | None:
    """The enrolment's last document of this kind if it was revoked: a revocation stands until staff issue
    again, explicitly and with a reason (``certificate_issue_again``)."""
    latest = Certificate.objects.filter(enrolment=enrolment, kind=kind).order_by("-pk").first()
    return latest if latest is not None and latest.status == CertificateStatus.REVOKED else None


def _refuse_after_revocation(enrolment: Enrolment, kind: str) -> None:
    revoked = latest_revoked(enrolment, kind)
    if revoked is not None:
        raise DomainError(
            _(
                "%(number)s was revoked on %(date)s. Issuing again is a separate step: open %(number)s, choose "
                "“Issue again” and give the reason."
            )
            % {"number": revoked.number, "date": short_date(revoked.revoked_at)}
        )


def _create(
    *,
    eligibility: Eligibility,
    by,
    language: str,
    kind: str = DocumentKind.CERTIFICATE,
    supersedes=None,
    correction_reason="",
    at=None,
) -> Certificate:
    enrolment = eligibility.enrolment
    issued_at = at or timezone.now()
    year = timezone.localtime(issued_at).year
    number, prefix, sequence = _allocate_number(year)
    code = new_verification_code()
    snapshot = build_snapshot(
        eligibility=eligibility,
        number=number,
        verification_code=code,
        verification_url=verification_url(code),
        issued_at=issued_at,
        issued_by=by,
        language=language,
        kind=kind,
    )
    certificate = Certificate(
        enrolment=enrolment,
        kind=kind,
        number=number,
        prefix=prefix,
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
    if kind == DocumentKind.CERTIFICATE:
        # Having the certificate is what completing the measure means; a plain update keeps the enrolment's
        # other fields (and its own rules) untouched. A Teilnahmebescheinigung judges nothing, so changes nothing.
        Enrolment.objects.filter(pk=enrolment.pk, status=EnrolmentStatus.ACTIVE).update(
            status=EnrolmentStatus.COMPLETED
        )
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
    _refuse_after_revocation(enrolment, DocumentKind.CERTIFICATE)
    eligibility = eligibility_for_enrolment(enrolment)
    _refuse_ineligible(eligibility)
    return _create(eligibility=eligibility, by=by, language=language, at=at)


@dataclass
class CohortIssueResult:
    """What a cohort-wide issue did (Zertifikate or Teilnahmebescheinigungen)."""

    issued: list[Certificate] = field(default_factory=list)
    # (enrolment, reason) for everyone who did not get a certificate now.
    not_issued: list[tuple[Enrolment, str]] = field(default_factory=list)


def revoked_reason(certificate: Certificate) -> str:
    return _("%(number)s was revoked on %(date)s: %(reason)s") % {
        "number": certificate.number,
        "date": short_date(certificate.revoked_at),
        "reason": certificate.revocation_reason,
    }


@transaction.atomic
def certificates_issue_for_cohort(*, cohort: Cohort, by, language: str = "de") -> CohortIssueResult:
    """Issue to every eligible participant of the cohort at once; the others are listed with their reasons.
    Whoever's last certificate was revoked is left out: the revocation stands until staff issue again for
    that person explicitly."""
    language = _check_language(language)
    # Lock the whole roster first (one query), then evaluate it with the engine's fixed number of queries.
    list(Enrolment.objects.select_for_update().filter(cohort_id=cohort.pk).values_list("pk", flat=True))
    eligibilities = eligibility_for_cohort(cohort)
    latest = documents_of_cohort(cohort)
    result = CohortIssueResult()
    for enrolment_id, eligibility in eligibilities.items():
        enrolment = eligibility.enrolment
        last = latest.get((enrolment_id, DocumentKind.CERTIFICATE))
        if last is not None and last.status == CertificateStatus.VALID:
            result.not_issued.append(
                (enrolment, _("Already has the certificate %(number)s.") % {"number": last.number})
            )
        elif last is not None and last.status == CertificateStatus.REVOKED:
            result.not_issued.append((enrolment, revoked_reason(last)))
        elif not eligibility.eligible:
            result.not_issued.append((enrolment, eligibility.reasons()))
        else:
            result.issued.append(_create(eligibility=eligibility, by=by, language=language))
    return result


# --- Teilnahmebescheinigung ------------------------------------------------------------------------


@transaction.atomic
def attendance_issue(
    *, enrolment: Enrolment, by, language: str = "de", at: datetime.datetime | None = None
) -> Certificate:
    """A Teilnahmebescheinigung for one participant, on request at any time: it confirms what was attended
    (period, units per module, confirmed placement hours, the leaving date) and judges nothing, so it needs
    no requirement met. One valid one per enrolment; after a revocation only ``certificate_issue_again``."""
    language = _check_language(language)
    enrolment = _lock_enrolment(enrolment)
    _refuse_second(enrolment, DocumentKind.ATTENDANCE)
    _refuse_after_revocation(enrolment, DocumentKind.ATTENDANCE)
    return _create(
        eligibility=eligibility_for_enrolment(enrolment), by=by, language=language, kind=DocumentKind.ATTENDANCE, at=at
    )


def cohort_attendance_open_from(cohort: Cohort) -> datetime.date:
    """The first day a cohort's Teilnahmebescheinigungen can be issued all at once: the day after its end."""
    return cohort.end_date + datetime.timedelta(days=1)


@transaction.atomic
def attendance_issue_for_cohort(*, cohort: Cohort, by, language: str = "de") -> CohortIssueResult:
    """At the cohort's end, a Teilnahmebescheinigung for everyone who does not get the Zertifikat: who
    withdrew, missed a minimum or finished without every requirement. Left out (with the reason): holders
    and candidates of the Zertifikat, holders of a Teilnahmebescheinigung, and anyone whose last document
    of either kind was revoked (staff decide about them one by one)."""
    language = _check_language(language)
    if timezone.localdate() < cohort_attendance_open_from(cohort):
        raise DomainError(
            _("The cohort ends on %(end)s; its Teilnahmebescheinigungen can be issued together from %(date)s.")
            % {"end": short_date(cohort.end_date), "date": short_date(cohort_attendance_open_from(cohort))}
        )
    list(Enrolment.objects.select_for_update().filter(cohort_id=cohort.pk).values_list("pk", flat=True))
    eligibilities = eligibility_for_cohort(cohort)
    latest = documents_of_cohort(cohort)
    result = CohortIssueResult()
    for enrolment_id, eligibility in eligibilities.items():
        enrolment = eligibility.enrolment
        certificate = latest.get((enrolment_id, DocumentKind.CERTIFICATE))
        attendance = latest.get((enrolment_id, DocumentKind.ATTENDANCE))
        if attendance is not None and attendance.status == CertificateStatus.VALID:
            reason = _("Already has the Teilnahmebescheinigung %(number)s.") % {"number": attendance.number}
        elif attendance is not None and attendance.status == CertificateStatus.REVOKED:
            reason = revoked_reason(attendance)
        elif certificate is not None and certificate.status == CertificateStatus.VALID:
            reason = _("Has the certificate %(number)s.") % {"number": certificate.number}
        elif certificate is not None and certificate.status == CertificateStatus.REVOKED:
            reason = revoked_reason(certificate)
        elif eligibility.eligible:
            reason = _("Meets every requirement: issue the certificate instead.")
        else:
            result.issued.append(
                _create(eligibility=eligibility, by=by, language=language, kind=DocumentKind.ATTENDANCE)
            )
            continue
        result.not_issued.append((enrolment, reason))
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
    if certificate.kind == DocumentKind.CERTIFICATE:
        _refuse_ineligible(eligibility)
    # The old one stops being current first, so the one-valid-certificate constraint holds throughout.
    certificate.status = CertificateStatus.SUPERSEDED
    certificate.save(update_fields=["status"])
    return _create(
        eligibility=eligibility,
        by=by,
        language=language,
        kind=certificate.kind,
        supersedes=certificate,
        correction_reason=reason,
        at=at,
    )


@transaction.atomic
def certificate_issue_again(
    *, certificate: Certificate, reason: str, by, language: str | None = None, at: datetime.datetime | None = None
) -> Certificate:
    """After a revocation, staff decide to issue again for the same person: a new document of the same kind
    from today's data, with a new number, that names the revoked one and staff's reason (shown in the
    history). The revoked one stays revoked. A Zertifikat still needs every requirement met."""
    enrolment = _lock_enrolment(certificate.enrolment)
    certificate = _lock_certificate(certificate)
    reason = (reason or "").strip()
    language = _check_language(language or certificate.language)
    if certificate.status != CertificateStatus.REVOKED:
        raise DomainError(
            _("Only a revoked document is issued again; %(number)s is %(status)s.")
            % {"number": certificate.number, "status": certificate.get_status_display()}
        )
    if latest_revoked(enrolment, certificate.kind) != certificate:
        raise DomainError(
            _("%(number)s has already been followed by a newer document.") % {"number": certificate.number}
        )
    if not reason:
        raise DomainError(_("Please give the reason for issuing again."), field="reason")
    _refuse_second(enrolment, certificate.kind)
    eligibility = eligibility_for_enrolment(enrolment)
    if certificate.kind == DocumentKind.CERTIFICATE:
        _refuse_ineligible(eligibility)
    return _create(
        eligibility=eligibility,
        by=by,
        language=language,
        kind=certificate.kind,
        supersedes=certificate,
        correction_reason=reason,
        at=at,
    )
