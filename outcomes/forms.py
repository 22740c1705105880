from django import forms
from django.utils.translation import gettext_lazy as _

from courses.forms import DateInput
from courses.models import FacilityType

from .models import (
    Employer,
    Event,
    IntakeProfile,
    InvitationStatus,
    NextStep,
    OutcomeKind,
    OutcomeSource,
    UnavailableReason,
    Workplace,
)


class TimeInput(forms.TimeInput):
    def __init__(self, attrs=None):
        super().__init__(attrs={"placeholder": "HH:MM", "inputmode": "numeric", **(attrs or {})}, format="%H:%M")


class EmployerForm(forms.ModelForm):
    class Meta:
        model = Employer
        fields = [
            "name",
            "kind",
            "contact_name",
            "contact_email",
            "contact_phone",
            "offers_full_time",
            "offers_part_time",
            "family_friendly_hours",
            "offers_hospitation",
            "offers_praktikum",
            "towns",
            "open_positions",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class EmployerFacilityForm(forms.Form):
    name = forms.CharField(label=_("Facility name"), max_length=200)
    facility_type = forms.ChoiceField(label=_("Type"), choices=FacilityType.choices)
    town = forms.CharField(label=_("Town"), max_length=100, required=False)


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = [
            "title",
            "date",
            "place",
            "start_time",
            "talk_minutes",
            "break_minutes",
            "rounds",
            "tables",
            "max_talks",
            "what_to_bring",
            "cohorts",
        ]
        widgets = {
            "date": DateInput(),
            "start_time": TimeInput(),
            "what_to_bring": forms.Textarea(attrs={"rows": 2}),
            "cohorts": forms.CheckboxSelectMultiple(),
        }

    def __init__(self, *args, cohorts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohorts"].queryset = cohorts
        self.fields["cohorts"].help_text = _("Holders of a certificate of these cohorts are the default invitees.")


class InviteEmployersForm(forms.Form):
    employers = forms.ModelMultipleChoiceField(
        label=_("Employers"), queryset=Employer.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, employers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employers"].queryset = employers


class InvitationForm(forms.Form):
    status = forms.ChoiceField(label=_("Answer"), choices=InvitationStatus.choices)
    first_round = forms.IntegerField(label=_("From round"), min_value=1, required=False)
    last_round = forms.IntegerField(label=_("Until round"), min_value=1, required=False)
    seats = forms.IntegerField(label=_("Tables at once"), min_value=1, max_value=10, required=False)
    attended = forms.NullBooleanField(label=_("Came"), required=False)


class WishesForm(forms.Form):
    """The participant's wishes in order: one select per rank, empty ones ignored."""

    def __init__(self, *args, employers, ranks: int = 5, initial_ranked=(), **kwargs):
        super().__init__(*args, **kwargs)
        initial_ranked = list(initial_ranked)
        for rank in range(1, ranks + 1):
            self.fields[f"rank_{rank}"] = forms.ModelChoiceField(
                label=_("Wish %(rank)d") % {"rank": rank},
                queryset=employers,
                required=False,
                initial=initial_ranked[rank - 1] if rank <= len(initial_ranked) else None,
            )

    def ranked(self) -> list:
        return [v for k, v in sorted(self.cleaned_data.items(), key=lambda kv: int(kv[0].split("_")[1])) if v]

    def clean(self):
        data = super().clean()
        chosen = [v.pk for v in data.values() if v]
        if len(chosen) != len(set(chosen)):
            raise forms.ValidationError(_("Each employer can be named only once."))
        return data


class EmployerMarksForm(forms.Form):
    participants = forms.MultipleChoiceField(
        label=_("Participants the employer would like to meet"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].choices = choices


class MoveForm(forms.Form):
    round = forms.IntegerField(label=_("Round"), min_value=1)
    table = forms.IntegerField(label=_("Table"), min_value=1)
    accept_broken_rules = forms.BooleanField(
        label=_("Move anyway (the rules named above are broken on purpose)"), required=False
    )


class TalkResultForm(forms.Form):
    held = forms.BooleanField(required=False, initial=True)
    participant_interested = forms.NullBooleanField(required=False)
    employer_interested = forms.NullBooleanField(required=False)
    next_step = forms.ChoiceField(choices=[("", "—"), *NextStep.choices], required=False)
    next_step_date = forms.DateField(required=False, widget=DateInput())


class OutcomeForm(forms.Form):
    date = forms.DateField(label=_("As of"), widget=DateInput())
    kind = forms.ChoiceField(label=_("Situation"), choices=OutcomeKind.choices)
    unavailable_reason = forms.ChoiceField(
        label=_("Reason (not available)"), choices=[("", "—"), *UnavailableReason.choices], required=False
    )
    workplace = forms.ChoiceField(label=_("Where"), choices=[("", "—"), *Workplace.choices], required=False)
    hours_per_week = forms.IntegerField(label=_("Hours per week"), min_value=1, max_value=60, required=False)
    employer = forms.ModelChoiceField(label=_("Employer"), queryset=Employer.objects.none(), required=False)
    source = forms.ChoiceField(label=_("Source"), choices=OutcomeSource.choices)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)
    goals = forms.ModelMultipleChoiceField(
        label=_("Goals this closes"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, employers, goals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employer"].queryset = employers
        self.fields["goals"].queryset = goals


class FollowUpForm(forms.Form):
    """The start page's one-step answer: the situation, and the source."""

    enrolment = forms.IntegerField(widget=forms.HiddenInput)
    month = forms.IntegerField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(label=_("Situation"), choices=OutcomeKind.choices)
    source = forms.ChoiceField(label=_("Source"), choices=OutcomeSource.choices, initial=OutcomeSource.PARTICIPANT)
    unavailable_reason = forms.ChoiceField(
        label=_("Reason (not available)"), choices=[("", "—"), *UnavailableReason.choices], required=False
    )


class GoalForm(forms.Form):
    title = forms.CharField(label=_("Goal"), max_length=200)
    target_date = forms.DateField(label=_("Target date"), required=False, widget=DateInput())


class IntakeProfileForm(forms.ModelForm):
    class Meta:
        model = IntakeProfile
        fields = [
            "qualifications",
            "recognition_status",
            "experience_with_children",
            "interests",
            "german_level",
            "german_test_date",
            "hours_per_week",
            "family_times",
            "towns_without_car",
        ]
        widgets = {
            "qualifications": forms.Textarea(attrs={"rows": 2}),
            "experience_with_children": forms.Textarea(attrs={"rows": 2}),
            "interests": forms.Textarea(attrs={"rows": 2}),
            "german_test_date": DateInput(),
        }


class NextStepConfirmForm(forms.Form):
    kind = forms.ChoiceField(label=_("Situation"), choices=OutcomeKind.choices)
