"""Signed documents: the holder's Open Badges credential and badge, the keys, issuer profiles and status lists
the site publishes for them, and the public check of an uploaded PDF or a pasted credential
(docs/credentials.md)."""

from django import forms
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView

from core.filenames import safe_download_name, set_download_name
from core.views import ObjectPermissionMixin
from courses.models import Organisation

from . import throttle
from .badges import PNG_SIGNATURE, baked_png, credential_from_png
from .credentials import (
    MAX_CREDENTIAL_CHARS,
    CredentialVerdict,
    baked_svg,
    check_credential,
    issuer_id,
    signed_credential,
    status_list_credential,
)
from .models import Certificate, CertificateStatus
from .signing import MAX_UPLOAD_BYTES, PdfVerdict, check_pdf
from .signing_keys import all_public_keys, key_by_kid


def _no_store(response):
    patch_cache_control(response, no_store=True, private=True)
    return response


# --- The holder's credential ----------------------------------------------------------------------------------


class _CredentialDownload(ObjectPermissionMixin, View):
    """Same permission as the PDF: staff of the organisation, or the holder while the certificate is valid."""

    permission_required = "certificates.download_certificate"

    def get_permission_queryset(self):
        return Certificate.objects.select_related("enrolment__participant", "enrolment__cohort__site")

    def signed(self):
        certificate = self.get_permission_object()
        token = signed_credential(certificate)
        if token is None:  # the organisation has no signing key (docs/credentials.md)
            raise Http404(_("No signing key is configured for this organisation."))
        return certificate, token


class CredentialDownloadView(_CredentialDownload):
    def get(self, request, pk):
        certificate, token = self.signed()
        response = HttpResponse(token, content_type="application/vc+jwt; charset=utf-8")
        set_download_name(response, safe_download_name("Nachweis", certificate.snapshot["number"], extension="jwt"))
        return _no_store(response)


class BadgeView(_CredentialDownload):
    """The badge with the credential baked in: SVG (``baked_svg``) or PNG (``certificates.badges``)."""

    bake = staticmethod(baked_svg)
    content_type = "image/svg+xml; charset=utf-8"
    extension = "svg"

    def get(self, request, pk):
        certificate, token = self.signed()
        snapshot = certificate.snapshot
        badge = self.bake(token, title=snapshot["programme"]["title"], number=snapshot["number"])
        response = HttpResponse(badge, content_type=self.content_type)
        set_download_name(response, safe_download_name("Badge", snapshot["number"], extension=self.extension))
        return _no_store(response)


class BadgePngView(BadgeView):
    bake = staticmethod(baked_png)
    content_type = "image/png"
    extension = "png"


# --- What the site publishes for verifiers ---------------------------------------------------------------------


class _Public(ObjectPermissionMixin, View):
    permission_required = "certificates.verify_certificate"

    def get_permission_object(self):
        return None


class IssuerProfileView(_Public):
    """The issuer's Open Badges Profile, at the URL that is its ``id`` in every credential."""

    def get(self, request, pk):
        organisation = Organisation.objects.filter(pk=pk).only("name").first()
        if organisation is None:
            raise Http404
        profile = {
            "@context": [
                "https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
            ],
            "id": issuer_id(organisation.pk),
            "type": ["Profile"],
            "name": organisation.name,
        }
        return JsonResponse(profile, json_dumps_params={"ensure_ascii": False})


class KeySetView(_Public):
    """Every public key the site signs credentials with (JWKS, RFC 7517)."""

    def get(self, request):
        return JsonResponse({"keys": [key.public_jwk for key in all_public_keys()]})


class KeyView(_Public):
    """One public key: the URL in a credential's ``kid`` header."""

    def get(self, request, kid):
        key = key_by_kid(kid)
        if key is None:
            raise Http404
        return JsonResponse(key.public_jwk)


class StatusListView(_Public):
    """The organisation's Bitstring Status List credential (VC-JWT), computed from the statuses."""

    def get(self, request, pk):
        if not Organisation.objects.filter(pk=pk).exists():
            raise Http404
        token = status_list_credential(pk)
        if token is None:
            raise Http404
        response = HttpResponse(token, content_type="application/vc+jwt")
        patch_cache_control(response, max_age=60)  # revocations show within a minute
        return response


# --- The public check of a file --------------------------------------------------------------------------------


class PdfUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Signed PDF"),
        help_text=gettext_lazy("The certificate as a PDF file, at most 2 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "pdf_%s")  # both check forms have a "file" field on one page
        super().__init__(*args, **kwargs)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:  # before a byte of it is read
            raise forms.ValidationError(_("The file is larger than 2 MB. A certificate PDF is much smaller."))
        return upload


class CredentialForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Credential (paste)"),
        required=False,
        max_length=MAX_CREDENTIAL_CHARS,
        widget=forms.Textarea(attrs={"rows": 4, "spellcheck": "false", "autocomplete": "off"}),
        help_text=gettext_lazy("The text of the .jwt file, or upload the file or the badge (PNG or SVG) below."),
    )
    file = forms.FileField(label=gettext_lazy("Credential or badge file"), required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "credential_%s")
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is not None:
            if upload.size > MAX_CREDENTIAL_CHARS:
                raise forms.ValidationError(_("The file is larger than 256 KB. A credential or badge is much smaller."))
            data = upload.read(MAX_CREDENTIAL_CHARS + 1)
            if data.startswith(PNG_SIGNATURE):  # a baked PNG badge: the credential is in its iTXt chunk
                cleaned["text"] = credential_from_png(data) or ""
                if not cleaned["text"]:
                    raise forms.ValidationError(_("This image carries no digital credential."))
            else:
                cleaned["text"] = data.decode("utf-8", errors="replace")
        if not cleaned.get("text"):
            raise forms.ValidationError(_("Paste the credential or choose a file."))
        return cleaned


OUTCOME_BY_STATUS = {
    CertificateStatus.VALID: "valid",
    CertificateStatus.REVOKED: "revoked",
    CertificateStatus.SUPERSEDED: "superseded",
}


class _CheckView(ObjectPermissionMixin, FormView):
    """Shared by both checks: throttled per address like the number-and-code check, since each failed
    check (and each check costs a signature validation) counts against the address."""

    permission_required = "certificates.verify_certificate"
    template_name = "certificates/credentials/verify_upload.html"

    def get_permission_object(self):
        return None

    def handle_no_permission(self):  # pragma: no cover - the permission is granted to everyone
        raise Http404

    def get_context_data(self, **kwargs):
        kwargs.setdefault("pdf_form", PdfUploadForm())
        kwargs.setdefault("credential_form", CredentialForm())
        return super().get_context_data(**kwargs)

    def form_invalid(self, form):
        return _no_store(self.render_to_response(self.get_context_data(**{self.form_key: form})))

    def get(self, request, *args, **kwargs):
        return _no_store(self.render_to_response(self.get_context_data()))

    def form_valid(self, form):
        address = throttle.client_address(self.request)
        minutes = throttle.minutes_blocked(address)
        if minutes:
            context = self.get_context_data(blocked_minutes=minutes)
            return _no_store(self.render_to_response(context, status=429))
        outcome, number = self.check(form)
        certificate = None
        if outcome == "found":
            certificate = (
                Certificate.objects.filter(number=number).select_related("enrolment__cohort__site").first()
                if number
                else None
            )
            outcome = OUTCOME_BY_STATUS.get(certificate.status, "not_ours") if certificate else "not_ours"
            if certificate is not None and not self.organisation_matches(certificate):
                certificate, outcome = None, "not_ours"
        if outcome not in OUTCOME_BY_STATUS.values():
            throttle.record_failure(address)
        context = self.get_context_data(outcome=outcome, certificate=certificate, checked=self.checked)
        return _no_store(self.render_to_response(context))

    def organisation_matches(self, certificate) -> bool:
        return True


class VerifyPdfView(_CheckView):
    form_class = PdfUploadForm
    form_key = "pdf_form"
    checked = "pdf"

    def check(self, form):
        result = check_pdf(form.cleaned_data["file"].read(MAX_UPLOAD_BYTES + 1))
        outcome = {
            PdfVerdict.SIGNED: "found",
            PdfVerdict.ALTERED: "altered",
            PdfVerdict.NOT_OURS: "not_ours",
            PdfVerdict.UNREADABLE: "unreadable",
        }[result.verdict]
        return outcome, result.number


class VerifyCredentialView(_CheckView):
    form_class = CredentialForm
    form_key = "credential_form"
    checked = "credential"

    def check(self, form):
        result = check_credential(form.cleaned_data["text"])
        self._organisation_id = result.organisation_id
        outcome = {
            CredentialVerdict.SIGNED: "found",
            CredentialVerdict.ALTERED: "altered",
            CredentialVerdict.NOT_OURS: "not_ours",
            CredentialVerdict.UNREADABLE: "unreadable",
        }[result.verdict]
        return outcome, result.number

    def organisation_matches(self, certificate) -> bool:
        # The credential names its issuer; a credential of one organisation cannot vouch for another's number.
        return certificate.organisation_id == self._organisation_id
