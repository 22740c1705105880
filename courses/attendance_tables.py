"""django-tables2 tables of the teaching part."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from core.tables import CellTemplateColumn

from .models import AttendanceCorrection, AttendanceRecord, TeachingSession


class SessionTable(tables.Table):
    date = tables.DateColumn(short=True, verbose_name=_("Date"))
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


class CorrectionTable(tables.Table):
    changed_at = tables.DateTimeColumn(short=True, verbose_name=_("Changed at"))
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


class EnrolmentAttendanceTable(tables.Table):
    date = tables.DateColumn(accessor="session__date", short=True, verbose_name=_("Date"))
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


class AbsenceReportTable(tables.Table):
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
        "{{ record.attended_units }} / {{ record.held_units }}",
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


def matrix_table(rows, modules, request=None):
    """Participants × modules. The modules are columns added at run time (a cohort's programme decides)."""
    extra = [
        (
            f"module_{module.pk}",
            CellTemplateColumn(
                template_name="courses/attendance/_progress_cell.html",
                accessor=tables.A(f"progress__{index}"),
                verbose_name=f"{module.position}. {module.title}",
                orderable=False,
                extra_context={"module": module},
            ),
        )
        for index, module in enumerate(modules)
    ]
    table = MatrixTable(rows, extra_columns=extra, request=request)
    return table


class MatrixTable(tables.Table):
    name = CellTemplateColumn(
        template_name="courses/attendance/_matrix_name.html",
        accessor=tables.A("enrolment"),
        verbose_name=_("Participant"),
        orderable=False,
    )

    class Meta:
        orderable = False
        empty_text = _("Nobody is enrolled yet.")
        attrs = {"class": "table table-sm align-middle attendance-matrix"}
