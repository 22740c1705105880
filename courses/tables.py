import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.dates import short_date
from core.tables import ShortDateColumn, StableTable

from .models import Cohort, Enrolment, Participant

COHORT_BADGES = {"running": "text-bg-success", "planned": "text-bg-info", "finished": "text-bg-secondary"}
ENROLMENT_BADGES = {"active": "text-bg-success", "completed": "text-bg-primary", "withdrawn": "text-bg-warning"}


class CohortTable(StableTable):
    number = tables.LinkColumn("courses:cohort_detail", args=[tables.A("pk")], verbose_name=_("Cohort"))
    programme = tables.Column(accessor="programme__title", verbose_name=_("Programme"))
    site = tables.Column(accessor="site__name", verbose_name=_("Site"))
    start_date = ShortDateColumn()
    end_date = ShortDateColumn()
    taken_places = tables.Column(verbose_name=_("Enrolled"), attrs={"td": {"class": "text-end"}})
    capacity = tables.Column(attrs={"td": {"class": "text-end"}})
    status = tables.Column(verbose_name=_("Status"))

    class Meta:
        model = Cohort
        fields = ("number", "programme", "site", "start_date", "end_date", "taken_places", "capacity", "status")
        order_by = ("-start_date",)
        empty_text = _("No cohorts match these filters.")

    # Cells are built in Python, not with a template per cell: a template render per row costs about a
    # millisecond with all context processors, which adds up on long lists.
    def render_status(self, record):
        return format_html(
            '<span class="badge {}">{}</span>', COHORT_BADGES.get(record.status, ""), record.get_status_display()
        )


class RosterTable(StableTable):
    name = tables.LinkColumn(
        "courses:participant_detail",
        args=[tables.A("participant_id")],
        accessor="participant__sortable_name",
        order_by=("participant__name_key",),
        verbose_name=_("Name"),
    )
    date_of_birth = ShortDateColumn(accessor="participant__date_of_birth", verbose_name=_("Date of birth"))
    german_level = tables.Column(accessor="participant__german_level", verbose_name=_("German"))
    customer_number = tables.Column(accessor="participant__jobcenter_customer_number", verbose_name=_("Customer no."))
    enrolled_on = ShortDateColumn(verbose_name=_("Entry date"))
    status = tables.Column(verbose_name=_("Status"))
    actions = tables.Column(verbose_name="", orderable=False, empty_values=(), accessor="pk")

    class Meta:
        model = Enrolment
        fields = ("name", "date_of_birth", "german_level", "customer_number", "enrolled_on", "status", "actions")
        empty_text = _("Nobody is enrolled yet.")

    def render_status(self, record):
        badge = format_html(
            '<span class="badge {}">{}</span>', ENROLMENT_BADGES.get(record.status, ""), record.get_status_display()
        )
        if record.withdrawn_on:
            return format_html('{} <span class="small">{}</span>', badge, short_date(record.withdrawn_on))
        return badge

    def render_actions(self, record):
        user = getattr(self.request, "user", None)
        if record.status != "active" or user is None or not user.has_perm("courses.withdraw_enrolment", record):
            return ""
        link = '<a class="btn btn-sm {}" href="{}">{}<span class="visually-hidden"> {}</span></a>'
        return format_html(
            '<div class="d-flex flex-wrap gap-1">{}{}</div>',
            format_html(
                link,
                "btn-outline-secondary",
                reverse("courses:entry_date", args=[record.pk]),
                _("Change entry date"),
                record.participant.full_name,
            ),
            format_html(
                link,
                "btn-outline-danger",
                reverse("courses:withdraw", args=[record.pk]),
                _("Withdraw"),
                record.participant.full_name,
            ),
        )


class ParticipantTable(StableTable):
    name = tables.LinkColumn(
        "courses:participant_detail",
        args=[tables.A("pk")],
        accessor="sortable_name",
        order_by=("name_key",),
        verbose_name=_("Name"),
    )
    date_of_birth = ShortDateColumn()
    german_level = tables.Column(verbose_name=_("German"))
    jobcenter_customer_number = tables.Column(verbose_name=_("Customer no."))

    class Meta:
        model = Participant
        fields = ("name", "date_of_birth", "german_level", "jobcenter_customer_number")
        order_by = ("name",)
        empty_text = _("No participants found.")
