"""Who may see and change what in the courses app. Registered as Django permissions, so views and
templates ask ``user.has_perm("courses.change_cohort", cohort)`` and nothing else decides."""

import rules

from .models import CohortStatus, EnrolmentStatus


def _linked_ids(user, related_name: str, applies: bool) -> frozenset[int]:
    """The ids ``user.<related_name>`` links to, read once per request (cached on the user object)."""
    cache = f"_{related_name}_ids"
    cached = getattr(user, cache, None)
    if cached is None:
        cached = frozenset(getattr(user, related_name).values_list("pk", flat=True)) if applies else frozenset()
        setattr(user, cache, cached)
    return cached


def staff_organisation_ids(user) -> frozenset[int]:
    """The organisations a staff user works for."""
    return _linked_ids(user, "organisations", user.is_programme_staff)


def partner_organisation_ids(user) -> frozenset[int]:
    """The funding or partner organisations a partner user belongs to."""
    return _linked_ids(user, "partner_organisations", user.is_partner)


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
def is_partner(user) -> bool:
    return user.is_authenticated and user.is_partner


@rules.predicate
def is_partner_of_cohort(user, cohort) -> bool:
    """The cohort is funded or partnered by the partner user's organisation (whichever provider runs it)."""
    if cohort is None or not is_partner(user):
        return False
    ids = partner_organisation_ids(user)
    if not ids:
        return False
    if cohort.funding_body_id in ids:
        return True
    cache = getattr(cohort, "_prefetched_objects_cache", {})
    if "partners" in cache:
        return any(p.pk in ids for p in cache["partners"])
    return cohort.partners.filter(pk__in=ids).exists()


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


@rules.predicate
def names_visible_in_reports(user, cohort) -> bool:
    """Whether figures and rows about ``cohort`` may name its people for ``user``: always for the provider's
    staff; for a partner only where staff switched names on for the cohort, otherwise customer numbers
    (§78 SGB X: social data only for the measure)."""
    if is_staff_of_object_organisation(user, cohort):
        return True
    return bool(cohort is not None and cohort.names_visible_to_partners and is_partner_of_cohort(user, cohort))


# What a participant may open of their own enrolment: only while their course still runs.
is_own_running_enrolment = is_own_enrolment & course_still_running


# Which start page a user gets (config.views.HomeView asks these in this order).
rules.add_perm("courses.view_staff_home", is_programme_staff)
rules.add_perm("courses.view_partner_home", is_partner)
rules.add_perm("courses.view_supervisor_home", is_supervisor)
rules.add_perm("courses.view_participant_home", is_participant)

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

# Figures across cohorts (the dashboard): staff for their organisations' cohorts, partners read-only for the
# cohorts their organisation funds or partners in (courses.selectors.cohorts_in_reports_visible_to).
rules.add_perm("courses.view_dashboard", is_programme_staff | is_partner)
rules.add_perm("courses.view_cohort_figures", is_staff_of_object_organisation | is_partner_of_cohort)  # obj: cohort
rules.add_perm("courses.view_names_in_reports", names_visible_in_reports)  # obj: cohort
