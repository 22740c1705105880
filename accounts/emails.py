"""E-mails of the accounts app: plain text with a simple HTML part, in the recipient's language."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.dates import short_datetime


def site_link(path: str) -> str:
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def language_of(user) -> str:
    return getattr(user, "preferred_language", None) or settings.LANGUAGE_CODE


def organisation_name_of(user) -> str:
    """The organisation that last invited the person; accounts knows no organisations, its invitations do."""
    invitation = user.invitations.exclude(organisation_name="").order_by("-created_at", "-pk").first()
    return invitation.organisation_name if invitation else ""


def send_templated(*, template: str, context: dict, to: str, language: str) -> None:
    """Renders ``<template>_subject.txt``, ``.txt`` and ``.html`` in ``language`` and sends them to one address."""
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(subject, text, None, [to])
    message.attach_alternative(html, "text/html")
    message.send()


def send_invitation(invitation, token: str) -> None:
    """The invitation link. Only for e-mail invitations of people with an address (the service checks)."""
    user = invitation.user
    link = site_link(reverse("accounts:invitation_link", args=[invitation.pk, token]))
    with translation.override(language_of(user)):
        context = {
            "user": user,
            "organisation_name": invitation.organisation_name,
            "link": link,
            "expires": short_datetime(invitation.expires_at),
            "first_login_link": site_link(reverse("accounts:first_login")),
        }
    send_templated(template="accounts/email/invitation", context=context, to=user.email, language=language_of(user))
