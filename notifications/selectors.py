from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from .links import LinkScope
from .models import Notification, PreparedDownload


def notifications_of_user(user) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-id")


def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def downloads_of_user(user) -> QuerySet[PreparedDownload]:
    return PreparedDownload.objects.filter(requested_by=user).defer("data").order_by("-created_at", "-id")


def supervisor_link_scope(scope: LinkScope):
    """(supervisor, placement, still-waiting entries) of a signed link; supervisor None if the link's person
    no longer supervises the placement's facility (or is no longer an active supervisor)."""
    from placements.models import HourEntry, HourEntryStatus, Placement

    supervisor = get_user_model().objects.filter(pk=scope.supervisor_id, is_active=True, role="supervisor").first()
    placement = (
        Placement.objects.select_related("facility", "enrolment__participant").filter(pk=scope.placement_id).first()
    )
    if supervisor is None or placement is None or not placement.facility.supervisors.filter(pk=supervisor.pk).exists():
        return None, None, []
    entries = list(
        HourEntry.objects.filter(
            pk__in=scope.entry_ids, placement_id=placement.pk, status=HourEntryStatus.PENDING
        ).order_by("date", "start_time", "id")
    )
    return supervisor, placement, entries
