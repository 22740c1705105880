"""Forms of the teaching part: planning sessions, the register, the month of an absence report."""

import datetime

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from .forms import DateInput
from .models import AttendanceStatus, Module, TeachingSession
from .services import AttendanceEntry


class TimeInput(forms.TimeInput):
    """The browser's time picker (24 h in a German locale), typed as HH:MM."""

    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


class SessionForm(forms.ModelForm):
    class Meta:
        model = TeachingSession
        fields = ["module", "date", "start_time", "end_time", "units", "topic", "trainer"]
        widgets = {"date": DateInput(), "start_time": TimeInput(), "end_time": TimeInput()}

    def __init__(self, *args, cohort, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module"].queryset = Module.objects.filter(programme_id=cohort.programme_id).order_by("position")

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The session must end after it starts."))
        return data

    def _post_clean(self):
        # Dates, overlaps and units are checked by the service, with the other sessions locked.
        pass


def _weekday_choices():
    # Localised day names (Montag, Dienstag, ...) via Django's date formatting of a known week.
    monday = datetime.date(2024, 1, 1)
    return [(i, formats.date_format(monday + datetime.timedelta(days=i), "l")) for i in range(6)]


class SessionSeriesForm(forms.Form):
    module = forms.ModelChoiceField(label=_("Module"), queryset=Module.objects.none())
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Weekdays"), choices=_weekday_choices, coerce=int, widget=forms.CheckboxSelectMultiple
    )
    start_time = forms.TimeField(label=_("Start"), widget=TimeInput())
    end_time = forms.TimeField(label=_("End"), widget=TimeInput())
    units = forms.IntegerField(
        label=_("Teaching units per session"), min_value=1, max_value=12, help_text=_("Teaching units of 45 minutes.")
    )
    first_date = forms.DateField(label=_("From"), widget=DateInput())
    weeks = forms.IntegerField(label=_("Number of weeks"), min_value=1, max_value=60, initial=18)
    stop_when_planned = forms.BooleanField(
        label=_("Stop when the module's planned units are reached"), required=False, initial=True
    )
    topic = forms.CharField(label=_("Topic"), max_length=200, required=False)
    trainer = forms.CharField(label=_("Trainer"), max_length=150, required=False)

    def __init__(self, *args, cohort, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module"].queryset = Module.objects.filter(programme_id=cohort.programme_id).order_by("position")
        self.fields["first_date"].initial = cohort.start_date

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The session must end after it starts."))
        return data


class RegisterForm(forms.Form):
    """One row per person on the roster: code, minutes late, minutes left early, note.

    Fields are named ``<kind>-<enrolment id>`` so the whole roster is one form and one submit."""

    def __init__(self, *args, session: TeachingSession, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session
        self.rows = []
        for enrolment, record in rows:
            pk = enrolment.pk
            self.fields[f"status-{pk}"] = forms.ChoiceField(
                label=_("Attendance"),
                choices=AttendanceStatus.choices,
                initial=record.status if record else AttendanceStatus.PRESENT,
                widget=forms.RadioSelect,
            )
            self.fields[f"late-{pk}"] = forms.IntegerField(
                label=_("Minutes late"),
                min_value=0,
                max_value=999,
                required=False,
                initial=(record.late_minutes or None) if record else None,
            )
            self.fields[f"early-{pk}"] = forms.IntegerField(
                label=_("Minutes left early"),
                min_value=0,
                max_value=999,
                required=False,
                initial=(record.early_minutes or None) if record else None,
            )
            self.fields[f"note-{pk}"] = forms.CharField(
                label=_("Note"), max_length=200, required=False, initial=record.note if record else ""
            )
            self.rows.append((enrolment, record))

    def bound_rows(self):
        """For the template: (enrolment, record, status, late, early, note) per person."""
        for enrolment, record in self.rows:
            pk = enrolment.pk
            yield (
                enrolment,
                record,
                self[f"status-{pk}"],
                self[f"late-{pk}"],
                self[f"early-{pk}"],
                self[f"note-{pk}"],
            )

    def clean(self):
        data = super().clean()
        duration = self.session.duration_minutes
        for enrolment, _record in self.rows:
            pk = enrolment.pk
            status = data.get(f"status-{pk}")
            late, early = data.get(f"late-{pk}") or 0, data.get(f"early-{pk}") or 0
            if status and status != AttendanceStatus.PRESENT and (late or early):
                self.add_error(
                    f"late-{pk}" if late else f"early-{pk}",
                    _("Minutes only apply to someone present; clear them or choose “present”."),
                )
            elif late + early >= duration:
                self.add_error(
                    f"late-{pk}" if late else f"early-{pk}",
                    _("Not less than the session's %(minutes)d minutes: record an absence instead.")
                    % {"minutes": duration},
                )
        return data

    def entries(self) -> list[AttendanceEntry]:
        data = self.cleaned_data
        return [
            AttendanceEntry(
                enrolment_id=enrolment.pk,
                status=data[f"status-{enrolment.pk}"],
                late_minutes=data.get(f"late-{enrolment.pk}") or 0,
                early_minutes=data.get(f"early-{enrolment.pk}") or 0,
                note=data.get(f"note-{enrolment.pk}") or "",
            )
            for enrolment, _record in self.rows
        ]


class ReportMonthForm(forms.Form):
    month = forms.ChoiceField(label=_("Month"))

    def __init__(self, *args, months: list[tuple[int, int]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["month"].choices = [(f"{y}-{m:02d}", f"{m:02d}/{y}") for y, m in months]
        if months:
            self.fields["month"].initial = f"{months[0][0]}-{months[0][1]:02d}"

    def year_month(self) -> tuple[int, int] | None:
        if not self.is_valid():
            return None
        year, month = self.cleaned_data["month"].split("-")
        return int(year), int(month)
