"""The rules for giving someone a place in a cohort, in one place.

Pure functions over what the caller has read (and locked): ``courses.services.enrolment_create`` asks them
for one person, ``courses.services.BulkEnrolment`` (the participant import) for thousands, so both refuse
the same people with the same words in the same order.
"""

import datetime

from django.utils.translation import gettext as _

from core.dates import short_date

from .models import Cohort, CohortStatus, Enrolment, EnrolmentStatus, Participant


def enrolment_refusal(
    *,
    cohort: Cohort,
    participant: Participant,
    existing: Enrolment | None,
    taken: int,
    clash: Enrolment | None,
    keep_existing: bool = False,
) -> str:
    """Why ``participant`` cannot get a place in ``cohort``, or '' if they can.

    ``existing``: their enrolment in this cohort, if any; ``taken``: the places taken so far (withdrawn
    enrolments give theirs back); ``clash``: an active enrolment of theirs in an overlapping cohort, if
    any. With ``keep_existing`` someone already enrolled is no refusal: they keep their place (importing
    the same list twice)."""
    if participant.organisation_id != cohort.site.organisation_id:
        return _("This participant belongs to another organisation.")
    closed = closed_cohort_refusal(cohort)
    if closed:
        return closed
    if existing is not None:
        if existing.status == EnrolmentStatus.WITHDRAWN:
            return _("%(name)s was already enrolled in this cohort and withdrew on %(date)s.") % {
                "name": participant.full_name,
                "date": short_date(existing.withdrawn_on),
            }
        return "" if keep_existing else already_enrolled_message(participant)
    if taken >= cohort.capacity:
        return _("The cohort is full: all %(capacity)d places are taken.") % {"capacity": cohort.capacity}
    if clash is not None:
        return _("%(name)s is already active in %(other)s (%(start)s–%(end)s), which overlaps with this cohort.") % {
            "name": participant.full_name,
            "other": clash.cohort,
            "start": short_date(clash.cohort.start_date),
            "end": short_date(clash.cohort.end_date),
        }
    return ""


def closed_cohort_refusal(cohort: Cohort) -> str:
    """Why nobody can get a place in ``cohort`` any more, or ''."""
    if cohort.status == CohortStatus.FINISHED:
        return _("This cohort has finished; nobody can be enrolled any more.")
    return ""


def already_enrolled_message(participant: Participant) -> str:
    return _("%(name)s is already enrolled in this cohort.") % {"name": participant.full_name}


def entry_date_refusal(cohort: Cohort, on: datetime.date) -> str:
    """Why ``on`` cannot be an entry date of ``cohort``, or ''."""
    if on > cohort.end_date:
        return _("The entry date cannot be after the end of the cohort (%(date)s).") % {
            "date": short_date(cohort.end_date)
        }
    return ""
