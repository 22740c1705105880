"""Small pieces every app's views share: the one permission mixin and turning DomainError into messages."""

from django.contrib import messages
from django.shortcuts import get_object_or_404
from rules.contrib.views import PermissionRequiredMixin

from .exceptions import DomainError


class ObjectPermissionMixin(PermissionRequiredMixin):
    """Every view names ``permission_required``; the object it is checked against is the URL's object,
    looked up once in ``get_permission_queryset()`` (``permission_model`` by default), or the view's own
    ``get_object()`` when there is none (list and create pages check without an object)."""

    permission_model = None
    permission_url_kwarg = "pk"

    def get_permission_queryset(self):
        return self.permission_model._default_manager.all() if self.permission_model is not None else None

    def get_permission_object(self):
        queryset = self.get_permission_queryset()
        if queryset is None:
            return super().get_permission_object()
        if not hasattr(self, "_permission_object"):
            self._permission_object = get_object_or_404(queryset, pk=self.kwargs[self.permission_url_kwarg])
        return self._permission_object


class DetailPermissionMixin(ObjectPermissionMixin):
    """For detail pages (``SingleObjectMixin``): the object the permission is checked on is the page's own
    object, loaded once; the check and the page each loaded it before."""

    def get_object(self, queryset=None):
        if queryset is not None:
            return super().get_object(queryset)
        if not hasattr(self, "_own_object"):
            self._own_object = super().get_object()
        return self._own_object


def apply_domain_error(form, error: DomainError) -> None:
    """Show a refused write next to the field it concerns, or at the top of the form."""
    field = error.field if error.field in getattr(form, "fields", {}) else None
    form.add_error(field, str(error))


def flash_domain_error(request, error: DomainError) -> None:
    messages.error(request, str(error))
