"""Writes for logins. Other apps create their people's logins through here, so the checks are one."""

import datetime
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exceptions import DomainError
from core.validators import single_line_text

from . import conf
from .models import Invitation, InvitationDelivery
from .tokens import invitation_token_generator

# Printed codes: 12 characters from 31 that cannot be mistaken for each other (no 0/O, 1/I/L): about 59 bits.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12


@transaction.atomic
def login_create(
    *,
    username: str,
    role: str,
    password: str | None = None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
):
    """A new login with a role; refuses an empty or taken user name and passwords the validators reject.

    Without a password the login cannot be used until its owner accepts an invitation (``invitation_create``):
    staff never choose a password for someone else."""
    User = get_user_model()
    username = (username or "").strip()
    if not username:
        raise DomainError(_("Please enter a user name."), field="username")
    if User.objects.filter(username__iexact=username).exists():
        # Neither names the user name nor says whose it is: the person creating the login may work for
        # another organisation than the one who has it.
        raise DomainError(_("This user name cannot be used. Please choose another one."), field="username")
    for name in (first_name, last_name):
        try:
            single_line_text(name or "")
        except ValidationError as error:
            field = "first_name" if name == first_name else "last_name"
            raise DomainError(" ".join(error.messages), field=field) from error
    user = User(
        username=username,
        first_name=(first_name or "").strip()[:150],
        last_name=(last_name or "").strip()[:150],
        email=(email or "").strip(),
        role=role,
    )
    if password is None:
        user.set_unusable_password()
    else:
        _validate_password(password, user, field="password")
        user.set_password(password)
    user.save()
    return user


def _validate_password(password: str, user, *, field: str) -> None:
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise DomainError(" ".join(error.messages), field=field) from error


# --- Invitations ----------------------------------------------------------------------------------------


def invitation_timeout() -> datetime.timedelta:
    return datetime.timedelta(days=conf.invitation_timeout_days())


def normalise_code(code: str) -> str:
    """What a person types from paper: any case, with or without the spaces and dashes of the print."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def format_code(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


@transaction.atomic
def invitation_create(
    *, user, by, delivery: str, organisation_name: str = "", now: datetime.datetime | None = None
) -> tuple[Invitation, str]:
    """Invite ``user`` to set their own password; returns the invitation and its secret, shown once: the link
    token (``delivery="email"``) or the printed code. Closes the user's previous open invitation, so its link
    or code stops working. Callers check that ``by`` may invite this person (their organisation's rules)."""
    User = get_user_model()
    now = now or timezone.now()
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.is_superuser:
        raise DomainError(_("Administrators set their password themselves (manage.py changepassword)."))
    if delivery == InvitationDelivery.EMAIL and not user.email:
        raise DomainError(
            _("%(name)s has no e-mail address. Print an invitation with a code instead.") % {"name": user},
            field="delivery",
        )
    if delivery not in InvitationDelivery.values:
        raise DomainError(_("Please choose how the invitation reaches the person."), field="delivery")
    Invitation.objects.filter(user=user, accepted_at__isnull=True, closed_at__isnull=True).update(closed_at=now)
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    invitation = Invitation.objects.create(
        user=user,
        delivery=delivery,
        organisation_name=(organisation_name or "")[:200],
        code_hash=make_password(code) if delivery == InvitationDelivery.PRINT else "",
        created_at=now,
        created_by=by if getattr(by, "pk", None) else None,
        expires_at=now + invitation_timeout(),
    )
    if delivery == InvitationDelivery.PRINT:
        return invitation, format_code(code)
    return invitation, invitation_token_generator.make_token(invitation)


def invitation_from_link(*, invitation_id, token: str) -> Invitation | None:
    """The open invitation the link names, or None for a wrong, used, replaced or expired link."""
    try:
        invitation = Invitation.objects.select_related("user").get(pk=int(invitation_id))
    except (Invitation.DoesNotExist, TypeError, ValueError):
        return None
    if invitation.delivery != InvitationDelivery.EMAIL or not invitation.is_open():
        return None
    if not invitation_token_generator.check_token(invitation, token):
        return None
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, password: str):
    """The invited person sets their password (through the link). The link is dead afterwards."""
    invitation = Invitation.objects.select_for_update().select_related("user").get(pk=invitation.pk)
    if not invitation.is_open():
        raise DomainError(_("This invitation is no longer valid. Please ask the programme staff for a new one."))
    return _accept(invitation, password, field="new_password1")


def _accept(invitation: Invitation, password: str, *, field: str):
    User = get_user_model()
    user = User.objects.select_for_update().get(pk=invitation.user_id)
    _validate_password(password, user, field=field)
    user.set_password(password)
    # An account closed for inactivity is opened again by the invitation staff sent.
    user.is_active = True
    user.save(update_fields=["password", "is_active"])
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return user


def _wrong_code() -> str:
    return _("The user name or the code is wrong, or the code is no longer valid.")


def invitation_redeem_code(*, username: str, code: str, password: str):
    """First log-in with a printed code: checks user name and code and sets the password in one step.

    Each wrong code counts against the invitation; after INVITATION_CODE_MAX_ATTEMPTS it is closed and staff
    must print a new one. The answer never says whether the user name exists."""
    now = timezone.now()
    code = normalise_code(code)
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .filter(
                user__username__iexact=(username or "").strip(),
                delivery=InvitationDelivery.PRINT,
                accepted_at__isnull=True,
                closed_at__isnull=True,
                expires_at__gt=now,
            )
            .first()
        )
        if invitation is None:
            make_password(code)  # the same work as a real check, so the time does not tell the user name exists
        elif check_password(code, invitation.code_hash):
            return _accept(invitation, password, field="new_password1")
        else:
            invitation.failed_attempts += 1
            if invitation.failed_attempts >= conf.invitation_code_max_attempts():
                invitation.closed_at = now
            invitation.save(update_fields=["failed_attempts", "closed_at"])
    raise DomainError(_wrong_code(), field="code")


# --- Inactive accounts -----------------------------------------------------------------------------------


@transaction.atomic
def inactive_accounts_deactivate(*, now: datetime.datetime | None = None) -> int:
    """Deactivate every login nobody used for ACCOUNT_INACTIVITY_DAYS; returns how many. Running it twice
    changes nothing more. Administrators are left alone; a new invitation opens an account again."""
    days = conf.account_inactivity_days()
    if not days:
        return 0
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    stale = (
        get_user_model()
        .objects.filter(is_active=True, is_superuser=False)
        .filter(Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff))
        .exclude(invitations__created_at__gte=cutoff)
    )
    return get_user_model().objects.filter(pk__in=list(stale.values_list("pk", flat=True))).update(is_active=False)
