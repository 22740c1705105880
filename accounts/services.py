"""Writes for logins. Other apps create their people's logins through here, so the checks are one."""

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.exceptions import DomainError


@transaction.atomic
def login_create(
    *, username: str, password: str, role: str, first_name: str = "", last_name: str = "", email: str = ""
):
    """A new login with a role; refuses an empty or taken user name and passwords the validators reject."""
    User = get_user_model()
    username = (username or "").strip()
    if not username:
        raise DomainError(_("Please enter a user name."), field="username")
    if User.objects.filter(username__iexact=username).exists():
        raise DomainError(_("The user name %(username)s is already taken.") % {"username": username}, field="username")
    user = User(
        username=username,
        first_name=(first_name or "").strip()[:150],
        last_name=(last_name or "").strip()[:150],
        email=(email or "").strip(),
        role=role,
    )
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise DomainError(" ".join(error.messages), field="password") from error
    user.set_password(password)
    user.save()
    return user
