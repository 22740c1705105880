"""Small pieces every app's views share: the one permission mixin and turning DomainError into messages."""

from django.contrib import messages
from django.http import HttpResponseRedirect
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
            self._permission_object = get_object_or_404(queryset, pk=self.get_permission_pk())
        return self._permission_object

    def get_permission_pk(self):
        """The key of the object to check; the URL's, unless a view reads it elsewhere (a posted field)."""
        return self.kwargs[self.permission_url_kwarg]


class DetailPermissionMixin(ObjectPermissionMixin):
    """For detail pages (``SingleObjectMixin``): the object the permission is checked on is the page's own
    object (``get_queryset()``), loaded once through the same cache as every other view's."""

    def get_permission_queryset(self):
        return self.get_queryset()

    def get_object(self, queryset=None):
        if queryset is not None:
            return super().get_object(queryset)
        return self.get_permission_object()


class ServiceFormMixin:
    """The one way to write a form view that hands its valid form to a service.

    ``perform(form)`` calls the service and returns what it made (kept as ``self.result``); a
    ``DomainError`` it raises is shown on the form (``apply_domain_error``) and the form is shown again.
    Otherwise ``success_message`` (or ``get_success_message()``) is shown and ``success_response()``
    redirects to ``get_success_url()``; each may read ``self.result``."""

    success_message = ""
    result = None

    def perform(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            self.result = self.perform(form)
        except DomainError as error:
            apply_domain_error(form, error)
            return self.form_invalid(form)
        message = self.get_success_message()
        if message:
            messages.success(self.request, message)
        return self.success_response(form)

    def get_success_message(self) -> str:
        return str(self.success_message)

    def success_response(self, form):
        return HttpResponseRedirect(self.get_success_url())


class PageFormMixin:
    """One of the forms of a page that has several: each form posts to its own URL and view, which shows the
    page again with the form's errors. The page knows the form as ``<prefix>_form``."""

    http_method_names = ["post"]

    def get_context_data(self, **kwargs):
        if "form" in kwargs:
            kwargs[f"{self.prefix}_form"] = kwargs["form"]
        return super().get_context_data(**kwargs)


def apply_domain_error(form, error: DomainError) -> None:
    """Show a refused write next to the field it concerns, or at the top of the form."""
    field = error.field if error.field in getattr(form, "fields", {}) else None
    form.add_error(field, str(error))


def flash_domain_error(request, error: DomainError) -> None:
    messages.error(request, str(error))
