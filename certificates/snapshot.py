"""Freezing a certificate: every value the PDF and the verification page show, copied once at issue time.

The snapshot is plain JSON (strings, integers, ISO dates), so it reads the same in ten years whatever
happens to the participant, the cohort, the curriculum or this code. Wording that depends on the language
(the facility type) is stored in both languages, so the English version of a German certificate is drawn
from the same snapshot.
"""

import datetime

from django.utils import timezone, translation

from courses.models import FacilityType

from .eligibility import Eligibility
from .pdf import TEMPLATE_VERSION, qr_mask_for


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
) -> dict:
    enrolment = eligibility.enrolment
    cohort = enrolment.cohort
    participant = enrolment.participant
    organisation = cohort.site.organisation
    placement = eligibility.placement
    placement_data = None
    if placement is not None and cohort.programme.required_placement_hours > 0:
        placement_data = {
            "facility_type": placement.facility_type,
            "facility_type_label": _labels(placement.facility_type, FacilityType.choices),
            "confirmed_minutes": placement.confirmed_minutes,
            "required_minutes": placement.required_minutes,
        }
    return {
        "template_version": TEMPLATE_VERSION,
        "language": language,
        "number": number,
        "verification_code": verification_code,
        "verification_url": verification_url,
        "qr_mask": qr_mask_for(verification_url),
        "issued_at": issued_at.astimezone(datetime.UTC).isoformat(),
        "issued_on": timezone.localtime(issued_at).date().isoformat(),
        "organisation": {"name": organisation.name, "address": organisation.address},
        "funding_body": cohort.funding_body,
        "partners": cohort.partners,
        "measure_number": cohort.measure_number,
        "site": {"name": cohort.site.name},
        "participant": {
            "given_name": participant.given_name,
            "family_name": participant.family_name,
            "full_name": participant.full_name,
            "date_of_birth": participant.date_of_birth.isoformat(),
        },
        "programme": {"title": cohort.programme.title},
        "cohort": {
            "number": cohort.number,
            "start_date": cohort.start_date.isoformat(),
            "end_date": cohort.end_date.isoformat(),
        },
        "modules": [
            {
                "position": module.position,
                "title": module.title,
                "planned_units": module.planned_units,
                # Missed hours reduce the units shown: what was attended, never more than planned.
                "attended_units": str(min(module.attended_units, module.planned_units)),
            }
            for module in eligibility.modules
        ],
        "placement": placement_data,
        "signatory": {"name": issued_by.get_full_name() or issued_by.get_username()},
    }
