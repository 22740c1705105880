"""Small pieces every app's views share: the one permission mixin and turning DomainError into messages."""

from django.contrib import messages
from django.shortcuts import get_object_or_404
from rules.contrib.views import PermissionRequiredMixin

from .exceptions import DomainError


class ObjectPermissionMixin(PermissionRequiredMixin):
    """Every view names ``permission_required``; the object it is checked against comes from
    ``get_permission_object`` (the view's object by default, or ``permission_model`` looked up by URL)."""

    permission_model = None
    permission_url_kwarg = "pk"

    def get_permission_object(self):
        if self.permission_model is not None:
            if not hasattr(self, "_permission_object"):
                self._permission_object = get_object_or_404(
                    self.permission_model, pk=self.kwargs[self.permission_url_kwarg]
                )
            return self._permission_object
        return super().get_permission_object()


def apply_domain_error(form, error: DomainError) -> None:
    """Show a refused write next to the field it concerns, or at the top of the form."""
    field = error.field if error.field in getattr(form, "fields", {}) else None
    form.add_error(field, str(error))


def flash_domain_error(request, error: DomainError) -> None:
    messages.error(request, str(error))
