"""The placements section of the cohort page as a django-tables2 table, its cells built in Python.

With a 200-person cohort, a template per row (with the progress bar included per row and three links
reversed per row) took a third of the cohort page's time; here the links are reversed once per table
(core.links) and the bar is a few lines of format_html.
"""

import django_tables2 as tables
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.dates import short_date
from core.links import pk_link
from core.tables import StableTable

from .models import PlacementStatus
from .prerequisites import planned_badge
from .progress import progress_bar


class CohortPlacementTable(StableTable):
    """Rows are placements.selectors.cohort_placement_rows: enrolment, summary (or None), status."""

    name = tables.Column(accessor="enrolment", verbose_name=_("Name"), orderable=False)
    facility = tables.Column(accessor="enrolment", verbose_name=_("Facility"), orderable=False)
    hours = tables.Column(
        accessor="enrolment", verbose_name=_("Hours"), orderable=False, attrs={"th": {"class": "hours-column"}}
    )
    status = tables.Column(accessor="enrolment", verbose_name=_("Status"), orderable=False)
    actions = tables.Column(
        accessor="enrolment", verbose_name="", orderable=False, attrs={"td": {"class": "text-nowrap"}}
    )

    class Meta:
        empty_text = _("Nobody is enrolled yet.")
        attrs = {"class": "table align-middle"}
        show_footer = False

    @cached_property
    def links(self) -> dict:
        return {"detail": pk_link("placements:placement_detail"), "create": pk_link("placements:placement_create")}

    def render_name(self, record):
        return record["enrolment"].participant.sortable_name

    def render_facility(self, record):
        summary = record["summary"]
        if summary is None:
            return format_html('<span class="text-muted">{}</span>', gettext("No placement yet."))
        return format_html(
            '{} <span class="small text-muted">({})</span><div class="small text-muted">{} – {}</div>',
            summary.facility_name,
            summary.facility_type_label,
            short_date(summary.start_date),
            short_date(summary.end_date),
        )

    def render_hours(self, record):
        summary = record["summary"]
        if summary is None:
            return ""
        return progress_bar(summary.confirmed_minutes, summary.pending_minutes, summary.required_minutes)

    def render_status(self, record):
        summary, status = record["summary"], record["status"]
        if summary is None:
            return ""
        if status == PlacementStatus.PLANNED:
            badge = planned_badge(summary.missing_prerequisites)
            if not summary.missing_prerequisites:
                return badge
            items = format_html_join("", "<li>{}</li>", ((item,) for item in summary.missing_prerequisites))
            return format_html('{}<ul class="small mb-0 ps-3">{}</ul>', badge, items)
        if status == PlacementStatus.ACTIVE:
            return format_html('<span class="badge text-bg-success">{}</span>', gettext("active"))
        return format_html('<span class="badge text-bg-secondary">{}</span>', gettext("did not start"))

    def render_actions(self, record):
        enrolment, summary = record["enrolment"], record["summary"]
        link = '<a class="btn btn-sm {}" href="{}">{}<span class="visually-hidden"> {}</span></a>'
        if summary is None:
            if enrolment.status == "withdrawn":
                return ""
            return format_html(
                link,
                "btn-primary",
                self.links["create"](enrolment.pk),
                gettext("Plan placement"),
                enrolment.participant.full_name,
            )
        html = format_html(
            link,
            "btn-outline-primary",
            self.links["detail"](summary.placement_id),
            gettext("Open"),
            enrolment.participant.full_name,
        )
        if record["status"] == PlacementStatus.CANCELLED and enrolment.status != "withdrawn":
            html += format_html(
                " " + link,
                "btn-outline-secondary",
                self.links["create"](enrolment.pk),
                gettext("New placement"),
                enrolment.participant.full_name,
            )
        return html
