"""What the privacy app itself stores: log-ins (a short history for the right of access), every Art. 15
export that was downloaded, and every erasure. Nothing here copies a person's data."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from courses.models import Participant


class LoginRecord(models.Model):
    """That a user logged in, and when. No address or browser: the moment is all the right of access needs.
    Deleted after ``PRIVACY_LOGIN_RECORD_DAYS`` by the daily ``anonymise_expired`` command."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="+"
    )
    at = models.DateTimeField(_("logged in at"), auto_now_add=True)

    class Meta:
        verbose_name = _("log-in")
        verbose_name_plural = _("log-ins")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["user", "at"], name="loginrecord_user_at")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.at:%Y-%m-%d %H:%M}"


class AccessExport(models.Model):
    """One download of a person's Art. 15 export: by whom and when (accountability, Art. 5(2))."""

    participant = models.ForeignKey(
        Participant, verbose_name=_("participant"), on_delete=models.PROTECT, related_name="+"
    )
    downloaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("downloaded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    by_the_person = models.BooleanField(_("downloaded by the person themself"), default=False)
    at = models.DateTimeField(_("downloaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["participant", "at"], name="accessexport_participant_at")]

    def __str__(self) -> str:
        return f"{self.participant_id} {self.at:%Y-%m-%d %H:%M}"


class Erasure(models.Model):
    """That a person's data were anonymised: when, why, and by whom (empty: the daily command, after the
    retention period). The participant row stays, nameless, so counts and reports keep adding up."""

    participant = models.OneToOneField(
        Participant, verbose_name=_("participant"), on_delete=models.PROTECT, related_name="erasure"
    )
    at = models.DateTimeField(_("anonymised at"), auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("anonymised by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    after_retention = models.BooleanField(_("after the retention period"), default=False)
    reason = models.TextField(_("reason"))

    class Meta:
        verbose_name = _("erasure")
        verbose_name_plural = _("erasures")
        ordering = ["-at", "-id"]
        constraints = [models.CheckConstraint(condition=~models.Q(reason=""), name="erasure_has_reason")]

    def __str__(self) -> str:
        return f"{self.participant_id} {self.at:%Y-%m-%d}"
