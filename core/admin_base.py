from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    """For records that change only through services that keep their history (attendance, hour
    confirmations, certificates): the admin shows them but cannot change them unrecorded."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
