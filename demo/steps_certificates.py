"""Demo part of the certificates: every participant of the finished runs whom the requirement engine
finds eligible gets a certificate, issued through the service on the Friday after the run ended. One
certificate is revoked with a reason, and one is superseded by a corrected reissue (a misspelt name).
Everyone of the finished runs who did not get the Zertifikat – the participant who withdrew among them –
gets a Teilnahmebescheinigung on the same day.

Runs after the attendance and placement steps: who is eligible follows from their data, never from here.
"""

import datetime
from unittest import mock
from zoneinfo import ZoneInfo

from certificates import services
from certificates.eligibility import eligibility_for_cohort
from certificates.models import CODE_ALPHABET, CODE_LENGTH, DocumentKind
from certificates.selectors import documents_of_cohort
from courses import services as course_services

BERLIN = ZoneInfo("Europe/Berlin")


def _issue_day(cohort, days_after: int = 7) -> datetime.datetime:
    day = cohort.end_date + datetime.timedelta(days=days_after)
    return datetime.datetime.combine(day, datetime.time(10, 0), tzinfo=BERLIN)


def build_certificates(world) -> None:
    # Codes from the demo's seeded random generator keep fixtures/demo.json the same between rebuilds;
    # real certificates get theirs from `secrets`.
    def seeded_code() -> str:
        return "".join(world.rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))

    by = world.staff_user
    finished = [c for c in world.cohorts if c.status == "finished"]
    issued = []
    with mock.patch.object(services, "new_verification_code", seeded_code):
        for cohort in finished:
            at = _issue_day(cohort)
            for eligibility in eligibility_for_cohort(cohort).values():
                if not eligibility.eligible:
                    continue
                enrolment = eligibility.enrolment
                if enrolment.participant.given_name == "Małgorzata":
                    # Printed with a typo first, corrected below.
                    course_services.participant_update(
                        participant=enrolment.participant, given_name="Malgorzata", by=by
                    )
                issued.append(services.certificate_issue(enrolment=enrolment, by=by, at=at))
        revoked = superseded = None
        for certificate in issued:
            participant = certificate.enrolment.participant
            if superseded is None and participant.given_name == "Malgorzata":
                course_services.participant_update(participant=participant, given_name="Małgorzata", by=by)
                services.certificate_reissue(
                    certificate=certificate,
                    reason="Schreibweise des Vornamens korrigiert (ł statt l).",
                    by=by,
                    at=certificate.issued_at + datetime.timedelta(days=12),
                )
                superseded = certificate
        for certificate in issued:
            if certificate is not superseded and certificate.enrolment.cohort_id == finished[-1].pk:
                services.certificate_revoke(
                    certificate=certificate,
                    reason="Praktikumsnachweis nachträglich als unvollständig erkannt; Stunden werden nachgeholt.",
                    by=by,
                    at=certificate.issued_at + datetime.timedelta(days=20),
                )
                revoked = certificate
                break
        attendance = _attendance_certificates(finished, by)
    world.summary.append(
        f"{len(issued)} certificates issued"
        + (f", {revoked.number} revoked" if revoked else "")
        + (f", {superseded.number} superseded" if superseded else "")
        + f", {len(attendance)} Teilnahmebescheinigungen"
    )


def _attendance_certificates(finished, by) -> list:
    """A Teilnahmebescheinigung for everyone of a finished run who holds no Zertifikat and is not eligible
    for one (withdrew, missed a minimum, finished without every requirement), a week after the run. Whoever
    had a certificate revoked is left to staff, as cohort issuing does."""
    issued = []
    for cohort in finished:
        documents = documents_of_cohort(cohort)
        for enrolment_id, eligibility in eligibility_for_cohort(cohort).items():
            if eligibility.eligible or (enrolment_id, DocumentKind.CERTIFICATE) in documents:
                continue
            issued.append(services.attendance_issue(enrolment=eligibility.enrolment, by=by, at=_issue_day(cohort)))
    return issued


STEPS = [build_certificates]
