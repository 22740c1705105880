from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .emails import language_of, organisation_name_of
from .models import InvitationDelivery


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form; the e-mail goes out in the recipient's language and names their organisation.

    Django already answers every address the same way (the page after it says "if the address is known"),
    and only active logins with a password of their own get a link."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        user = context["user"]
        context["organisation_name"] = organisation_name_of(user)
        with translation.override(language_of(user)):
            super().send_mail(subject_template_name, email_template_name, context, from_email, to_email, **kwargs)


class FirstLoginForm(forms.Form):
    """User name and printed code, and the new password, in one step."""

    username = forms.CharField(
        label=_("User name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    code = forms.CharField(
        label=_("Code from your invitation letter"),
        max_length=40,
        help_text=_(
            "For example K7QM-3WXP-R9TD. After several wrong tries the code stops working; "
            "then ask the programme staff for a new letter."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )
    new_password1 = forms.CharField(
        label=_("New password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters; not only digits and not a common word."),
    )
    new_password2 = forms.CharField(
        label=_("New password (again)"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("new_password1"), cleaned.get("new_password2")
        if first and second and first != second:
            self.add_error("new_password2", _("The two passwords differ."))
        return cleaned


class InvitationForm(forms.Form):
    """What staff choose when they invite someone: how the invitation reaches the person. Never a password."""

    delivery = forms.ChoiceField(
        label=_("How should the invitation reach the person?"),
        choices=InvitationDelivery.choices,
        widget=forms.RadioSelect,
        initial=InvitationDelivery.EMAIL,
    )

    def __init__(self, *args, has_email: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not has_email:
            self.fields["delivery"].choices = [(InvitationDelivery.PRINT, InvitationDelivery.PRINT.label)]
            self.fields["delivery"].initial = InvitationDelivery.PRINT
            self.fields["delivery"].help_text = _("No e-mail address is recorded, so the invitation is printed.")
