import django_tables2 as tables
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.links import pk_link
from core.tables import CellTemplateColumn, ShortDateTimeColumn, StableTable


class CohortOverviewTable(StableTable):
    """One row per participant: checklist result and current certificate (rows are selectors.CohortRow).

    The cells are built in Python rather than with a template per cell: with 200 participants the
    templates took two thirds of the page's time (docs/benchmarks.md)."""

    name = tables.Column(accessor="enrolment", verbose_name=_("Name"), orderable=False)
    requirements = tables.Column(accessor="eligibility", verbose_name=_("Requirements"), orderable=False)
    certificate = tables.Column(accessor="enrolment", verbose_name=_("Certificate"), orderable=False, empty_values=())

    class Meta:
        empty_text = _("Nobody is enrolled yet.")
        attrs = {"class": "table align-middle"}

    @cached_property
    def links(self) -> dict:
        return {
            "enrolment": pk_link("certificates:enrolment"),
            "detail": pk_link("certificates:detail"),
            "download": pk_link("certificates:download"),
            "issue": pk_link("certificates:issue"),
        }

    def render_name(self, record):
        return format_html(
            '<a href="{}">{}</a>',
            self.links["enrolment"](record.enrolment.pk),
            record.enrolment.participant.sortable_name,
        )

    def render_requirements(self, record):
        eligibility = record.eligibility
        if eligibility.eligible:
            return format_html('<span class="badge text-bg-success">{}</span>', gettext("all met"))
        badge = gettext("%(met)s of %(total)s met") % {"met": eligibility.met_count, "total": len(eligibility.items)}
        missing = format_html_join(
            "", '<li><span class="fw-semibold">{}</span> – {}</li>', ((i.label, i.detail) for i in eligibility.missing)
        )
        return format_html(
            '<span class="badge text-bg-warning">{}</span>\n<ul class="small mb-0 mt-1 ps-3">{}</ul>', badge, missing
        )

    def render_certificate(self, record):
        certificate = record.certificate
        if certificate is not None:
            return format_html(
                '<a href="{}">{}</a>\n <a class="btn btn-sm btn-outline-secondary ms-1" href="{}?download=1">{}'
                '<span class="visually-hidden"> {}</span></a>',
                self.links["detail"](certificate.pk),
                certificate.number,
                self.links["download"](certificate.pk),
                gettext("PDF"),
                certificate.number,
            )
        if record.eligibility.eligible:
            return format_html(
                '<a class="btn btn-sm btn-primary" href="{}">{}<span class="visually-hidden"> – {}</span></a>',
                self.links["issue"](record.enrolment.pk),
                gettext("Issue"),
                record.enrolment.participant.full_name,
            )
        return mark_safe('<span class="text-muted">–</span>')


class HistoryTable(StableTable):
    number = CellTemplateColumn(
        template_name="certificates/_history_number.html", verbose_name=_("Number"), orderable=False
    )
    status = CellTemplateColumn(
        template_name="certificates/_status_badge.html",
        extra_context={},
        verbose_name=_("Status"),
        orderable=False,
    )
    issued_at = ShortDateTimeColumn(verbose_name=_("Issued"), orderable=False)
    issued_by = tables.Column(verbose_name=_("Issued by"), orderable=False)
    language = tables.Column(verbose_name=_("Language"), orderable=False)
    note = CellTemplateColumn(
        template_name="certificates/_history_note.html", verbose_name=_("Note"), orderable=False, empty_values=()
    )

    class Meta:
        empty_text = _("No certificate has been issued yet.")
