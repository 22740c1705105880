"""Who may see and change what in the courses app. Registered as Django permissions, so views and
templates ask ``user.has_perm("courses.change_cohort", cohort)`` and nothing else decides."""

import rules

from .models import CohortStatus, EnrolmentStatus


def staff_organisation_ids(user) -> frozenset[int]:
    """The organisations a staff user works for, read once per request (cached on the user object)."""
    cached = getattr(user, "_staff_organisation_ids", None)
    if cached is None:
        cached = frozenset(user.organisations.values_list("pk", flat=True)) if user.is_programme_staff else frozenset()
        user._staff_organisation_ids = cached
    return cached


def organisation_id_of(obj) -> int | None:
    """Owning organisation of any courses/placements object; each model exposes it the cheapest way."""
    from courses.models import Organisation

    if isinstance(obj, Organisation):
        return obj.pk
    return getattr(obj, "organisation_id", None)


@rules.predicate
def is_programme_staff(user) -> bool:
    return user.is_authenticated and user.is_programme_staff


@rules.predicate
def is_supervisor(user) -> bool:
    return user.is_authenticated and user.is_supervisor


@rules.predicate
def is_participant(user) -> bool:
    return user.is_authenticated and user.is_participant


@rules.predicate
def is_staff_of_object_organisation(user, obj) -> bool:
    if obj is None or not is_programme_staff(user):
        return False
    return organisation_id_of(obj) in staff_organisation_ids(user)


@rules.predicate
def is_the_participant(user, participant) -> bool:
    return participant is not None and user.is_authenticated and participant.user_id == user.pk


@rules.predicate
def is_own_enrolment(user, enrolment) -> bool:
    return enrolment is not None and user.is_authenticated and enrolment.participant.user_id == user.pk


@rules.predicate
def course_still_running(user, enrolment) -> bool:
    """The participant's course is still running for them: their place is active (not withdrawn, not
    completed) and the run is not finished. After that they keep only their documents (docs/accounts.md).
    Decided by the statuses staff set, not by dates: a run may be closed early or late."""
    return (
        enrolment is not None
        and enrolment.status == EnrolmentStatus.ACTIVE
        and enrolment.cohort.status != CohortStatus.FINISHED
    )


# What a participant may open of their own enrolment: only while their course still runs.
is_own_running_enrolment = is_own_enrolment & course_still_running


rules.add_perm("courses.view_cohort_list", is_programme_staff)
rules.add_perm("courses.add_cohort", is_programme_staff)
rules.add_perm("courses.view_cohort", is_staff_of_object_organisation)
rules.add_perm("courses.change_cohort", is_staff_of_object_organisation)
rules.add_perm("courses.enrol_cohort", is_staff_of_object_organisation)

rules.add_perm("courses.view_participant_list", is_programme_staff)
rules.add_perm("courses.view_participant", is_staff_of_object_organisation | is_the_participant)
rules.add_perm("courses.change_participant", is_staff_of_object_organisation)

rules.add_perm("courses.view_enrolment", is_staff_of_object_organisation | is_own_running_enrolment)
rules.add_perm("courses.withdraw_enrolment", is_staff_of_object_organisation)
rules.add_perm("courses.change_enrolment_date", is_staff_of_object_organisation)

# Teaching: sessions, registers, progress and absence reports. Supervisors and participants never open a
# register; a participant sees only their own attendance (through their enrolment).
rules.add_perm("courses.view_sessions", is_staff_of_object_organisation)  # obj: cohort
rules.add_perm("courses.manage_sessions", is_staff_of_object_organisation)  # obj: cohort or session
rules.add_perm("courses.take_attendance", is_staff_of_object_organisation)  # obj: session
rules.add_perm("courses.correct_attendance", is_staff_of_object_organisation)  # obj: session, after its day
rules.add_perm("courses.view_attendance_matrix", is_staff_of_object_organisation)  # obj: cohort
rules.add_perm("courses.view_absence_report", is_staff_of_object_organisation)  # obj: cohort or enrolment
rules.add_perm("courses.view_attendance", is_staff_of_object_organisation | is_own_running_enrolment)  # obj: enrolment
