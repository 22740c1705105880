"""Pages of the rights of the data subject: the participant's "Ihre Daten" page, the Art. 15 export (for the
person and for staff), and the early erasure by staff. Every answer carries personal data:
config.middleware.NoStoreMiddleware marks it no-store."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from core.exceptions import DomainError
from core.filenames import safe_download_name, set_download_name
from core.languages import STAFF_LANGUAGES
from core.views import ObjectPermissionMixin, apply_domain_error
from courses.models import Participant
from courses.selectors import own_participant

from . import selectors, services
from .export import render_zip
from .forms import ErasureForm


def export_response(participant: Participant, user) -> HttpResponse:
    data = selectors.personal_data(participant)
    # The PDF is drawn by ReportLab, which neither joins Arabic letters nor runs right to left, and its texts are
    # translated into German and English only: other page languages get the German PDF (docs/languages.md).
    language = translation.get_language()
    with translation.override(language if language in STAFF_LANGUAGES else settings.LANGUAGE_CODE):
        content = render_zip(data)
    services.export_record(participant=participant, by=user)
    response = HttpResponse(content, content_type="application/zip")
    day = f"{timezone.localdate():%Y-%m-%d}"
    return set_download_name(response, safe_download_name("Datenauskunft", participant.pk, day, extension="zip"))


class MyDataView(ObjectPermissionMixin, TemplateView):
    permission_required = "privacy.view_own_data"
    template_name = "privacy/my_data.html"

    def get_context_data(self, **kwargs):
        participant = own_participant(self.request.user)
        context = super().get_context_data(participant=participant, **kwargs)
        if participant is not None:
            context["retention_until"] = selectors.retention_end_of(participant)
        return context


class MyExportView(ObjectPermissionMixin, View):
    permission_required = "privacy.view_own_data"

    def get(self, request):
        participant = own_participant(request.user)
        if participant is None:
            raise Http404
        return export_response(participant, request.user)


class ParticipantExportView(ObjectPermissionMixin, View):
    permission_required = "privacy.export_participant"
    permission_model = Participant

    def get(self, request, pk):
        return export_response(self.get_permission_object(), request.user)


class ParticipantEraseView(ObjectPermissionMixin, FormView):
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

    def form_valid(self, form):
        participant = self.get_permission_object()
        try:
            services.participant_erase(
                participant=participant, reason=form.cleaned_data["reason"], by=self.request.user
            )
        except DomainError as error:
            apply_domain_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The person's data were anonymised."))
        return redirect("courses:participant_detail", pk=participant.pk)
