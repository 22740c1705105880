"""The page shown while a log-in is locked out (django-axes calls ``locked_out``, settings.AXES_LOCKOUT_CALLABLE)."""

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone


def locked_out(request, original_response=None, credentials=None):
    """Says when to try again. The same page for every user name, known or not, so it tells nothing about
    which accounts exist. A refused attempt during the lockout starts the cool-off again
    (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT), so "now + cool-off" is exact."""
    cool_off = settings.AXES_COOLOFF_TIME
    context = {
        "retry_at": timezone.localtime(timezone.now() + cool_off),
        "minutes": int(cool_off.total_seconds() // 60),
        "admin_login": request.path.startswith("/admin/"),
    }
    return render(request, "accounts/locked_out.html", context, status=429)
