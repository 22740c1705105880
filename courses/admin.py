from django.contrib import admin

from accounts.models import Role, User
from core.admin_base import ReadOnlyAdmin

from .models import (
    AttendanceCorrection,
    AttendanceRecord,
    Cohort,
    Enrolment,
    EnrolmentDateChange,
    Module,
    Organisation,
    Participant,
    PartnerAccess,
    PartnerOrganisation,
    Programme,
    Site,
    TeachingSession,
)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    search_fields = ("name",)
    filter_horizontal = ("staff_members",)


@admin.register(PartnerOrganisation)
class PartnerOrganisationAdmin(admin.ModelAdmin):
    search_fields = ("name",)
    filter_horizontal = ("members",)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "members":
            kwargs["queryset"] = User.objects.filter(role=Role.PARTNER)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(PartnerAccess)
class PartnerAccessAdmin(ReadOnlyAdmin):
    list_display = ("at", "user", "organisation_name", "action", "cohort", "names_shown", "detail")
    list_filter = ("action", "names_shown")
    search_fields = ("user__username", "organisation_name", "action", "detail")
    date_hierarchy = "at"
    list_select_related = ("user", "cohort__programme", "cohort__site")


@admin.register(Site)
class SiteAdmin(admin.ModelAdmin):
    list_display = ("name", "organisation")
    list_filter = ("organisation",)


class ModuleInline(admin.TabularInline):
    model = Module
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ("title", "organisation", "min_attendance_percent", "required_placement_hours")
    inlines = [ModuleInline]


@admin.register(Module)
class ModuleAdmin(admin.ModelAdmin):
    list_display = ("title", "programme", "position", "planned_units")
    list_filter = ("programme",)


class EnrolmentInline(admin.TabularInline):
    model = Enrolment
    extra = 0
    autocomplete_fields = ("participant",)
    readonly_fields = ("created_by", "created_at")


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ("__str__", "start_date", "end_date", "capacity", "status")
    list_filter = ("status", "programme", "site", "funding_body")
    date_hierarchy = "start_date"
    filter_horizontal = ("partners",)
    inlines = [EnrolmentInline]


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ("family_name", "given_name", "date_of_birth", "german_level", "jobcenter_customer_number")
    search_fields = ("name_key", "family_name", "given_name", "jobcenter_customer_number")
    list_filter = ("organisation", "german_level")
    raw_id_fields = ("user",)


@admin.register(Enrolment)
class EnrolmentAdmin(admin.ModelAdmin):
    list_display = ("participant", "cohort", "status", "enrolled_on", "withdrawn_on")
    list_filter = ("status", "cohort__programme")
    autocomplete_fields = ("participant",)
    readonly_fields = ("created_by", "created_at")


@admin.register(TeachingSession)
class TeachingSessionAdmin(admin.ModelAdmin):
    list_display = ("date", "start_time", "end_time", "cohort", "module", "units", "trainer")
    list_filter = ("module__programme", "cohort")
    date_hierarchy = "date"
    list_select_related = ("cohort__programme", "cohort__site", "module")


@admin.register(AttendanceRecord)
class AttendanceRecordAdmin(ReadOnlyAdmin):
    list_display = ("session", "enrolment", "status", "late_minutes", "early_minutes", "attended_units")
    list_filter = ("status",)
    list_select_related = ("session__cohort__programme", "session__cohort__site", "enrolment__participant")


@admin.register(AttendanceCorrection)
class AttendanceCorrectionAdmin(ReadOnlyAdmin):
    list_display = ("record", "changed_by", "changed_at", "old_status", "new_status")
    list_select_related = ("record__session", "record__enrolment__participant", "changed_by")


@admin.register(EnrolmentDateChange)
class EnrolmentDateChangeAdmin(ReadOnlyAdmin):
    """Each change of an entry date with its reason: history, changed only through courses.services."""

    list_display = ("enrolment", "old_date", "new_date", "changed_by", "changed_at")
