from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin_base import ReadOnlyAdmin

from .models import Invitation, User
from .selectors import history_of_user


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = DjangoUserAdmin.fieldsets + ((_("Role"), {"fields": ("role", "preferred_language")}),)
    add_fieldsets = DjangoUserAdmin.add_fieldsets + ((_("Role"), {"fields": ("role",)}),)
    list_display = ("username", "first_name", "last_name", "email", "role", "is_active")
    list_filter = ("role", "is_active", "is_superuser")
    actions = ["deactivate"]

    def get_deleted_objects(self, objs, request):
        """Accounts that recorded, decided or changed something are never deleted: the records must keep who
        did it. Django's delete pages then refuse and list why; the "Deactivate" action is the way out."""
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        protected = list(protected)
        for user in objs:
            for records in history_of_user(user):
                protected.append(
                    _("%(user)s is named in %(records)s: deactivate the account instead.")
                    % {"user": user, "records": records}
                )
        return deleted, model_count, perms_needed, protected

    @admin.action(description=_("Deactivate selected accounts (they can no longer log in; history keeps them)"))
    def deactivate(self, request, queryset):
        count = queryset.filter(is_active=True).exclude(pk=request.user.pk).update(is_active=False)
        self.message_user(
            request,
            ngettext("%(count)d account was deactivated.", "%(count)d accounts were deactivated.", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    """Who was invited when, how, and whether it was used; the code itself is stored only hashed and not shown."""

    list_display = ("user", "delivery", "created_at", "created_by", "expires_at", "accepted_at", "closed_at")
    list_filter = ("delivery",)
    exclude = ("code_hash",)
