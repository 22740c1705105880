from django import forms
from django.contrib import admin
from django_tasks_db.admin import DBTaskResultAdmin

from . import kinds
from .jobs import RetryScheduled
from .models import EmailPreference, FailedTask, KindSwitch, Notification, PreparedDownload

RETRY_PATH = f"{RetryScheduled.__module__}.{RetryScheduled.__qualname__}"


@admin.register(FailedTask)
class FailedTaskAdmin(DBTaskResultAdmin):
    """Tasks that failed for good (every attempt used): what an administrator must look at. Attempts that
    were followed by another one are in the full task list."""

    list_filter = ("queue_name",)

    def get_queryset(self, request):
        return super().get_queryset(request).filter(status="FAILED").exclude(exception_class_path=RETRY_PATH)


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("subject", "kind", "recipient", "email_to", "created_at", "emailed_at", "read_at")
    list_filter = ("kind",)
    search_fields = ("subject", "recipient__username", "email_to")
    readonly_fields = [f.name for f in Notification._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(KindSwitch)
class KindSwitchAdmin(admin.ModelAdmin):
    """A row with "enabled" unticked switches the kind off for the organisation."""

    list_display = ("organisation", "kind", "enabled")
    list_filter = ("kind", "enabled")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "kind":
            return forms.ChoiceField(choices=kinds.choices(), label=db_field.verbose_name)
        return super().formfield_for_dbfield(db_field, request, **kwargs)


admin.site.register(EmailPreference)


@admin.register(PreparedDownload)
class PreparedDownloadAdmin(admin.ModelAdmin):
    list_display = ("title", "requested_by", "status", "created_at", "finished_at")
    exclude = ("data",)
    readonly_fields = ("requested_by", "kind", "params", "title", "status", "done", "total", "file_name", "error")
