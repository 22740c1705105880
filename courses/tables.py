import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from .models import Cohort, Enrolment, Participant


class CohortTable(tables.Table):
    number = tables.LinkColumn("courses:cohort_detail", args=[tables.A("pk")], verbose_name=_("Run"))
    programme = tables.Column(accessor="programme__title", verbose_name=_("Programme"))
    site = tables.Column(accessor="site__name", verbose_name=_("Site"))
    start_date = tables.DateColumn(short=True)
    end_date = tables.DateColumn(short=True)
    taken_places = tables.Column(verbose_name=_("Enrolled"), attrs={"td": {"class": "text-end"}})
    capacity = tables.Column(attrs={"td": {"class": "text-end"}})
    status = tables.TemplateColumn(
        template_name="courses/_cohort_status_badge.html", verbose_name=_("Status"), order_by=("status",)
    )

    class Meta:
        model = Cohort
        fields = ("number", "programme", "site", "start_date", "end_date", "taken_places", "capacity", "status")
        order_by = ("-start_date",)
        empty_text = _("No cohorts match these filters.")


class RosterTable(tables.Table):
    name = tables.LinkColumn(
        "courses:participant_detail",
        args=[tables.A("participant_id")],
        accessor="participant__sortable_name",
        order_by=("participant__name_key",),
        verbose_name=_("Name"),
    )
    date_of_birth = tables.DateColumn(
        accessor="participant__date_of_birth", short=True, verbose_name=_("Date of birth")
    )
    german_level = tables.Column(accessor="participant__german_level", verbose_name=_("German"))
    customer_number = tables.Column(accessor="participant__jobcenter_customer_number", verbose_name=_("Customer no."))
    status = tables.TemplateColumn(
        template_name="courses/_enrolment_status.html", verbose_name=_("Status"), order_by=("status",)
    )
    actions = tables.TemplateColumn(template_name="courses/_enrolment_actions.html", verbose_name="", orderable=False)

    class Meta:
        model = Enrolment
        fields = ("name", "date_of_birth", "german_level", "customer_number", "status", "actions")
        empty_text = _("Nobody is enrolled yet.")


class ParticipantTable(tables.Table):
    name = tables.LinkColumn(
        "courses:participant_detail",
        args=[tables.A("pk")],
        accessor="sortable_name",
        order_by=("name_key",),
        verbose_name=_("Name"),
    )
    date_of_birth = tables.DateColumn(short=True)
    german_level = tables.Column(verbose_name=_("German"))
    jobcenter_customer_number = tables.Column(verbose_name=_("Customer no."))

    class Meta:
        model = Participant
        fields = ("name", "date_of_birth", "german_level", "jobcenter_customer_number")
        order_by = ("name",)
        empty_text = _("No participants found.")
