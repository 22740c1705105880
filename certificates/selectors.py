"""Reads for the certificates pages: fixed numbers of queries per page, whatever the cohort size."""

from collections import OrderedDict
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from courses.models import Cohort, Enrolment
from courses.rules import staff_organisation_ids

from . import conf
from .eligibility import (
    Eligibility,
    cohort_facts,
    eligibility_for_cohort,
    eligibility_for_enrolment,
    eligible_condition,
)
from .models import Certificate, CertificateStatus, DocumentKind, normalise_code

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


def certificates_to_download() -> QuerySet[Certificate]:
    """Only what the download and its permission check read (snapshot, status, holder, organisation):
    PostgreSQL spent more time planning the page's nine-table join than running it, and turning the sixty
    columns of five tables into objects cost as much again (docs/benchmarks.md)."""
    return Certificate.objects.select_related("enrolment__participant", "enrolment__cohort__site").only(
        "snapshot",
        "status",
        "revoked_at",
        "enrolment__participant__user_id",
        "enrolment__cohort__site__organisation_id",
    )


def certificates_with_related() -> QuerySet[Certificate]:
    # The successor (reverse one-to-one) is prefetched, not joined: SQLite answers that LEFT JOIN with a
    # scan of the whole certificate table; the prefetch is one indexed query.
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


def latest_documents(certificates) -> dict[tuple[int, str], Certificate]:
    """Each enrolment's last document of each kind, keyed by (enrolment id, kind), from certificates in
    issue order. A revoked one stays the last until staff issue again for that person."""
    latest: dict[tuple[int, str], Certificate] = {}
    for certificate in certificates:
        latest[(certificate.enrolment_id, certificate.kind)] = certificate
    return latest


def documents_of_cohort(cohort: Cohort) -> dict[tuple[int, str], Certificate]:
    """The last document of each kind per enrolment of the cohort, in one query (without the snapshot JSON,
    the heavy part of each row: the overview shows numbers, dates and links only)."""
    return latest_documents(Certificate.objects.filter(enrolment__cohort_id=cohort.pk).defer("snapshot").order_by("pk"))


def current_certificates_of_cohort(cohort: Cohort) -> dict[int, Certificate]:
    return {
        enrolment_id: c
        for (enrolment_id, kind), c in documents_of_cohort(cohort).items()
        if kind == DocumentKind.CERTIFICATE and c.is_valid
    }


def certificates_of_cohort(cohort: Cohort, kind: str = DocumentKind.CERTIFICATE) -> QuerySet[Certificate]:
    """Current documents of one kind of a cohort, by number (for the ZIP)."""
    return (
        Certificate.objects.filter(enrolment__cohort_id=cohort.pk, kind=kind, status=CertificateStatus.VALID)
        .select_related("enrolment__participant")
        .order_by("number")
    )


def cohort_zip_is_streamed(document_count: int) -> bool:
    """A cohort's ZIP is drawn inside the request (streamed) only up to PREPARED_ZIP_THRESHOLD documents;
    a larger one is prepared in the background (the notifications app's "prepared for you"), so no request
    draws and signs hundreds of PDFs while a proxy's timeout runs."""
    return document_count <= conf.prepared_zip_threshold()


def documents_of_participant(participant) -> QuerySet[Certificate]:
    """Every Zertifikat and Teilnahmebescheinigung a person was ever given, in every run, valid or not, oldest
    first (for a data-protection access report: what we issued and what it printed is in the snapshot)."""
    return (
        Certificate.objects.filter(enrolment__participant=participant)
        .select_related("enrolment__cohort__programme", "issued_by", "revoked_by")
        .order_by("issued_at", "pk")
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
    certificate: Certificate | None  # the valid Zertifikat
    revoked: Certificate | None = None  # the last Zertifikat, if it was revoked (and none issued since)
    attendance: Certificate | None = None  # the valid Teilnahmebescheinigung

    @property
    def can_get_certificate(self) -> bool:
        """Eligible, without a Zertifikat, and not under a revocation that still stands."""
        return self.certificate is None and self.revoked is None and self.eligibility.eligible


def _rows(eligibilities: dict[int, Eligibility], documents: dict) -> list[CohortRow]:
    rows = []
    for pk, eligibility in eligibilities.items():
        certificate = documents.get((pk, DocumentKind.CERTIFICATE))
        attendance = documents.get((pk, DocumentKind.ATTENDANCE))
        rows.append(
            CohortRow(
                eligibility.enrolment,
                eligibility,
                certificate if certificate is not None and certificate.is_valid else None,
                certificate if certificate is not None and certificate.status == CertificateStatus.REVOKED else None,
                attendance if attendance is not None and attendance.is_valid else None,
            )
        )
    return rows


def cohort_overview(cohort: Cohort, enrolments=None) -> list[CohortRow]:
    """Each participant's checklist and documents (or only those of ``enrolments``, some of the cohort's
    people): the engine's queries plus one."""
    if enrolments is None:
        documents = documents_of_cohort(cohort)
    else:
        documents = latest_documents(
            Certificate.objects.filter(enrolment_id__in=[e.pk for e in enrolments]).defer("snapshot").order_by("pk")
        )
    return _rows(eligibility_for_cohort(cohort, enrolments), documents)


def _latest_status(kind: str):
    """The status of the enrolment's last document of ``kind`` ('' without one): latest_documents in SQL."""
    return Coalesce(
        Subquery(
            Certificate.objects.filter(enrolment_id=OuterRef("pk"), kind=kind).order_by("-pk").values("status")[:1]
        ),
        Value(""),
    )


# Compiled count queries by (database, cohort, CohortFacts.key()): building and compiling the conditions'
# subqueries costs several times what the database needs to run them, and the SQL and its parameters depend
# on nothing else, so a process compiles each once. The counts themselves are read anew every time.
_COUNT_QUERIES: OrderedDict[tuple, tuple[str, tuple, list[str]]] = OrderedDict()
_COUNT_QUERIES_KEPT = 1000
COUNT_NAMES = ("total", "issued", "eligible", "revoked", "attendance_issued")


def cohort_certificate_counts(cohort: Cohort) -> dict[str, int]:
    """The cohort page's panel and the overview's heading: how many people, how many hold a certificate, how
    many could get one now, how many hold a Teilnahmebescheinigung. One aggregate query (plus the engine's
    two for the cohort-wide facts), whatever the cohort's size: the requirements' database conditions
    (certificates.eligibility.Requirement.condition), not every checklist evaluated in Python. The same
    counts as cohort_overview_counts over the overview's rows."""
    facts = cohort_facts(cohort)
    key = (connection.alias, cohort.pk, facts.key())
    compiled = _COUNT_QUERIES.get(key)
    if compiled is not None:
        sql, params, names = compiled
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            result = dict(zip(names, cursor.fetchone(), strict=True))
    else:
        enrolments, counts = _count_query(cohort, facts)
        executed = []

        def remember(execute, sql, params, many, context):
            executed.append((sql, tuple(params or ())))
            return execute(sql, params, many, context)

        with connection.execute_wrapper(remember):
            result = enrolments.aggregate(**counts)
        if len(executed) == 1:
            _COUNT_QUERIES[key] = (*executed[0], list(counts))
            while len(_COUNT_QUERIES) > _COUNT_QUERIES_KEPT:
                _COUNT_QUERIES.popitem(last=False)
    result.setdefault("eligible", 0)
    return {name: result[name] for name in COUNT_NAMES}


def _count_query(cohort: Cohort, facts) -> tuple[QuerySet[Enrolment], dict]:
    enrolments, eligible = eligible_condition(cohort, facts=facts)
    enrolments = enrolments.annotate(
        certificate_status=_latest_status(DocumentKind.CERTIFICATE),
        attendance_status=_latest_status(DocumentKind.ATTENDANCE),
    )
    issued = Q(certificate_status=CertificateStatus.VALID)
    revoked = Q(certificate_status=CertificateStatus.REVOKED)
    counts = {
        "total": Count("pk"),
        "issued": Count("pk", filter=issued),
        "revoked": Count("pk", filter=revoked),
        "attendance_issued": Count("pk", filter=Q(attendance_status=CertificateStatus.VALID)),
    }
    if eligible is not False:
        can_get = ~issued & ~revoked
        counts["eligible"] = Count("pk", filter=can_get if eligible is True else can_get & eligible)
    return enrolments, counts


def cohort_overview_counts(rows: list[CohortRow]) -> dict[str, int]:
    """The counts from the overview's rows, which carry their documents already."""
    return {
        "total": len(rows),
        "issued": sum(1 for r in rows if r.certificate is not None),
        "eligible": sum(1 for r in rows if r.can_get_certificate),
        "revoked": sum(1 for r in rows if r.revoked is not None),
        "attendance_issued": sum(1 for r in rows if r.attendance is not None),
    }


@dataclass(frozen=True)
class OwnRow:
    enrolment: Enrolment
    eligibility: Eligibility
    certificate: Certificate | None
    revoked: Certificate | None = None
    attendance: Certificate | None = None


def own_certificate_rows(user) -> list[OwnRow]:
    """The participant's start page: each enrolment's checklist and current documents."""
    if not user.is_authenticated or not user.is_participant:
        return []
    enrolments = list(
        Enrolment.objects.filter(participant__user=user)
        .select_related("cohort", "cohort__programme")
        .order_by("-cohort__start_date")
    )
    documents = latest_documents(Certificate.objects.filter(enrolment__in=enrolments).defer("snapshot").order_by("pk"))
    rows = []
    for e in enrolments:
        certificate = documents.get((e.pk, DocumentKind.CERTIFICATE))
        attendance = documents.get((e.pk, DocumentKind.ATTENDANCE))
        rows.append(
            OwnRow(
                e,
                eligibility_for_enrolment(e),
                certificate if certificate is not None and certificate.is_valid else None,
                certificate if certificate is not None and certificate.status == CertificateStatus.REVOKED else None,
                attendance if attendance is not None and attendance.is_valid else None,
            )
        )
    return rows


def certificate_by_code(code: str, number: str | None = None) -> Certificate | None:
    """The certificate a verification code (and, when typed, number) points to, or None."""
    code = normalise_code(code)
    if not code:
        return None
    # The successor's number is shown only for a superseded document, read then (no join for the others).
    qs = Certificate.objects.filter(verification_code=code)
    if number is not None:
        qs = qs.filter(number=(number or "").strip().upper())
    return qs.first()
