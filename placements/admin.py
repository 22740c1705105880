from django.contrib import admin

from .models import Facility


@admin.register(Facility)
class FacilityAdmin(admin.ModelAdmin):
    list_display = ("name", "facility_type", "provider", "organisation")
    list_filter = ("facility_type", "organisation")
    search_fields = ("name", "provider")
    filter_horizontal = ("supervisors",)
