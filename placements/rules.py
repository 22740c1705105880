"""Who may see and change what in the placements app, registered as Django permissions."""

import rules

from courses.rules import course_still_running, is_programme_staff, is_staff_of_object_organisation, is_supervisor

from .models import HourEntryStatus


def _supervisor_ids_of(facility) -> set[int]:
    # Cached on the facility object, so a list asking for every row's permission does not query per row.
    cached = getattr(facility, "_supervisor_ids", None)
    if cached is None:
        cached = set(facility.supervisors.values_list("pk", flat=True))
        facility._supervisor_ids = cached
    return cached


@rules.predicate
def supervises_facility(user, facility) -> bool:
    if facility is None or not user.is_authenticated or not user.is_supervisor:
        return False
    return user.pk in _supervisor_ids_of(facility)


@rules.predicate
def supervises_placement(user, placement) -> bool:
    return placement is not None and supervises_facility(user, placement.facility)


@rules.predicate
def is_own_placement(user, placement) -> bool:
    return (
        placement is not None
        and user.is_authenticated
        and user.is_participant
        and placement.enrolment.participant.user_id == user.pk
    )


@rules.predicate
def placement_course_still_running(user, placement) -> bool:
    return placement is not None and course_still_running(user, placement.enrolment)


# A participant opens their placement and logs or fixes hours only while their course still runs.
is_own_running_placement = is_own_placement & placement_course_still_running


@rules.predicate
def supervises_entry(user, entry) -> bool:
    return entry is not None and supervises_facility(user, entry.placement.facility)


@rules.predicate
def is_own_pending_entry(user, entry) -> bool:
    return (
        entry is not None
        and entry.status == HourEntryStatus.PENDING
        and is_own_running_placement(user, entry.placement)
    )


@rules.predicate
def is_staff_of_entry(user, entry) -> bool:
    return entry is not None and is_staff_of_object_organisation(user, entry.placement)


rules.add_perm("placements.view_facility_list", is_programme_staff)
rules.add_perm("placements.add_facility", is_programme_staff)
rules.add_perm("placements.view_facility", is_staff_of_object_organisation | supervises_facility)
rules.add_perm("placements.change_facility", is_staff_of_object_organisation)

rules.add_perm("placements.view_placement_list", is_programme_staff)
# Checked against the Enrolment the placement is for.
rules.add_perm("placements.add_placement", is_staff_of_object_organisation)
rules.add_perm(
    "placements.view_placement", is_staff_of_object_organisation | supervises_placement | is_own_running_placement
)
rules.add_perm("placements.change_placement", is_staff_of_object_organisation)
rules.add_perm("placements.log_hours", is_staff_of_object_organisation | is_own_running_placement)

rules.add_perm("placements.view_pending_hours", is_supervisor)
rules.add_perm("placements.confirm_hourentry", supervises_entry)
rules.add_perm("placements.correct_hourentry", is_staff_of_entry)
# Until the supervisor decides, the participant may fix their own entry; after that only staff correct it.
rules.add_perm("placements.edit_own_hourentry", is_own_pending_entry)
