from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.translation import gettext_lazy as _

from accounts.forms import InvitationForm
from courses.forms import DateField, DateInput

from .models import Facility, HourEntry
from .selectors import linkable_supervisors


class TimeInput(forms.TimeInput):
    """The phone's own time picker; the value is always HH:MM."""

    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs={"step": 300, **(attrs or {})}, format="%H:%M")


class FacilityForm(forms.ModelForm):
    class Meta:
        model = Facility
        fields = ["name", "facility_type", "provider", "address", "contact_name", "contact_email", "contact_phone"]
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}

    def _post_clean(self):
        # Model validation runs in the service.
        pass


class SupervisorCreateForm(InvitationForm):
    """A new supervisor login; the supervisor chooses their password through the invitation."""

    first_name = forms.CharField(label=_("Given name"), max_length=150)
    last_name = forms.CharField(label=_("Family name"), max_length=150)
    email = forms.EmailField(
        label=_("Email"), help_text=_("The daily list of hours to confirm is sent to this address.")
    )
    username = forms.CharField(label=_("User name"), max_length=150, validators=[UnicodeUsernameValidator()])

    field_order = ["first_name", "last_name", "email", "username", "delivery"]


class SupervisorLinkForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Existing supervisor"), queryset=None)

    def __init__(self, *args, facility, staff_user, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the facility's own organisation's supervisors (placements.selectors.linkable_supervisors).
        self.fields["user"].queryset = linkable_supervisors(facility)
        self.fields["user"].label_from_instance = lambda u: f"{u.get_full_name() or u.username} ({u.username})"


def supervisor_label(user) -> str:
    """A supervisor in a choice list: the name and, to tell namesakes apart, the e-mail address."""
    name = user.get_full_name() or user.username
    return f"{name} ({user.email or user.username})"


class PlacementForm(forms.Form):
    facility = forms.ModelChoiceField(label=_("Facility"), queryset=None)
    supervisor = forms.ModelChoiceField(
        label=_("Supervisor (Praxisanleitung)"),
        queryset=None,
        help_text=_("Must be one of the facility's supervisors."),
    )
    start_date = DateField(label=_("Start date"), widget=DateInput())
    end_date = DateField(label=_("End date"), widget=DateInput())
    planned_hours = forms.IntegerField(label=_("Planned hours"), min_value=1, max_value=2000)

    def __init__(self, *args, facilities, facility=None, url: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["facility"].queryset = facilities
        # Only the chosen facility's supervisors (htmx asks the page again when the facility changes); a
        # namesake is told apart by the e-mail address.
        chosen = self.data.get(self.add_prefix("facility")) if self.is_bound else None
        chosen = chosen or facility or self.initial.get("facility")
        chosen = getattr(chosen, "pk", chosen)
        supervisors = get_user_model().objects.filter(supervised_facilities__in=facilities)
        if chosen and str(chosen).isdigit():
            supervisors = supervisors.filter(supervised_facilities=int(chosen))
        self.fields["supervisor"].queryset = supervisors.distinct().order_by("last_name", "first_name", "pk")
        self.fields["supervisor"].label_from_instance = supervisor_label
        if url:
            self.fields["facility"].widget.attrs.update(
                {
                    "hx-get": url,
                    "hx-trigger": "change",
                    "hx-target": f"#{self['supervisor'].auto_id}",
                    "hx-select": f"#{self['supervisor'].auto_id}",
                    "hx-swap": "outerHTML",
                }
            )


class ConductCheckForm(forms.Form):
    inspected_on = DateField(label=_("Inspected on"), widget=DateInput())
    issue_date = DateField(
        label=_("Issue date of the certificate"),
        widget=DateInput(),
        help_text=_("Record only the facts; never keep a copy."),
    )
    has_relevant_entry = forms.TypedChoiceField(
        label=_("Does it show a relevant entry (§72a(1) SGB VIII)?"),
        choices=[("no", _("No")), ("yes", _("Yes"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )


class MeaslesProofForm(forms.Form):
    seen = forms.BooleanField(label=_("I have seen the proof of measles protection."))


class InfectionInstructionForm(forms.Form):
    instruction_date = DateField(label=_("Date of the instruction"), widget=DateInput())


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class HourEntryForm(forms.ModelForm):
    class Meta:
        model = HourEntry
        fields = ["date", "start_time", "end_time", "break_minutes", "activity"]
        widgets = {
            "date": DateInput(),
            "start_time": TimeInput(),
            "end_time": TimeInput(),
            "break_minutes": forms.NumberInput(attrs={"min": 0, "step": 5, "inputmode": "numeric"}),
            "activity": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"date": DateField}
        help_texts = {
            "break_minutes": _("Over 6 hours of work: at least 30 minutes; over 9 hours: at least 45 minutes."),
            "activity": _("What did you do? For example: accompanied the morning circle, read to the children."),
        }

    def _post_clean(self):
        pass


class HourCorrectionForm(HourEntryForm):
    note = forms.CharField(
        label=_("Reason for the correction"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )

    class Meta(HourEntryForm.Meta):
        fields = HourEntryForm.Meta.fields + ["note"]


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the rejection"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("The participant receives this reason by email."),
    )
