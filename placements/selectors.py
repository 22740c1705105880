from django.db.models import QuerySet

from .models import Facility


def facilities_visible_to(user) -> QuerySet[Facility]:
    """Staff see their organisations' facilities, supervisors the ones they supervise."""
    qs = Facility.objects.select_related("organisation")
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.is_superuser:
        return qs
    if user.is_programme_staff:
        return qs.filter(organisation__staff_members=user)
    if user.is_supervisor:
        return qs.filter(supervisors=user)
    return qs.none()
