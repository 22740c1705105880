from . import EVERYONE, Access, allow


def extend_world(world):
    """A valid certificate for the participant's enrolment (written directly: the walk tests access,
    not issuing)."""
    from django.utils import timezone

    from certificates.models import Certificate
    from certificates.samples import sample_snapshot

    world.certificate = Certificate.objects.create(
        enrolment=world.enrolment,
        number="IB-2026-0042",
        prefix="IB",
        year=2026,
        sequence=42,
        verification_code="7K3QH9M2XR4TJW8P",
        template_version=1,
        snapshot=sample_snapshot(),
        issued_at=timezone.now(),
        issued_by=world.users["staff"],
    )
    # A Teilnahmebescheinigung (for the cohort's ZIP) and a revoked one before it (for "issue again").
    attendance = {"template_version": 2, "kind": "attendance"}
    attendance_period = {"from": "2026-02-02", "until": "2026-06-26", "left_on": None}
    world.revoked_attendance = Certificate.objects.create(
        enrolment=world.enrolment,
        kind="attendance",
        number="IB-2026-0043",
        prefix="IB",
        year=2026,
        sequence=43,
        verification_code="8K3QH9M2XR4TJW8P",
        template_version=2,
        snapshot=sample_snapshot(number="IB-2026-0043", attendance=attendance_period, **attendance),
        issued_at=timezone.now(),
        issued_by=world.users["staff"],
        status="revoked",
        revoked_at=timezone.now(),
        revoked_by=world.users["staff"],
        revocation_reason="Falsches Datum",
    )
    Certificate.objects.create(
        enrolment=world.enrolment,
        kind="attendance",
        number="IB-2026-0044",
        prefix="IB",
        year=2026,
        sequence=44,
        verification_code="9K3QH9M2XR4TJW8P",
        template_version=2,
        snapshot=sample_snapshot(number="IB-2026-0044", attendance=attendance_period, **attendance),
        issued_at=timezone.now(),
        issued_by=world.users["staff"],
        supersedes=world.revoked_attendance,
        correction_reason="Datum korrigiert",
    )


def _cohort(world):
    return {"pk": world.cohort.pk}


def _enrolment(world):
    return {"pk": world.enrolment.pk}


def _certificate(world):
    return {"pk": world.certificate.pk}


ENTRIES = {
    "certificates:verify": Access(EVERYONE),  # public, no login
    "certificates:verify_code": Access(EVERYONE, kwargs=lambda w: {"code": w.certificate.verification_code}),
    "certificates:cohort_overview": allow("staff", kwargs=_cohort),
    "certificates:cohort_issue": allow("staff", kwargs=_cohort),
    "certificates:cohort_zip": allow("staff", kwargs=_cohort),
    "certificates:enrolment": allow("staff", "participant", kwargs=_enrolment),
    "certificates:issue": allow("staff", kwargs=_enrolment),
    "certificates:detail": allow("staff", kwargs=_certificate),
    "certificates:download": allow("staff", "participant", kwargs=_certificate),
    "certificates:revoke": allow("staff", kwargs=_certificate),
    "certificates:reissue": allow("staff", kwargs=_certificate),
    "certificates:issue_again": allow("staff", kwargs=lambda w: {"pk": w.revoked_attendance.pk}),
    "certificates:issue_attendance": allow("staff", kwargs=_enrolment),
    "certificates:cohort_issue_attendance": allow("staff", kwargs=_cohort),
    "certificates:cohort_attendance_zip": allow("staff", kwargs=_cohort),
}
