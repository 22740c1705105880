"""Certificates: a frozen snapshot with a number, a verification code and a status history.

An issued certificate is never edited. Revoking marks it revoked; a correction is a new certificate that
supersedes the old one. The database allows one *current* (valid) certificate per enrolment.
"""

import re

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from courses.models import Enrolment

# Crockford's base 32: no I, L, O or U, so a code read out or typed from paper cannot be misread.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 16  # 16 characters x 5 bits = 80 bits from secrets
_CODE_FIXES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def normalise_code(text: str) -> str:
    """What a person typed ("7k3q-h9m2 xr4t-jw8p", "O" for "0") in the stored form."""
    return re.sub(r"[\s\-–.]", "", (text or "").upper()).translate(_CODE_FIXES)


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("valid")
    REVOKED = "revoked", _("revoked")
    SUPERSEDED = "superseded", _("superseded")


class DocumentKind(models.TextChoices):
    """The two documents of a measure. They share numbering, snapshot, verification and revocation, but never
    look alike: the Zertifikat says the measure was completed successfully, the Teilnahmebescheinigung only
    confirms what was attended."""

    CERTIFICATE = "certificate", _("Certificate")
    ATTENDANCE = "attendance", _("Certificate of attendance")


class CertificateLanguage(models.TextChoices):
    GERMAN = "de", _("German")
    ENGLISH = "en", _("English")


class CertificateNumberCounter(models.Model):
    """The last number given out per prefix and year; its row is locked while a number is taken, so two
    certificates issued at the same moment never get the same or a skipped number."""

    prefix = models.CharField(_("prefix"), max_length=10)
    year = models.PositiveSmallIntegerField(_("year"))
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("certificate number counter")
        verbose_name_plural = _("certificate number counters")
        ordering = ["prefix", "year"]
        constraints = [models.UniqueConstraint(fields=["prefix", "year"], name="certificate_counter_unique_year")]

    def __str__(self) -> str:
        return f"{self.prefix}-{self.year}: {self.last_number}"


class Certificate(models.Model):
    enrolment = models.ForeignKey(
        Enrolment, verbose_name=_("enrolment"), on_delete=models.PROTECT, related_name="certificates"
    )
    kind = models.CharField(
        _("kind of document"), max_length=20, choices=DocumentKind.choices, default=DocumentKind.CERTIFICATE
    )
    number = models.CharField(_("certificate number"), max_length=30, unique=True)
    # The number's parts: prefix (CERTIFICATE_NUMBER_PREFIX when issued), year and sequence of that year.
    prefix = models.CharField(_("prefix"), max_length=10)
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("sequence number"))
    verification_code = models.CharField(_("verification code"), max_length=CODE_LENGTH, unique=True)
    language = models.CharField(
        _("language"), max_length=2, choices=CertificateLanguage.choices, default=CertificateLanguage.GERMAN
    )
    template_version = models.PositiveSmallIntegerField(_("template version"))
    # Every printed value, copied at issue time; never edited (see certificates.snapshot).
    snapshot = models.JSONField(_("snapshot"))
    status = models.CharField(
        _("status"), max_length=20, choices=CertificateStatus.choices, default=CertificateStatus.VALID
    )
    issued_at = models.DateTimeField(_("issued at"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("issued by"), on_delete=models.PROTECT, related_name="+"
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    supersedes = models.OneToOneField(
        "self",
        verbose_name=_("supersedes"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
    )
    # Why this document replaces ``supersedes``: a correction (the old one is then superseded) or, after a
    # revocation, staff's reason for issuing again (the old one stays revoked).
    correction_reason = models.TextField(_("reason for the correction"), blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-id"]
        constraints = [
            # One current document of each kind per person and run; revoked and superseded ones stay as history.
            models.UniqueConstraint(
                fields=["enrolment", "kind"],
                condition=Q(status="valid"),
                name="certificate_one_valid_per_enrolment_kind",
                violation_error_message=_("This participant already has a valid document of this kind."),
            ),
            # Numbers are counted per prefix and year: a changed CERTIFICATE_NUMBER_PREFIX starts at 1 again.
            models.UniqueConstraint(fields=["prefix", "year", "sequence"], name="certificate_unique_sequence_prefix"),
            models.CheckConstraint(
                condition=(
                    Q(status="revoked") & Q(revoked_at__isnull=False) & ~Q(revocation_reason="")
                    | ~Q(status="revoked") & Q(revoked_at__isnull=True)
                ),
                name="certificate_revocation_complete",
            ),
            models.CheckConstraint(condition=Q(sequence__gt=0), name="certificate_sequence_positive"),
        ]
        indexes = [models.Index(fields=["enrolment", "status"], name="certificate_enrolment_status")]

    def __str__(self) -> str:
        return self.number

    @property
    def organisation_id(self) -> int:
        return self.enrolment.cohort.site.organisation_id

    @property
    def is_attendance(self) -> bool:
        return self.kind == DocumentKind.ATTENDANCE

    @property
    def is_valid(self) -> bool:
        return self.status == CertificateStatus.VALID

    @property
    def holder_name(self) -> str:
        return self.snapshot["participant"]["full_name"]

    @property
    def holder_erased(self) -> str:
        """Why the holder's data were erased from the snapshot ("retention" or "request"), '' if they were
        not (the privacy app's anonymisation is the only change ever made to an issued snapshot)."""
        return self.snapshot["participant"].get("erased", "")

    @property
    def programme_title(self) -> str:
        return self.snapshot["programme"]["title"]

    @property
    def grouped_code(self) -> str:
        return "-".join(self.verification_code[i : i + 4] for i in range(0, len(self.verification_code), 4))
