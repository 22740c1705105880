"""Freezing a certificate: every value the PDF and the verification page show, copied once at issue time.

The snapshot is plain JSON (strings, integers, ISO dates), so it reads the same in ten years whatever
happens to the participant, the cohort, the curriculum or this code. Wording that depends on the language
(the facility type) is stored in both languages, so the English version of a German certificate is drawn
from the same snapshot.
"""

import datetime

from django.utils import timezone, translation

from courses.models import EnrolmentStatus, FacilityType, Participant

from .eligibility import Eligibility
from .pdf import TEMPLATE_VERSION, qr_rows_for


def _labels(value: str, choices) -> dict[str, str]:
    labels = dict(choices)
    result = {}
    for language in ("de", "en"):
        with translation.override(language):
            result[language] = str(labels.get(value, value))
    return result


def build_snapshot(
    *,
    eligibility: Eligibility,
    number: str,
    verification_code: str,
    verification_url: str,
    issued_at: datetime.datetime,
    issued_by,
    language: str,
    kind: str = "certificate",
) -> dict:
    """The snapshot of a Zertifikat (``kind="certificate"``) or a Teilnahmebescheinigung (``"attendance"``)
    from the engine's facts. The Teilnahmebescheinigung also keeps the period actually attended: from the
    later of enrolment and start to the leaving date, else the end of the measure or (issued on request
    while it runs) the issue day."""
    enrolment = eligibility.enrolment
    cohort = enrolment.cohort
    participant = enrolment.participant
    placement = eligibility.placement
    attendance = None
    if kind == "attendance":
        issued_on = timezone.localtime(issued_at).date()
        left_on = enrolment.withdrawn_on if enrolment.status == EnrolmentStatus.WITHDRAWN else None
        until = left_on or min(cohort.end_date, issued_on)
        # Joined late: from the enrolment; records entered after the fact must not start after the end.
        start = min(max(cohort.start_date, enrolment.enrolled_on or cohort.start_date), until)
        attendance = {"from": start, "until": until, "left_on": left_on}
        # Confirmed hours are a fact worth printing whether or not the programme requires them.
        include_placement = placement is not None and (
            placement.confirmed_minutes or cohort.programme.required_placement_hours > 0
        )
    else:
        include_placement = placement is not None and cohort.programme.required_placement_hours > 0
    return snapshot_document(
        number=number,
        verification_code=verification_code,
        verification_url=verification_url,
        issued_at=issued_at,
        language=language,
        organisation=cohort.site.organisation,
        cohort=cohort,
        given_name=participant.given_name,
        family_name=participant.family_name,
        date_of_birth=participant.date_of_birth,
        modules=[(m.position, m.title, m.planned_units, m.attended_units) for m in eligibility.modules],
        placement=(
            (placement.facility_type, placement.confirmed_minutes, placement.required_minutes)
            if include_placement
            else None
        ),
        signatory=issued_by.get_full_name() or issued_by.get_username(),
        kind=kind,
        attendance=attendance,
    )


def snapshot_document(
    *,
    number: str,
    verification_code: str,
    verification_url: str,
    issued_at: datetime.datetime,
    language: str,
    organisation,
    cohort,
    given_name: str,
    family_name: str,
    date_of_birth: datetime.date,
    modules: list[tuple],
    placement: tuple | None,
    signatory: str,
    with_qr_code: bool = True,
    kind: str = "certificate",
    attendance: dict | None = None,
) -> dict:
    """The snapshot's one shape, from plain values: issuing and the scale generator both build it here.

    ``modules`` holds (position, title, planned units, attended units); ``placement`` holds (facility type,
    confirmed minutes, required minutes) or is None. Without ``with_qr_code`` the renderer encodes the QR
    code itself when drawing (same code, a few milliseconds slower). ``kind`` is "certificate" (Zertifikat)
    or "attendance" (Teilnahmebescheinigung, which needs ``attendance``: dates ``from``, ``until`` and
    ``left_on`` or None)."""
    document = {
        "template_version": TEMPLATE_VERSION,
        "kind": kind,
        "language": language,
        "number": number,
        "verification_code": verification_code,
        "verification_url": verification_url,
        "issued_at": issued_at.astimezone(datetime.UTC).isoformat(),
        "issued_on": timezone.localtime(issued_at).date().isoformat(),
        "organisation": {"name": organisation.name, "address": organisation.address},
        # Frozen as text: a later renamed or replaced organisation must not change an issued document.
        "funding_body": cohort.funding_body_name,
        "partners": cohort.partner_names,
        "measure_number": cohort.measure_number,
        "site": {"name": cohort.site.name},
        "participant": {
            "given_name": given_name,
            "family_name": family_name,
            "full_name": Participant.name_from(given_name, family_name),
            "date_of_birth": date_of_birth.isoformat(),
        },
        "programme": {"title": cohort.programme.title},
        "cohort": {
            "number": cohort.number,
            "start_date": cohort.start_date.isoformat(),
            "end_date": cohort.end_date.isoformat(),
        },
        "modules": [
            # Missed hours reduce the units shown: what was attended, never more than planned.
            {
                "position": position,
                "title": title,
                "planned_units": planned,
                "attended_units": str(min(attended, planned)),
            }
            for position, title, planned, attended in modules
        ],
        "placement": None,
        "signatory": {"name": signatory},
    }
    if placement is not None:
        facility_type, confirmed, required = placement
        document["placement"] = {
            "facility_type": facility_type,
            "facility_type_label": _labels(facility_type, FacilityType.choices),
            "confirmed_minutes": confirmed,
            "required_minutes": required,
        }
    if attendance is not None:
        document["attendance"] = {key: (value.isoformat() if value else None) for key, value in attendance.items()}
    if with_qr_code:
        document["qr_rows"] = qr_rows_for(verification_url)
    return document
