"""The token in an invitation link: Django's password-reset token machinery, bound to one invitation."""

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    """Signs an invitation instead of a user.

    The token dies when the person sets a password or logs in (both are in the signed value, as for a reset
    link), when staff invite again (a new invitation has another primary key, and the old one is closed),
    and when the invitation's own ``expires_at`` passes (INVITATION_TIMEOUT_DAYS), which replaces Django's
    PASSWORD_RESET_TIMEOUT: an invitation may rightly live longer than a reset link."""

    key_salt = "accounts.tokens.InvitationTokenGenerator"

    def _make_hash_value(self, invitation, timestamp):
        user = invitation.user
        login_timestamp = "" if user.last_login is None else user.last_login.replace(microsecond=0, tzinfo=None)
        return f"{invitation.pk}{user.pk}{user.password}{login_timestamp}{user.email}{timestamp}"

    def check_token(self, invitation, token):
        # Django's check (the same HMAC and secret fallbacks) without its global timeout: the caller checks
        # ``invitation.is_open()``, which holds the expiry.
        if not (invitation and token):
            return False
        try:
            ts_b36, _hash = token.split("-")
            ts = base36_to_int(ts_b36)
        except ValueError:
            return False
        return any(
            constant_time_compare(self._make_token_with_timestamp(invitation, ts, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        )


invitation_token_generator = InvitationTokenGenerator()
