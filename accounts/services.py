"""Writes for logins. Other apps create their people's logins through here, so the checks are one."""

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.exceptions import DomainError
from core.validators import single_line_text


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
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise DomainError(" ".join(error.messages), field="password") from error
    user.set_password(password)
    user.save()
    return user
