"""Reads of the accounts app: invitations, and what a login did (its history)."""

from django.contrib.auth import get_user_model
from django.db.models import Prefetch
from django.utils import timezone

from .models import Invitation

# Relations to a login that are not something the person did: their own participant record, the admin's log
# (deleted with the account by Django), and memberships (facilities supervised, organisations).
NOT_HISTORY = {("courses", "participant"), ("admin", "logentry")}


def open_invitations_prefetched(users):
    """``users`` with ``open_invitations`` (a list of at most one) loaded in one query for the whole list."""
    open_ones = Invitation.objects.filter(
        accepted_at__isnull=True, closed_at__isnull=True, expires_at__gt=timezone.now()
    )
    return users.prefetch_related(Prefetch("invitations", queryset=open_ones, to_attr="open_invitations"))


def open_invitation_of_user(user) -> Invitation | None:
    """The user's invitation that can still be used, if any (for the staff pages)."""
    return (
        Invitation.objects.filter(user=user, accepted_at__isnull=True, closed_at__isnull=True)
        .filter(expires_at__gt=timezone.now())
        .first()
    )


def history_of_user(user) -> list[str]:
    """The kinds of record (plural names) that name ``user`` as the one who did something: recorded attendance,
    corrections, hour entries and decisions, placement steps, certificates, imports. Found from the models'
    foreign keys to the user, so a new "by" field of any app counts without a change here."""
    found = []
    # include_hidden: the "by" fields are declared with related_name="+", which _meta.related_objects leaves out.
    for relation in get_user_model()._meta.get_fields(include_hidden=True):
        if not (relation.auto_created and not relation.concrete) or relation.many_to_many:
            continue
        model = relation.related_model
        # auto_created: the tables behind many-to-many fields (memberships, not deeds).
        if model._meta.auto_created or (model._meta.app_label, model._meta.model_name) in NOT_HISTORY:
            continue
        if model._default_manager.filter(**{relation.field.name: user}).exists():
            found.append(str(model._meta.verbose_name_plural))
    return sorted(set(found))
