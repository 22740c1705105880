"""django-tables2 tables of the teaching part."""

import django_tables2 as tables
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.html import fill
from core.html.progress import module_progress_html
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


# The matrix draws a progress bar in every cell, so its cells are written in Python (core.html.progress), not
# with a template per cell. It is the only drawing of the bar: the participant's own pages use it through
# {% attendance_progress %}.
_PROGRESS_WORDS = {
    "met": _("minimum met"),
    "on_track": _("on track"),
    "at_risk": _("at risk"),
    "missed": _("minimum no longer reachable"),
    "units": _("units"),
    "unrecorded": _("%(units)s units not yet recorded"),
}


def progress_bar_html(progress: ModuleProgress) -> str:
    return module_progress_html(progress, words=_PROGRESS_WORDS)


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
            badge = fill('<div><span class="badge text-bg-secondary">{word}</span></div>', word=gettext("withdrawn"))
        elif record["at_risk"]:
            badge = fill('<div><span class="badge text-bg-danger">{word}</span></div>', word=gettext("at risk"))
        return fill(
            '<a href="{url}">{name}</a>{badge}',
            url=self.attendance_link(enrolment.pk),
            name=enrolment.participant.sortable_name,
            badge=badge,
        )
