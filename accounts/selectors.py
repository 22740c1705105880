"""Reads of the accounts app."""

from django.db.models import Prefetch
from django.utils import timezone

from .models import Invitation


def open_invitations_prefetched(users):
    """``users`` with ``open_invitations`` (a list of at most one) loaded in one query for the whole list."""
    open_ones = Invitation.objects.filter(
        accepted_at__isnull=True, closed_at__isnull=True, expires_at__gt=timezone.now()
    )
    return users.prefetch_related(Prefetch("invitations", queryset=open_ones, to_attr="open_invitations"))


def open_invitation_of(user) -> Invitation | None:
    """The user's invitation that can still be used, if any (for the staff pages)."""
    return (
        Invitation.objects.filter(user=user, accepted_at__isnull=True, closed_at__isnull=True)
        .filter(expires_at__gt=timezone.now())
        .first()
    )
