"""Writing notifications. Any app may call :func:`notify` for a registered kind (see notifications.kinds)."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.exceptions import DomainError

from . import kinds
from .models import EmailPreference, KindSwitch, Notification, SentOnce


def kind_enabled(*, kind: str, organisation) -> bool:
    if organisation is None:
        return True
    organisation_id = getattr(organisation, "pk", organisation)
    return not KindSwitch.objects.filter(organisation_id=organisation_id, kind=kind, enabled=False).exists()


def emails_enabled(user) -> bool:
    if user is None:
        return True
    return not EmailPreference.objects.filter(user=user, emails_enabled=False).exists()


def email_address(*, recipient=None, email: str = "") -> str:
    """Where an e-mail would go: the given address, else the user's; none if the user opted out."""
    if recipient is not None and not emails_enabled(recipient):
        return ""
    return (email or (recipient.email if recipient is not None else "") or "").strip()


def will_email(*, kind: str, organisation=None, recipient=None, email: str = "") -> bool:
    """Whether a notification of this kind reaches the person by e-mail, so a page may say so truthfully."""
    return kind_enabled(kind=kind, organisation=organisation) and bool(email_address(recipient=recipient, email=email))


def participant_recipient(participant) -> tuple:
    """(user for the inbox or None, the participant's own address) for notify()."""
    user = participant.user if participant.user_id and participant.user.is_active else None
    return user, participant.email


def _language_of(user) -> str:
    return (getattr(user, "preferred_language", None) or settings.LANGUAGE_CODE) if user else settings.LANGUAGE_CODE


@transaction.atomic
def notify(
    *,
    kind: str,
    recipient=None,
    email: str = "",
    organisation=None,
    params: dict | None = None,
    link: str = "",
    once: str = "",
    language: str | None = None,
) -> Notification | None:
    """Tell one person something: an inbox entry if ``recipient`` (a user) is given, and an e-mail (sent by a
    background task after the commit) if there is an address and the person did not opt out. ``once`` is a
    key: a second call with the same key does nothing (daily jobs use it to tell each thing once). Returns
    None when nothing was made (kind switched off for the organisation, already told, nobody to tell)."""
    kinds.get(kind)
    if recipient is not None and not recipient.is_active:
        recipient = None
    if not kind_enabled(kind=kind, organisation=organisation):
        return None
    if once:
        try:
            with transaction.atomic():
                _, created = SentOnce.objects.get_or_create(key=once[:200])
        except IntegrityError:  # the same key written by a simultaneous job
            created = False
        if not created:
            return None
    address = email_address(recipient=recipient, email=email)
    if recipient is None and not address:
        return None
    params = params or {}
    context = {
        **params,
        "recipient": recipient,
        "organisation_name": getattr(organisation, "name", ""),
        "link": f"{settings.SITE_URL}{link}" if link else "",
    }
    with translation.override(language or _language_of(recipient)):
        subject = " ".join(render_to_string(f"notifications/email/{kind}_subject.txt", context).split())
        body = render_to_string(f"notifications/email/{kind}.txt", context).strip()
    notification = Notification.objects.create(
        recipient=recipient,
        organisation=organisation if getattr(organisation, "pk", None) else None,
        kind=kind,
        params=params,
        subject=subject[:300],
        body=body,
        link=link,
        email_to=address,
    )
    if address:
        from .tasks import send_notification_email

        transaction.on_commit(lambda: send_notification_email.enqueue(notification.pk))
    return notification


@transaction.atomic
def notification_mark_read(*, notification: Notification, by) -> Notification:
    if notification.recipient_id != by.pk:
        raise DomainError("Not your notification.")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


@transaction.atomic
def notifications_mark_all_read(*, by) -> int:
    return Notification.objects.filter(recipient=by, read_at__isnull=True).update(read_at=timezone.now())


@transaction.atomic
def email_preference_set(*, user, emails_enabled: bool) -> EmailPreference:
    preference, _ = EmailPreference.objects.select_for_update().get_or_create(user=user)
    preference.emails_enabled = emails_enabled
    preference.save(update_fields=["emails_enabled"])
    return preference
