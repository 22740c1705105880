"""Emails of the placements app, sent with Django's email framework (console backend by default)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.dates import short_date


def _link(name: str, *args) -> str:
    return f"{getattr(settings, 'SITE_URL', '').rstrip('/')}{reverse(name, args=args)}"


def _language_of(user) -> str:
    return getattr(user, "preferred_language", None) or settings.LANGUAGE_CODE


def send_rejection_notice(entry_id: int) -> bool:
    """Tell the participant that an entry was rejected, with the reason. Called after the commit."""
    from .models import HourEntry

    entry = (
        HourEntry.objects.select_related("placement__facility", "placement__enrolment__participant__user", "decided_by")
        .filter(pk=entry_id)
        .first()
    )
    if entry is None:
        return False
    participant = entry.placement.enrolment.participant
    user = participant.user
    address = participant.email or (user.email if user else "")
    if not address:
        return False
    with translation.override(_language_of(user) if user else settings.LANGUAGE_CODE):
        context = {
            "entry": entry,
            "participant": participant,
            "link": _link("placements:placement_detail", entry.placement_id),
        }
        subject = _("Placement hours of %(date)s were rejected") % {"date": short_date(entry.date)}
        body = render_to_string("placements/email/rejection.txt", context)
    send_mail(subject, body, None, [address])
    return True


def send_supervisor_digests() -> int:
    """One email to each supervisor with pending entries at their facilities; returns how many were sent."""
    from django.contrib.auth import get_user_model

    from .selectors import pending_entries_for_supervisor

    sent = 0
    supervisors = (
        get_user_model()
        .objects.filter(
            is_active=True,
            role="supervisor",
            supervised_facilities__placements__hour_entries__status="pending",
        )
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )
    for user in supervisors:
        entries = list(pending_entries_for_supervisor(user))
        if not entries:
            continue
        with translation.override(_language_of(user)):
            subject = ngettext(
                "%(count)d placement hour entry is waiting for your confirmation",
                "%(count)d placement hour entries are waiting for your confirmation",
                len(entries),
            ) % {"count": len(entries)}
            body = render_to_string(
                "placements/email/supervisor_digest.txt",
                {"user": user, "entries": entries, "link": _link("placements:pending_entries")},
            )
        send_mail(subject, body, None, [user.email])
        sent += 1
    return sent
