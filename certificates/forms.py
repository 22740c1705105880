from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CODE_LENGTH, CertificateLanguage


class LanguageField(forms.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Language of the certificate"),
            choices=CertificateLanguage.choices,
            initial=CertificateLanguage.GERMAN,
            help_text=_("German is the standard; the English version can also be downloaded later."),
            **kwargs,
        )


class IssueForm(forms.Form):
    language = LanguageField()


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the revocation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_("Visible to staff only. The verification page shows only that and when it was revoked."),
    )


class ReissueForm(forms.Form):
    reason = forms.CharField(
        label=_("What is corrected?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_("For example: spelling of the name corrected. The old certificate will show as superseded."),
    )
    language = LanguageField()


class IssueAgainForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it issued again?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_(
            "For example: the missing placement hours are now confirmed. Visible to staff in the history; "
            "the revoked document stays revoked."
        ),
    )
    language = LanguageField()


class VerifyForm(forms.Form):
    number = forms.CharField(
        label=_("Certificate number"),
        max_length=30,
        widget=forms.TextInput(attrs={"placeholder": "IB-2026-0001", "autocomplete": "off"}),
    )
    code = forms.CharField(
        label=_("Verification code"),
        max_length=CODE_LENGTH + 8,
        widget=forms.TextInput(attrs={"placeholder": "XXXX-XXXX-XXXX-XXXX", "autocomplete": "off"}),
        help_text=_("Both are printed at the bottom of the certificate."),
    )
