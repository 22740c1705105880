"""Forms of the teaching part: planning sessions, the register, the month of an absence report."""

import datetime

from django import forms
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.html.register import register_rows

from .forms import DateField, DateInput
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
        field_classes = {"date": DateField}

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
    first_date = DateField(label=_("From"))
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


_CODE_COLOURS = {AttendanceStatus.PRESENT: "success", AttendanceStatus.UNEXCUSED: "danger"}


class RegisterForm(forms.Form):
    """One row per person on the roster: code, minutes late, minutes left early, note.

    Fields are named ``<kind>-<enrolment id>`` so the whole roster is one form and one submit.

    A roster of 200 people is 800 fields; building 800 field objects and rendering the rows through the
    template engine was most of the register page's time (docs/benchmarks.md), so every row shares the same
    four field objects (they only validate; each row's starting values are in ``self.initial``) and the rows
    are written out by ``core.html.register.register_rows`` instead of a template loop over BoundFields."""

    def __init__(self, *args, session: TeachingSession, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session
        self.rows = list(rows)
        status = forms.ChoiceField(label=_("Attendance"), choices=AttendanceStatus.choices, widget=forms.RadioSelect)
        late = forms.IntegerField(label=_("Minutes late"), min_value=0, max_value=999, required=False)
        early = forms.IntegerField(label=_("Minutes left early"), min_value=0, max_value=999, required=False)
        note = forms.CharField(label=_("Note"), max_length=200, required=False)
        for enrolment, record in self.rows:
            pk = enrolment.pk
            self.fields[f"status-{pk}"] = status
            self.fields[f"late-{pk}"] = late
            self.fields[f"early-{pk}"] = early
            self.fields[f"note-{pk}"] = note
            # setdefault: initial values handed to the form still win, as they do over a field's initial.
            self.initial.setdefault(f"status-{pk}", record.status if record else AttendanceStatus.PRESENT)
            self.initial.setdefault(f"late-{pk}", (record.late_minutes or None) if record else None)
            self.initial.setdefault(f"early-{pk}", (record.early_minutes or None) if record else None)
            self.initial.setdefault(f"note-{pk}", record.note if record else "")

    def html_rows(self):
        """For the template: one ``<fieldset>`` per person, with the names, ids, labels and error texts that
        rendering each BoundField would give (once bound, what was typed is shown again)."""
        # Translated once per page (gettext, not the lazy kind: a lazy text is translated again each time it
        # is formatted).
        words = {
            "group": gettext("Attendance of %(name)s"),
            "late": gettext("Late (min)"),
            "early": gettext("Early (min)"),
            "note": gettext("Note"),
        }
        return register_rows(
            self, choices=AttendanceStatus.choices, colours=_CODE_COLOURS, present=AttendanceStatus.PRESENT, words=words
        )

    def shown_value(self, name):
        # What BoundField.value() gives for these widgets: the submitted text once bound, else the initial.
        value = self.data.get(name) if self.is_bound else self.initial.get(name)
        return "" if value is None else value

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
