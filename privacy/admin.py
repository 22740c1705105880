from django.contrib import admin

from .models import AccessExport, Erasure


@admin.register(AccessExport)
class AccessExportAdmin(admin.ModelAdmin):
    list_display = ("participant", "downloaded_by", "by_the_person", "at")
    readonly_fields = ("participant", "downloaded_by", "by_the_person", "at")


@admin.register(Erasure)
class ErasureAdmin(admin.ModelAdmin):
    list_display = ("participant", "at", "by", "after_retention")
    readonly_fields = ("participant", "at", "by", "after_retention", "reason")
