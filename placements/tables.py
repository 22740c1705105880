import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from core.tables import CellTemplateColumn, ShortDateColumn, StableTable

from .models import Facility, HourEntry, Placement
from .progress import progress_bar


class FacilityTable(StableTable):
    name = tables.LinkColumn("placements:facility_detail", args=[tables.A("pk")], verbose_name=_("Name"))
    facility_type = tables.Column(verbose_name=_("Type"))
    provider = tables.Column(verbose_name=_("Provider (Träger)"))
    supervisor_names = tables.Column(verbose_name=_("Supervisors"), orderable=False, empty_values=())

    class Meta:
        model = Facility
        fields = ("name", "facility_type", "provider", "supervisor_names")
        order_by = ("name",)
        empty_text = _("No facilities yet.")

    def render_supervisor_names(self, record):
        return ", ".join(u.get_full_name() or u.username for u in record.supervisors.all()) or "–"


class PlacementTable(StableTable):
    participant = tables.LinkColumn(
        "placements:placement_detail",
        args=[tables.A("pk")],
        accessor="enrolment__participant__sortable_name",
        order_by=("enrolment__participant__name_key",),
        verbose_name=_("Participant"),
    )
    cohort = tables.Column(accessor="enrolment__cohort__number", verbose_name=_("Cohort"))
    facility = tables.Column(accessor="facility__name", verbose_name=_("Facility"))
    start_date = ShortDateColumn(verbose_name=_("Start"))
    end_date = ShortDateColumn(verbose_name=_("End"))
    progress = tables.Column(verbose_name=_("Hours"), orderable=False, empty_values=(), accessor="pk")
    status = CellTemplateColumn(
        template_name="placements/_status_badge.html", verbose_name=_("Status"), order_by=("status",)
    )

    class Meta:
        model = Placement
        fields = ("participant", "cohort", "facility", "start_date", "end_date", "progress", "status")
        # Latest start first, like the cohort list: staff look for current and coming placements, not 2022's.
        order_by = ("-start_date",)
        empty_text = _("No placements match these filters.")

    def render_progress(self, record):
        return progress_bar(record.confirmed_minutes, record.pending_minutes, record.planned_minutes)


class HourEntryTable(StableTable):
    date = ShortDateColumn(verbose_name=_("Date"))
    time = CellTemplateColumn(
        "{{ record.start_time|time:'H:i' }}–{{ record.end_time|time:'H:i' }}", verbose_name=_("Time"), orderable=False
    )
    break_minutes = tables.Column(verbose_name=_("Break (min)"), attrs={"td": {"class": "text-end"}})
    work = CellTemplateColumn(
        "{% load ui %}{{ record.work_minutes|hours }} h",
        verbose_name=_("Work"),
        order_by=("work_minutes",),
        attrs={"td": {"class": "text-end"}},
    )
    activity = tables.Column(verbose_name=_("Activity"))
    status = CellTemplateColumn(
        template_name="placements/_entry_status.html", verbose_name=_("Status"), order_by=("status",)
    )
    actions = CellTemplateColumn(template_name="placements/_entry_actions.html", verbose_name="", orderable=False)

    class Meta:
        model = HourEntry
        fields = ("date", "time", "break_minutes", "work", "activity", "status", "actions")
        order_by = ("-date",)
        empty_text = _("No hours recorded yet.")
