from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from courses.models import FacilityType, Organisation


class Facility(models.Model):
    """A Kita or OGS that takes participants for their practical phase."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("partner of"),
        on_delete=models.PROTECT,
        related_name="facilities",
        help_text=_("The provider whose staff manage this facility's placements."),
    )
    name = models.CharField(_("name"), max_length=200)
    facility_type = models.CharField(_("type"), max_length=10, choices=FacilityType.choices)
    provider = models.CharField(_("provider (Träger)"), max_length=200, blank=True)
    address = models.TextField(_("address"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    supervisors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("supervisors (Praxisanleitung)"),
        related_name="supervised_facilities",
        blank=True,
    )

    class Meta:
        verbose_name = _("facility")
        verbose_name_plural = _("facilities")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="facility_unique_name")]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_facility_type_display()})"
