from django import forms
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.translation import gettext_lazy as _

from accounts.forms import InvitationForm

from .models import Cohort, Participant
from .selectors import participant_search, participants_visible_to, programmes_for, sites_for


class DateInput(forms.DateInput):
    """Typed as DD.MM.YYYY everywhere (browsers' own date pickers show the user's locale instead)."""

    def __init__(self, attrs=None):
        super().__init__(
            attrs={"placeholder": "TT.MM.JJJJ", "inputmode": "numeric", **(attrs or {})}, format="%d.%m.%Y"
        )


class CohortForm(forms.ModelForm):
    class Meta:
        model = Cohort
        fields = [
            "programme",
            "site",
            "number",
            "start_date",
            "end_date",
            "capacity",
            "status",
            "funding_body",
            "measure_number",
            "partners",
        ]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes_for(user)
        self.fields["site"].queryset = sites_for(user)

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date must not be before the start date."))
        programme, site = data.get("programme"), data.get("site")
        if programme and site and programme.organisation_id != site.organisation_id:
            self.add_error("site", _("The site must belong to the programme's organisation."))
        return data

    def _post_clean(self):
        # Model validation (including constraints) runs in the service; here only the form's own checks.
        pass


class ParticipantForm(forms.ModelForm):
    class Meta:
        model = Participant
        fields = [
            "given_name",
            "family_name",
            "date_of_birth",
            "email",
            "phone",
            "address",
            "german_level",
            "jobcenter_customer_number",
        ]
        widgets = {"date_of_birth": DateInput(), "address": forms.Textarea(attrs={"rows": 2})}

    def _post_clean(self):
        pass


class ExistingParticipantForm(forms.Form):
    participant = forms.ModelChoiceField(label=_("Participant"), queryset=None)

    def __init__(self, *args, user, cohort, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participant"].queryset = (
            participants_visible_to(user)
            .filter(organisation_id=cohort.site.organisation_id)
            .exclude(enrolments__cohort=cohort)
        )


class ParticipantSearchForm(forms.Form):
    q = forms.CharField(label=_("Search by name or customer number"), required=False)

    def search(self, qs):
        if self.is_valid() and self.cleaned_data["q"]:
            return participant_search(qs, self.cleaned_data["q"])
        return qs


class WithdrawForm(forms.Form):
    on = forms.DateField(label=_("Withdrawn on"), widget=DateInput())
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class ParticipantLoginForm(InvitationForm):
    """Invite a participant: staff choose a user name (for a new login) and how the invitation reaches the
    person, never a password."""

    username = forms.CharField(
        label=_("User name"),
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text=_("The person logs in with it. Letters, digits and @ . + - _ only."),
    )

    field_order = ["username", "delivery"]

    def __init__(self, *args, participant, **kwargs):
        super().__init__(*args, has_email=bool(participant.email), **kwargs)
        if participant.user_id:
            del self.fields["username"]
