"""django-tables2 tables of the teaching part."""

import html
from decimal import Decimal

import django_tables2 as tables
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.links import pk_link
from core.numbers import decimal_text
from core.tables import CellTemplateColumn, ShortDateColumn, ShortDateTimeColumn, StableTable

from .models import AttendanceCorrection, AttendanceRecord, TeachingSession
from .selectors import ModuleProgress


class SessionTable(StableTable):
    date = ShortDateColumn(verbose_name=_("Date"))
    time = CellTemplateColumn(
        "{{ record.start_time|time:'H:i' }}–{{ record.end_time|time:'H:i' }}",
        accessor="pk",
        verbose_name=_("Time"),
        order_by=("date", "start_time"),
    )
    module = tables.Column(accessor="module__title", verbose_name=_("Module"), order_by=("module__position",))
    topic = tables.Column(verbose_name=_("Topic"))
    trainer = tables.Column(verbose_name=_("Trainer"))
    units = tables.Column(verbose_name=_("Units"), attrs={"td": {"class": "text-end"}})
    register = CellTemplateColumn(
        template_name="courses/attendance/_session_register_cell.html",
        accessor="pk",
        verbose_name=_("Register"),
        order_by=("recorded",),
    )
    actions = CellTemplateColumn(
        template_name="courses/attendance/_session_actions.html", accessor="pk", verbose_name="", orderable=False
    )

    class Meta:
        model = TeachingSession
        fields = ("date", "time", "module", "topic", "trainer", "units", "register", "actions")
        order_by = ("date",)
        empty_text = _("No sessions are planned yet.")


class CorrectionTable(StableTable):
    changed_at = ShortDateTimeColumn(verbose_name=_("Changed at"))
    changed_by = tables.Column(verbose_name=_("Changed by"), default="–")
    participant = tables.Column(
        accessor="record__enrolment__participant__sortable_name", verbose_name=_("Participant"), orderable=False
    )
    change = CellTemplateColumn(
        template_name="courses/attendance/_correction_change.html",
        accessor="pk",
        verbose_name=_("Change"),
        orderable=False,
    )

    class Meta:
        model = AttendanceCorrection
        fields = ("changed_at", "changed_by", "participant", "change")
        orderable = False
        empty_text = _("No corrections.")


class EnrolmentAttendanceTable(StableTable):
    date = ShortDateColumn(accessor="session__date", verbose_name=_("Date"))
    time = CellTemplateColumn(
        "{{ record.session.start_time|time:'H:i' }}–{{ record.session.end_time|time:'H:i' }}",
        accessor="pk",
        verbose_name=_("Time"),
        orderable=False,
    )
    module = tables.Column(accessor="session__module__title", verbose_name=_("Module"))
    status = CellTemplateColumn(
        template_name="courses/attendance/_status_badge.html", verbose_name=_("Attendance"), orderable=False
    )
    minutes = CellTemplateColumn(
        template_name="courses/attendance/_minutes_cell.html",
        accessor="pk",
        verbose_name=_("Late / left early"),
        orderable=False,
    )
    attended_units = tables.Column(verbose_name=_("Units credited"), attrs={"td": {"class": "text-end"}})

    class Meta:
        model = AttendanceRecord
        fields = ("date", "time", "module", "status", "minutes", "attended_units")
        orderable = False
        empty_text = _("No attendance recorded yet.")

    def render_attended_units(self, value):
        return decimal_text(value, 1)


class AbsenceReportTable(StableTable):
    """One row per participant of the month; the data are ``courses.reports.AbsenceRow`` objects."""

    name = tables.Column(verbose_name=_("Name"))
    customer_number = tables.Column(verbose_name=_("Customer no."), default="–")
    days = CellTemplateColumn(
        template_name="courses/attendance/_absence_days.html", verbose_name=_("Absence days"), orderable=False
    )
    e = tables.Column(accessor="totals__E", verbose_name="E", attrs={"td": {"class": "text-end"}})
    k = tables.Column(accessor="totals__K", verbose_name="K", attrs={"td": {"class": "text-end"}})
    ue = tables.Column(accessor="totals__UE", verbose_name="UE", attrs={"td": {"class": "text-end"}})
    attended = CellTemplateColumn(
        "{% load ui %}{{ record.attended_units|decimal }} / {{ record.held_units|decimal }}",
        accessor="enrolment_id",
        verbose_name=_("Units attended / held"),
    )
    actions = CellTemplateColumn(
        template_name="courses/attendance/_absence_actions.html",
        accessor="enrolment_id",
        verbose_name="",
        orderable=False,
    )

    class Meta:
        orderable = False
        empty_text = _("Nobody was enrolled in this month.")


# The matrix draws a progress bar in every cell, so its cells are built in Python, not with a template per
# cell (about a quarter of a millisecond each with an include and three floatformats). It is the only
# drawing of the bar: the participant's own pages use it through {% attendance_progress %}.
_BAR_CLASSES = {"met": "bg-success", "on_track": "bg-success", "at_risk": "bg-warning"}
_STATE_CLASSES = {"missed": "text-danger fw-semibold", "at_risk": "text-warning-emphasis fw-semibold"}
_STATE_WORDS = {
    "met": _("minimum met"),
    "on_track": _("on track"),
    "at_risk": _("at risk"),
    "missed": _("minimum no longer reachable"),
}
# Outside the f-string below: xgettext does not look inside f-string expressions.
_UNITS = _("units")
_UNRECORDED = _("%(units)s units not yet recorded")


def _decimal(value: Decimal, places: int) -> str:
    # floatformat's general parsing was most of a cell's time; core.numbers.decimal_text shows the same.
    return decimal_text(value, places)


def progress_bar_html(progress: ModuleProgress) -> str:
    """One module's progress bar and state in words, written with an f-string: only the title and the
    translated words need escaping, the rest are numbers."""
    state = progress.state
    rate = progress.rate_percent
    absences = progress.absences
    counts = ""
    if absences["E"] or absences["K"] or absences["UE"]:
        counts = f" · E {absences['E']} K {absences['K']} UE {absences['UE']}"
    if progress.unrecorded_units:
        pending = html.escape(str(_UNRECORDED) % {"units": _decimal(progress.unrecorded_units, 1)})
        counts += f'<br><span class="text-muted">{pending}</span>'
    return SafeString(
        '<div class="d-flex align-items-center gap-2">'
        f'<div class="progress flex-grow-1 progress-min" role="progressbar" aria-label="{html.escape(progress.title)}"'
        f' aria-valuenow="{_decimal(rate, 0)}" aria-valuemin="0" aria-valuemax="100">'
        f'<div class="progress-bar {_BAR_CLASSES.get(state, "bg-danger")} pct-{min(100, max(0, round(rate)))}">'
        "</div></div>"
        f'<span class="small text-nowrap">{_decimal(rate, 1)} %</span></div>'
        f'<div class="small {_STATE_CLASSES.get(state, "text-muted")}">{html.escape(str(_STATE_WORDS[state]))}'
        f" · {_decimal(progress.attended_units, 1)}/{progress.planned_units} {html.escape(str(_UNITS))}{counts}"
        "</div>"
    )


class ProgressColumn(tables.Column):
    """One module's column of the matrix: the participant's progress bar (a ModuleProgress)."""

    empty_values = ()

    def render(self, value):
        return progress_bar_html(value) if value else ""


def matrix_table(rows, modules, request=None):
    """Participants × modules. The modules are columns added at run time (a cohort's programme decides)."""
    extra = [
        (
            f"module_{module.pk}",
            ProgressColumn(
                accessor=tables.A(f"progress__{index}"),
                verbose_name=f"{module.position}. {module.title}",
                orderable=False,
            ),
        )
        for index, module in enumerate(modules)
    ]
    table = MatrixTable(rows, extra_columns=extra, request=request)
    return table


class MatrixTable(StableTable):
    name = tables.Column(accessor=tables.A("enrolment"), verbose_name=_("Participant"), orderable=False)

    class Meta:
        orderable = False
        empty_text = _("Nobody is enrolled yet.")
        attrs = {"class": "table table-sm align-middle attendance-matrix"}

    @cached_property
    def attendance_link(self):
        return pk_link("courses:enrolment_attendance")

    def render_name(self, record):
        enrolment = record["enrolment"]
        badge = ""
        if record["withdrawn"]:
            badge = format_html('<div><span class="badge text-bg-secondary">{}</span></div>', gettext("withdrawn"))
        elif record["at_risk"]:
            badge = format_html('<div><span class="badge text-bg-danger">{}</span></div>', gettext("at risk"))
        return format_html(
            '<a href="{}">{}</a>{}',
            self.attendance_link(enrolment.pk),
            enrolment.participant.sortable_name,
            badge,
        )
