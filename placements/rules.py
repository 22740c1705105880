import rules

from courses.rules import is_programme_staff, is_staff_of_object_organisation


@rules.predicate
def supervises_facility(user, facility) -> bool:
    if facility is None or not user.is_authenticated:
        return False
    return user.is_supervisor and facility.supervisors.filter(pk=user.pk).exists()


rules.add_perm("placements.view_facility_list", is_programme_staff)
rules.add_perm("placements.view_facility", is_staff_of_object_organisation | supervises_facility)
