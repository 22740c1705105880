from django.contrib import admin

from core.admin_base import ReadOnlyAdmin

from .models import ConductCertificateCheck, Facility, HourEntry, HourEntryEvent, Placement


@admin.register(Facility)
class FacilityAdmin(admin.ModelAdmin):
    list_display = ("name", "facility_type", "provider", "organisation")
    list_filter = ("facility_type", "organisation")
    search_fields = ("name", "provider")
    filter_horizontal = ("supervisors",)


@admin.register(Placement)
class PlacementAdmin(admin.ModelAdmin):
    list_display = ("enrolment", "facility", "start_date", "end_date", "status")
    list_filter = ("status", "facility")
    raw_id_fields = ("enrolment", "supervisor")


class HourEntryEventInline(admin.TabularInline):
    model = HourEntryEvent
    extra = 0
    can_delete = False
    readonly_fields = ("action", "by", "at", "note", "details")


@admin.register(HourEntry)
class HourEntryAdmin(ReadOnlyAdmin):
    # Read-only: changes go through the services so the history and the rules stay complete.
    list_display = ("placement", "date", "start_time", "end_time", "work_minutes", "status")
    list_filter = ("status",)
    inlines = [HourEntryEventInline]


@admin.register(HourEntryEvent)
class HourEntryEventAdmin(ReadOnlyAdmin):
    """The confirmation history: kept as it happened."""

    list_display = ("entry", "action", "by", "at")
    list_filter = ("action",)
    list_select_related = ("entry__placement__enrolment__participant", "by")


@admin.register(ConductCertificateCheck)
class ConductCertificateCheckAdmin(ReadOnlyAdmin):
    """§72a facts, read-only and without search: recorded on the placement page, deleted by
    ``purge_conduct_certificates``; the admin only lets an administrator see that the purge works."""

    list_display = ("placement", "inspected_on", "checked_at")
    list_select_related = ("placement__enrolment__participant",)
