from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    STAFF = "staff", _("Programme staff")
    SUPERVISOR = "supervisor", _("Placement supervisor")
    PARTICIPANT = "participant", _("Participant")


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

    def __str__(self) -> str:
        full = self.get_full_name()
        return full or self.username
