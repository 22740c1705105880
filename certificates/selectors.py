"""Reads for the certificates pages: fixed numbers of queries per page, whatever the cohort size."""

from dataclasses import dataclass

from django.db.models import QuerySet

from courses.models import Cohort, Enrolment
from courses.rules import staff_organisation_ids

from .eligibility import Eligibility, eligibility_for_cohort, eligibility_for_enrolment
from .models import Certificate, CertificateStatus, normalise_code

CERTIFICATE_RELATED = (
    "enrolment",
    "enrolment__participant",
    "enrolment__cohort",
    "enrolment__cohort__programme",
    "enrolment__cohort__site",
    "issued_by",
    "revoked_by",
    "supersedes",
)


def certificates_for_download() -> QuerySet[Certificate]:
    """Only what the download and its permission check read (snapshot, status, holder, organisation):
    PostgreSQL spent more time planning the page's nine-table join (~3 ms) than running it, and turning
    the sixty columns of five tables into objects cost another millisecond."""
    return Certificate.objects.select_related("enrolment__participant", "enrolment__cohort__site").only(
        "snapshot",
        "status",
        "enrolment__participant__user_id",
        "enrolment__cohort__site__organisation_id",
    )


def certificates_with_related() -> QuerySet[Certificate]:
    # The successor (reverse one-to-one) is prefetched, not joined: SQLite answers that LEFT JOIN with a
    # scan of the whole certificate table (~60 ms at 50,000 certificates); the prefetch is one indexed query.
    return Certificate.objects.select_related(*CERTIFICATE_RELATED).prefetch_related("superseded_by")


def certificates_visible_to(user) -> QuerySet[Certificate]:
    qs = certificates_with_related()
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.is_superuser:
        return qs
    if user.is_programme_staff:
        return qs.filter(enrolment__cohort__site__organisation_id__in=staff_organisation_ids(user))
    if user.is_participant:
        return qs.filter(enrolment__participant__user=user, status=CertificateStatus.VALID)
    return qs.none()


def current_certificates_of_cohort(cohort: Cohort) -> dict[int, Certificate]:
    return {
        c.enrolment_id: c
        # The overview shows number and links only; the snapshot JSON is the heavy part of each row.
        for c in Certificate.objects.filter(enrolment__cohort_id=cohort.pk, status=CertificateStatus.VALID).defer(
            "snapshot"
        )
    }


def certificates_of_cohort(cohort: Cohort) -> QuerySet[Certificate]:
    """Current certificates of a cohort in roster order (for the ZIP)."""
    return (
        Certificate.objects.filter(enrolment__cohort_id=cohort.pk, status=CertificateStatus.VALID)
        .select_related("enrolment__participant")
        .order_by("number")
    )


def certificate_history(enrolment: Enrolment) -> QuerySet[Certificate]:
    """Every certificate the enrolment ever had, newest first, with who issued or revoked it."""
    return (
        Certificate.objects.filter(enrolment=enrolment)
        .select_related("issued_by", "revoked_by", "supersedes")
        .prefetch_related("superseded_by")
        .order_by("-issued_at", "-id")
    )


@dataclass(frozen=True)
class CohortRow:
    enrolment: Enrolment
    eligibility: Eligibility
    certificate: Certificate | None


def cohort_overview(cohort: Cohort) -> list[CohortRow]:
    """Each participant's checklist and current certificate: the engine's queries plus one."""
    eligibilities = eligibility_for_cohort(cohort)
    certificates = current_certificates_of_cohort(cohort)
    return [CohortRow(e.enrolment, e, certificates.get(pk)) for pk, e in eligibilities.items()]


def cohort_certificate_counts(cohort: Cohort) -> dict[str, int]:
    """The cohort page's panel: how many people, how many hold a certificate, how many could get one now.
    Reads only the certificates' enrolment ids; the checklists are evaluated without their sentences."""
    holders = set(
        Certificate.objects.filter(enrolment__cohort_id=cohort.pk, status=CertificateStatus.VALID).values_list(
            "enrolment_id", flat=True
        )
    )
    return _counts(eligibility_for_cohort(cohort), holders)


def cohort_overview_counts(rows: list[CohortRow]) -> dict[str, int]:
    """The same counts from the overview's rows, which carry their certificates already."""
    holders = {r.enrolment.pk for r in rows if r.certificate is not None}
    return _counts({r.enrolment.pk: r.eligibility for r in rows}, holders)


def _counts(eligibilities: dict[int, Eligibility], holders: set[int]) -> dict[str, int]:
    return {
        "total": len(eligibilities),
        "issued": sum(1 for pk in eligibilities if pk in holders),
        "eligible": sum(1 for pk, e in eligibilities.items() if pk not in holders and e.eligible),
    }


@dataclass(frozen=True)
class OwnRow:
    enrolment: Enrolment
    eligibility: Eligibility
    certificate: Certificate | None


def own_certificate_rows(user) -> list[OwnRow]:
    """The participant's start page: each enrolment's checklist and current certificate."""
    if not user.is_authenticated or not user.is_participant:
        return []
    enrolments = list(
        Enrolment.objects.filter(participant__user=user)
        .select_related("cohort", "cohort__programme")
        .order_by("-cohort__start_date")
    )
    certificates = {
        c.enrolment_id: c for c in Certificate.objects.filter(enrolment__in=enrolments, status=CertificateStatus.VALID)
    }
    return [OwnRow(e, eligibility_for_enrolment(e), certificates.get(e.pk)) for e in enrolments]


def certificate_by_code(code: str, number: str | None = None) -> Certificate | None:
    """The certificate a verification code (and, when typed, number) points to, or None."""
    code = normalise_code(code)
    if not code:
        return None
    # The public page shows only the status, never the successor: no join needed.
    qs = Certificate.objects.filter(verification_code=code)
    if number is not None:
        qs = qs.filter(number=(number or "").strip().upper())
    return qs.first()
