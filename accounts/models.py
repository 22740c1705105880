from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    STAFF = "staff", _("Programme staff")
    SUPERVISOR = "supervisor", _("Placement supervisor")
    PARTICIPANT = "participant", _("Participant")
    # Read-only: someone of a funding or partner organisation (Jobcenter, Integrationszentrum) who sees the
    # figures of the cohorts their organisation funds or partners in (courses.PartnerOrganisation).
    PARTNER = "partner", _("Funder or partner")


class User(AbstractUser):
    """A person who logs in. What they may see follows from ``role`` and their links in the other apps."""

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, choices=[("de", _("German")), ("en", _("English"))], default="de"
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["username"]

    @property
    def is_programme_staff(self) -> bool:
        return self.is_active and self.role == Role.STAFF

    @property
    def is_supervisor(self) -> bool:
        return self.is_active and self.role == Role.SUPERVISOR

    @property
    def is_participant(self) -> bool:
        return self.is_active and self.role == Role.PARTICIPANT

    @property
    def is_partner(self) -> bool:
        return self.is_active and self.role == Role.PARTNER

    def __str__(self) -> str:
        full = self.get_full_name()
        return full or self.username


class InvitationDelivery(models.TextChoices):
    EMAIL = "email", _("by e-mail")
    PRINT = "print", _("printed, with a code")


class Invitation(models.Model):
    """An offer to set one's own password, by a link sent by e-mail or a short code printed on paper.

    Only the newest open invitation of a user counts: inviting again closes the previous one. The link's
    token is not stored (it is recomputed from this row and the user's password, see ``accounts.tokens``);
    the printed code is stored only as a password hash."""

    user = models.ForeignKey(
        User, verbose_name=_("login"), on_delete=models.CASCADE, related_name="invitations"
    )
    delivery = models.CharField(_("delivery"), max_length=10, choices=InvitationDelivery.choices)
    # Named in the e-mail and on the printed page; accounts knows no organisations (they live in courses).
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    code_hash = models.CharField(_("code (hashed)"), max_length=128, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(_("wrong codes entered"), default=0)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    created_by = models.ForeignKey(
        User, verbose_name=_("created by"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    # Set when a newer invitation replaced this one or too many wrong codes were entered.
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(accepted_at__isnull=True, closed_at__isnull=True),
                name="invitation_one_open_per_user",
            ),
            models.CheckConstraint(
                condition=(models.Q(delivery="print") & ~models.Q(code_hash=""))
                | (models.Q(delivery="email") & models.Q(code_hash="")),
                name="invitation_code_only_when_printed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_delivery_display()}, {self.created_at:%Y-%m-%d})"

    def is_open(self, now=None) -> bool:
        """Not yet used, not replaced or locked, and not expired."""
        now = now or timezone.now()
        return self.accepted_at is None and self.closed_at is None and now < self.expires_at
