from django.contrib import admin

from core.admin_base import ReadOnlyAdmin

from .models import Certificate, CertificateNumberCounter


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyAdmin):
    """Read-only: a certificate is changed only by revoking or reissuing it on the staff pages, so the
    snapshot that was printed can never be edited behind the holder's back."""

    list_display = ("number", "kind", "enrolment", "status", "language", "issued_at", "issued_by")
    list_filter = ("kind", "status", "language", "year")
    search_fields = ("number", "enrolment__participant__name_key")
    list_select_related = (
        "enrolment__participant",
        "enrolment__cohort__programme",
        "enrolment__cohort__site",
        "issued_by",
    )


@admin.register(CertificateNumberCounter)
class CertificateNumberCounterAdmin(ReadOnlyAdmin):
    list_display = ("prefix", "year", "last_number")
