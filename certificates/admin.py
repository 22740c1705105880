from django.contrib import admin

from .models import Certificate, CertificateNumberCounter


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    """Read-only: a certificate is changed only by revoking or reissuing it on the staff pages, so the
    snapshot that was printed can never be edited behind the holder's back."""

    list_display = ("number", "enrolment", "status", "language", "issued_at", "issued_by")
    list_filter = ("status", "language", "year")
    search_fields = ("number", "enrolment__participant__name_key")
    list_select_related = (
        "enrolment__participant",
        "enrolment__cohort__programme",
        "enrolment__cohort__site",
        "issued_by",
    )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CertificateNumberCounter)
class CertificateNumberCounterAdmin(admin.ModelAdmin):
    list_display = ("prefix", "year", "last_number")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
