"""Pages of the rights of the data subject: the participant's "Ihre Daten" page, the Art. 15 export (for the
person and for staff), and the early erasure by staff. Every answer carries personal data:
config.middleware.NoStoreMiddleware marks it no-store."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from core.exceptions import DomainError
from core.views import ObjectPermissionMixin, ServiceFormMixin, flash_domain_error
from courses.models import Participant
from courses.selectors import own_participant
from notifications import conf as notifications_conf
from notifications import prepared

from . import selectors, services
from .forms import ErasureForm
from .notifications import PRIVACY_EXPORT


def export_requested(request, participant: Participant, back: str) -> HttpResponse:
    """Queue the Art. 15 export (privacy/notifications.py) and show its progress page, where the link
    appears when the ZIP is ready."""
    try:
        download = prepared.download_request(
            kind=PRIVACY_EXPORT.kind,
            params={"participant": participant.pk, "by": request.user.pk, "language": request.LANGUAGE_CODE},
            by=request.user,
        )
    except DomainError as error:
        flash_domain_error(request, error)
        return redirect(back)
    return redirect("notifications:download_detail", pk=download.pk)


class MyDataView(ObjectPermissionMixin, TemplateView):
    permission_required = "privacy.view_own_data"
    template_name = "privacy/my_data.html"

    def get_context_data(self, **kwargs):
        participant = own_participant(self.request.user)
        context = super().get_context_data(
            participant=participant, download_days=notifications_conf.prepared_download_retention_days(), **kwargs
        )
        if participant is not None:
            context["retention_until"] = selectors.retention_end_of_participant(participant)
        return context


class MyExportView(ObjectPermissionMixin, View):
    permission_required = "privacy.view_own_data"

    def post(self, request):
        participant = own_participant(request.user)
        if participant is None:
            raise Http404
        return export_requested(request, participant, reverse("privacy:my_data"))


class ParticipantExportView(ObjectPermissionMixin, View):
    permission_required = "privacy.export_participant"
    permission_model = Participant

    def post(self, request, pk):
        participant = self.get_permission_object()
        return export_requested(request, participant, reverse("courses:participant_detail", args=[participant.pk]))


class ParticipantEraseView(ObjectPermissionMixin, ServiceFormMixin, FormView):
    permission_required = "privacy.erase_participant"
    permission_model = Participant
    form_class = ErasureForm
    template_name = "privacy/erase.html"

    def get_permission_queryset(self):
        return Participant.objects.select_related("organisation", "user", "erasure")

    def get_context_data(self, **kwargs):
        participant = self.get_permission_object()
        erasure = participant.erasure if hasattr(participant, "erasure") else None
        return super().get_context_data(
            participant=participant,
            erasure=erasure,
            preview=None if erasure else selectors.erasure_preview(participant),
            keeps_name=False,
            **kwargs,
        )

    def perform(self, form):
        services.participant_erase(
            participant=self.get_permission_object(), reason=form.cleaned_data["reason"], by=self.request.user
        )

    success_message = gettext_lazy("The person's data were anonymised.")

    def get_success_url(self):
        return reverse("courses:participant_detail", args=[self.get_permission_object().pk])
