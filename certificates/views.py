from django.contrib import messages
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from django.views.generic import DetailView, FormView, TemplateView
from django_tables2 import RequestConfig

from core.filenames import safe_download_name, set_download_name
from core.views import ObjectPermissionMixin, ServiceFormMixin
from courses.view_mixins import CohortObjectMixin, EnrolmentObjectMixin

from . import selectors, services, throttle
from .eligibility import eligibility_for_enrolment
from .forms import IssueAgainForm, IssueForm, ReissueForm, RevokeForm, VerifyForm
from .models import Certificate, CertificateLanguage, CertificateStatus, DocumentKind
from .pdf import pdf_filename, renderer_for
from .pdf_zip import stream_certificates_zip
from .signing import signed_pdf, zip_signer
from .tables import CohortOverviewRows, CohortOverviewTable, HistoryTable


def _language(request) -> str | None:
    """?sprache=en asks for the English version of a certificate; anything else gives its own language."""
    value = request.GET.get("sprache")
    return value if value in CertificateLanguage.values else None


class CertificateMixin(ObjectPermissionMixin):
    def get_permission_queryset(self):
        return selectors.certificates_with_related()


# --- Staff: cohort ---------------------------------------------------------------------------------


class CohortOverviewView(CohortObjectMixin, TemplateView):
    permission_required = "certificates.view_cohort_certificates"
    template_name = "certificates/cohort_overview.html"

    def get_context_data(self, **kwargs):
        cohort = self.get_permission_object()
        # Paged like the cohort page's roster: the counts above cover everyone (counted by the database),
        # the checklists 25 at a time, and only the shown page's are worked out.
        table = CohortOverviewTable(CohortOverviewRows(cohort))
        RequestConfig(self.request, paginate={"per_page": 25}).configure(table)
        counts = selectors.cohort_certificate_counts(cohort)
        return super().get_context_data(cohort=cohort, table=table, **counts, **kwargs)


class CohortIssueView(CohortObjectMixin, ServiceFormMixin, FormView):
    permission_required = "certificates.issue_cohort_certificates"
    template_name = "certificates/cohort_issue.html"
    form_class = IssueForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(cohort=self.get_permission_object(), **kwargs)

    def perform(self, form):
        return services.certificates_issue_for_cohort(
            cohort=self.cohort, by=self.request.user, language=form.cleaned_data["language"]
        )

    def success_response(self, form):
        # The result is shown at once (not redirected): sending the form again issues nothing twice.
        return self.render_to_response(self.get_context_data(form=form, result=self.result))


class CohortAttendanceIssueView(CohortIssueView):
    """At the cohort's end: a Teilnahmebescheinigung for everyone who does not get the Zertifikat."""

    permission_required = "certificates.issue_cohort_attendance"
    template_name = "certificates/cohort_issue_attendance.html"
    form_class = IssueForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(open_from=services.cohort_attendance_open_from(self.cohort), **kwargs)

    def perform(self, form):
        return services.attendance_issue_for_cohort(
            cohort=self.cohort, by=self.request.user, language=form.cleaned_data["language"]
        )


class CohortZipView(CohortObjectMixin, View):
    """All certificates of the cohort as one ZIP, streamed: each PDF is drawn and sent before the
    next, so the first bytes leave after one certificate instead of after all of them, and memory holds
    one PDF instead of the whole ZIP. The snapshots are read (one query) before the response starts, so
    nothing touches the database while streaming."""

    permission_required = "certificates.download_cohort_certificates"
    kind = DocumentKind.CERTIFICATE
    file_prefix = "Zertifikate"

    def nothing_yet(self) -> str:
        return _("No certificates have been issued in this cohort yet.")

    def too_many(self, count: int) -> str:
        return ngettext(
            "This cohort has %(count)d certificate: the ZIP is prepared for you in the background. Please use "
            "“Prepare all certificates as ZIP” on this page.",
            "This cohort has %(count)d certificates: the ZIP is prepared for you in the background. Please use "
            "“Prepare all certificates as ZIP” on this page.",
            count,
        ) % {"count": count}

    def get(self, request, pk):
        cohort = self.get_permission_object()
        snapshots = [c.snapshot for c in selectors.certificates_of_cohort(cohort, self.kind)]
        if not snapshots:
            messages.info(request, self.nothing_yet())
            return redirect("certificates:cohort_overview", pk=cohort.pk)
        if not selectors.cohort_zip_is_streamed(len(snapshots)):
            messages.info(request, self.too_many(len(snapshots)))
            return redirect("courses:cohort_detail", pk=cohort.pk)
        response = StreamingHttpResponse(
            stream_certificates_zip(snapshots, _language(request), sign=zip_signer(cohort.site.organisation_id)),
            content_type="application/zip",
        )
        return set_download_name(response, safe_download_name(self.file_prefix, cohort.number, extension="zip"))


class CohortAttendanceZipView(CohortZipView):
    """All current Teilnahmebescheinigungen of the cohort as one ZIP, streamed like the certificates."""

    kind = DocumentKind.ATTENDANCE
    file_prefix = "Teilnahmebescheinigungen"

    def nothing_yet(self) -> str:
        return _("No Teilnahmebescheinigung has been issued in this cohort yet.")

    def too_many(self, count: int) -> str:
        return ngettext(
            "This cohort has %(count)d certificate of attendance: the ZIP is prepared for you in the background. "
            "Please use “Prepare all certificates of attendance as ZIP” on this page.",
            "This cohort has %(count)d certificates of attendance: the ZIP is prepared for you in the background. "
            "Please use “Prepare all certificates of attendance as ZIP” on this page.",
            count,
        ) % {"count": count}


# --- One participant -------------------------------------------------------------------------------


class EnrolmentCertificateView(EnrolmentObjectMixin, TemplateView):
    """The checklist of one participant, with the certificate (participants) or its history (staff)."""

    permission_required = "certificates.view_eligibility"
    template_name = "certificates/enrolment.html"

    def get_context_data(self, **kwargs):
        enrolment = self.get_permission_object()
        user = self.request.user
        history = list(selectors.certificate_history(enrolment))
        can_see_history = user.has_perm("certificates.issue_certificate", enrolment)
        latest = selectors.latest_documents(reversed(history))
        last = latest.get((enrolment.pk, DocumentKind.CERTIFICATE))
        attendance = latest.get((enrolment.pk, DocumentKind.ATTENDANCE))
        context = super().get_context_data(
            enrolment=enrolment,
            eligibility=eligibility_for_enrolment(enrolment),
            current=last if last is not None and last.is_valid else None,
            revoked=last if last is not None and last.status == CertificateStatus.REVOKED else None,
            attendance=attendance if attendance is not None and attendance.is_valid else None,
            attendance_revoked=(
                attendance if attendance is not None and attendance.status == CertificateStatus.REVOKED else None
            ),
            can_issue=can_see_history,
            **kwargs,
        )
        if can_see_history:
            table = HistoryTable(history)
            RequestConfig(self.request, paginate=False).configure(table)
            context["history_table"] = table
        return context


class _EnrolmentIssueView(EnrolmentObjectMixin, ServiceFormMixin, FormView):
    """Issue one document for the enrolment (``perform``) and open it; ``issued`` names it (``%(number)s``)."""

    form_class = IssueForm
    issued = ""

    def get_success_message(self):
        return self.issued % {"number": self.result.number}

    def get_success_url(self):
        return reverse("certificates:detail", args=[self.result.pk])


class EnrolmentIssueView(_EnrolmentIssueView):
    permission_required = "certificates.issue_certificate"
    template_name = "certificates/issue.html"
    issued = gettext_lazy("Certificate %(number)s was issued.")

    def get_context_data(self, **kwargs):
        enrolment = self.get_permission_object()
        return super().get_context_data(enrolment=enrolment, eligibility=eligibility_for_enrolment(enrolment), **kwargs)

    def perform(self, form):
        language = form.cleaned_data["language"]
        return services.certificate_issue(enrolment=self.enrolment, by=self.request.user, language=language)


class EnrolmentAttendanceIssueView(_EnrolmentIssueView):
    """A Teilnahmebescheinigung for one participant, on request, whatever the checklist says."""

    permission_required = "certificates.issue_attendance"
    template_name = "certificates/issue_attendance.html"
    issued = gettext_lazy("Teilnahmebescheinigung %(number)s was issued.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(enrolment=self.get_permission_object(), **kwargs)

    def perform(self, form):
        language = form.cleaned_data["language"]
        return services.attendance_issue(enrolment=self.enrolment, by=self.request.user, language=language)


# --- One certificate -------------------------------------------------------------------------------


class CertificateDetailView(CertificateMixin, DetailView):
    permission_required = "certificates.view_certificate"
    template_name = "certificates/detail.html"
    context_object_name = "certificate"

    def get_object(self, queryset=None):
        return self.get_permission_object()

    def get_context_data(self, **kwargs):
        table = HistoryTable(selectors.certificate_history(self.object.enrolment))
        RequestConfig(self.request, paginate=False).configure(table)
        return super().get_context_data(snapshot=self.object.snapshot, history_table=table, **kwargs)


class CertificateDownloadView(CertificateMixin, View):
    permission_required = "certificates.download_certificate"

    def get_permission_queryset(self):
        return selectors.certificates_to_download()

    def get(self, request, pk):
        certificate = self.get_permission_object()
        language = _language(request)
        # A copy downloaded after the document stopped being valid says so on every page.
        revoked_on = superseded_by = None
        if certificate.status == CertificateStatus.REVOKED:
            revoked_on = timezone.localtime(certificate.revoked_at).date().isoformat()
        elif certificate.status == CertificateStatus.SUPERSEDED:
            superseded_by = (
                Certificate.objects.filter(supersedes_id=certificate.pk).values_list("number", flat=True).first()
            ) or "?"
        pdf = signed_pdf(
            certificate,
            renderer_for(certificate.snapshot, language, revoked_on=revoked_on, superseded_by=superseded_by),
        )
        response = HttpResponse(pdf, content_type="application/pdf")
        attachment = bool(request.GET.get("download"))
        return set_download_name(response, pdf_filename(certificate.snapshot, language), attachment=attachment)


class RevokeView(CertificateMixin, ServiceFormMixin, FormView):
    permission_required = "certificates.revoke_certificate"
    template_name = "certificates/revoke.html"
    form_class = RevokeForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(certificate=self.get_permission_object(), **kwargs)

    def perform(self, form):
        services.certificate_revoke(
            certificate=self.get_permission_object(), reason=form.cleaned_data["reason"], by=self.request.user
        )

    def get_success_message(self):
        return _("Certificate %(number)s was revoked.") % {"number": self.get_permission_object().number}

    def get_success_url(self):
        return reverse("certificates:detail", args=[self.get_permission_object().pk])


class _NewDocumentView(CertificateMixin, ServiceFormMixin, FormView):
    """A new document for the same person in place of this one, with the staff member's reason and language:
    a correction (``ReissueView``) or issuing again after a revocation (``IssueAgainView``)."""

    def get_initial(self):
        return {"language": self.get_permission_object().language}

    def get_context_data(self, **kwargs):
        return super().get_context_data(certificate=self.get_permission_object(), **kwargs)

    def create(self, **kwargs):
        raise NotImplementedError

    def perform(self, form):
        return self.create(
            certificate=self.get_permission_object(),
            reason=form.cleaned_data["reason"],
            language=form.cleaned_data["language"],
            by=self.request.user,
        )

    def get_success_url(self):
        return reverse("certificates:detail", args=[self.result.pk])


class ReissueView(_NewDocumentView):
    permission_required = "certificates.reissue_certificate"
    template_name = "certificates/reissue.html"
    form_class = ReissueForm

    def create(self, **kwargs):
        return services.certificate_reissue(**kwargs)

    def get_success_message(self):
        new, old = self.result, self.get_permission_object()
        return _("Certificate %(new)s was issued and supersedes %(old)s.") % {"new": new.number, "old": old.number}


class IssueAgainView(_NewDocumentView):
    """After a revocation: staff decide to issue again for the same person, with their reason."""

    permission_required = "certificates.issue_again_certificate"
    template_name = "certificates/issue_again.html"
    form_class = IssueAgainForm

    def create(self, **kwargs):
        return services.certificate_issue_again(**kwargs)

    def get_success_message(self):
        new, old = self.result, self.get_permission_object()
        return _("%(new)s was issued again after the revocation of %(old)s.") % {"new": new.number, "old": old.number}


# --- Public ----------------------------------------------------------------------------------------


class VerifyView(ObjectPermissionMixin, TemplateView):
    """Anyone may check a certificate: by the QR code's link or by typing number and code. Shows only the
    status, the holder's name, the programme and the issue date. Failed look-ups are counted per client
    address; after too many, every look-up from that address is refused for a while (HTTP 429)."""

    permission_required = "certificates.verify_certificate"
    template_name = "certificates/verify.html"

    def get(self, request, code=None):
        form = VerifyForm(request.GET if "code" in request.GET else None)
        context = {"form": form, "searched": False}
        number = None
        if code is None and form.is_bound and form.is_valid():
            code, number = form.cleaned_data["code"], form.cleaned_data["number"]
        if code is None:
            return self.render_to_response(self.get_context_data(**context))
        context["searched"] = True
        address = throttle.client_address(request)
        # Reserved before the look-up, so simultaneous guesses cannot all pass the check (throttle.py).
        minutes = throttle.begin(address)
        if minutes:
            context["blocked_minutes"] = minutes
            return self.render_to_response(self.get_context_data(**context), status=429)
        certificate = selectors.certificate_by_code(code, number)
        if certificate is None:
            return self.render_to_response(self.get_context_data(**context), status=404)
        throttle.succeeded(address)
        context["certificate"] = certificate
        return self.render_to_response(self.get_context_data(**context))

    def handle_no_permission(self):  # pragma: no cover - the permission is granted to everyone
        raise Http404
