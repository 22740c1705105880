"""Django's model permissions, kept for the admin site only."""

from axes.backends import AxesStandaloneBackend
from django.contrib.auth.backends import ModelBackend


class AdminModelBackend(ModelBackend):
    """Logs people in like Django's ModelBackend, but answers permission questions only for people who may
    use the admin site (``is_staff`` or superuser).

    The app's own permissions are object rules (``rules``, one mechanism for every view and template);
    model permissions are what the admin site grants and checks, and it lets in no one else. For everyone
    else ModelBackend would read their user and group permissions (two queries) whenever a rule says no, as
    it does for each menu entry a role does not have, on every page, only to find nothing that applies."""

    def get_user_permissions(self, user_obj, obj=None):
        return super().get_user_permissions(user_obj, obj) if _uses_admin(user_obj) else set()

    def get_group_permissions(self, user_obj, obj=None):
        return super().get_group_permissions(user_obj, obj) if _uses_admin(user_obj) else set()

    def get_all_permissions(self, user_obj, obj=None):
        return super().get_all_permissions(user_obj, obj) if _uses_admin(user_obj) else set()


def _uses_admin(user) -> bool:
    return bool(getattr(user, "is_staff", False) or getattr(user, "is_superuser", False))


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check, first in AUTHENTICATION_BACKENDS.

    Every log-in through a page (the app's and the admin's) passes the request, and axes counts and locks
    it. ``authenticate()`` called from code without a request (a shell, a management command, the test
    client's ``login``) is not a guess from the network: it is let through to the next backend instead of
    raising as ``AxesStandaloneBackend`` does."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
