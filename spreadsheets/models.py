from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.dates import short_datetime
from core.models import creation_stamp
from courses.models import Cohort, Organisation


class ImportStatus(models.TextChoices):
    PREVIEWED = "previewed", _("waiting for confirmation")
    IMPORTED = "imported", _("imported")
    DISCARDED = "discarded", _("discarded")
    REJECTED = "rejected", _("file refused")


# The record of an import outlives the login of whoever uploaded it.
class ImportRecord(creation_stamp(by_label=_("uploaded by"), at_label=_("uploaded at"), on_delete=models.SET_NULL)):
    """One upload of a participant list: who, when, which file, what it did.

    The uploaded bytes live here between preview and confirmation, so the two steps may run in different
    server processes. They are deleted as soon as the import is confirmed or discarded (data minimisation);
    the counts stay as the record of the import."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="import_records"
    )
    file_name = models.CharField(_("file name"), max_length=255)
    file_format = models.CharField(_("format"), max_length=10, blank=True)
    file_data = models.BinaryField(_("file content"), blank=True, default=b"")
    status = models.CharField(_("status"), max_length=20, choices=ImportStatus.choices)
    message = models.TextField(_("message"), blank=True)
    # The preview's row results (row number, status, name, changes, messages) for the preview page.
    preview = models.JSONField(_("preview"), default=list, blank=True)
    valid_rows_only = models.BooleanField(_("only valid rows imported"), default=False)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_new = models.PositiveIntegerField(_("new"), default=0)
    rows_updated = models.PositiveIntegerField(_("updated"), default=0)
    rows_unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    rows_skipped = models.PositiveIntegerField(_("skipped"), default=0)
    rows_error = models.PositiveIntegerField(_("with errors"), default=0)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organisation", "created_at"], name="importrecord_org_created")]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="imported", confirmed_at__isnull=False) | ~Q(status="imported"),
                name="importrecord_imported_confirmed",
            ),
        ]

    def __str__(self) -> str:
        # Stored in UTC; people read Berlin time.
        return f"{self.file_name} ({short_datetime(self.created_at)})" if self.created_at else self.file_name

    @property
    def is_pending(self) -> bool:
        return self.status == ImportStatus.PREVIEWED

    @property
    def message_is_error(self) -> bool:
        # A refused file's message is an error; a discard's (by hand or after the retention period) is a notice.
        return self.status != ImportStatus.DISCARDED
