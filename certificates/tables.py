import django_tables2 as tables
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_tables2.data import TableData

from core.dates import short_date
from core.links import pk_link
from core.tables import CellTemplateColumn, ShortDateTimeColumn, StableTable
from courses.selectors import cohort_people

from . import selectors


class CohortOverviewRows(TableData):
    """The overview's rows in roster order, each worked out (checklist, documents) only when its page is
    shown: the table asks for the length (the cohort's people) and then for one page's slice."""

    def __init__(self, cohort):
        self.cohort = cohort
        super().__init__(cohort_people(cohort))

    def __len__(self):
        return len(self.data)

    def __getitem__(self, key):
        if isinstance(key, slice):
            return selectors.cohort_overview(self.cohort, list(self.data[key]))
        return selectors.cohort_overview(self.cohort, [self.data[key]])[0]

    def __iter__(self):
        return iter(self[:])


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
            "issue_attendance": pk_link("certificates:issue_attendance"),
            "issue_again": pk_link("certificates:issue_again"),
        }

    def render_name(self, record):
        return format_html(
            '<a href="{}">{}</a>',
            self.links["enrolment"](record.enrolment.pk),
            record.enrolment.participant.sortable_name,
        )

    def render_requirements(self, record):
        """All met, or the one or two facts that stand in the way in plain words (with the module's name);
        a revocation that still stands says so, with its reason, before anything else."""
        if record.revoked is not None and record.certificate is None:
            return format_html(
                '<span class="badge text-bg-danger">{}</span>\n<div class="small mt-1">{}</div>',
                gettext("revoked"),
                gettext("%(number)s was revoked on %(date)s: %(reason)s")
                % {
                    "number": record.revoked.number,
                    "date": short_date(record.revoked.revoked_at),
                    "reason": record.revoked.revocation_reason,
                },
            )
        eligibility = record.eligibility
        if eligibility.eligible:
            return format_html('<span class="badge text-bg-success">{}</span>', gettext("all met"))
        badge = gettext("%(met)s of %(total)s met") % {"met": eligibility.met_count, "total": len(eligibility.items)}
        facts = format_html_join("", "<li>{}</li>", ((fact,) for fact in eligibility.obstacles()))
        return format_html(
            '<span class="badge text-bg-warning">{}</span>\n<ul class="small mb-0 mt-1 ps-3">{}</ul>', badge, facts
        )

    def render_certificate(self, record):
        name = record.enrolment.participant.full_name
        parts = []
        certificate = record.certificate
        if certificate is not None:
            parts.append(
                format_html(
                    '<a href="{}">{}</a>\n <a class="btn btn-sm btn-outline-secondary ms-1" href="{}?download=1">{}'
                    '<span class="visually-hidden"> {}</span></a>',
                    self.links["detail"](certificate.pk),
                    certificate.number,
                    self.links["download"](certificate.pk),
                    gettext("PDF"),
                    certificate.number,
                )
            )
        elif record.revoked is not None:
            parts.append(
                format_html(
                    '<a href="{}"><s>{}</s></a>\n <a class="btn btn-sm btn-outline-secondary ms-1" href="{}">{}'
                    '<span class="visually-hidden"> – {}</span></a>',
                    self.links["detail"](record.revoked.pk),
                    record.revoked.number,
                    self.links["issue_again"](record.revoked.pk),
                    gettext("Issue again"),
                    name,
                )
            )
        elif record.eligibility.eligible:
            parts.append(
                format_html(
                    '<a class="btn btn-sm btn-primary" href="{}">{}<span class="visually-hidden"> – {}</span></a>',
                    self.links["issue"](record.enrolment.pk),
                    gettext("Issue"),
                    name,
                )
            )
        attendance = record.attendance
        if attendance is not None:
            parts.append(
                format_html(
                    '<div class="small mt-1">{} <a href="{}">{}</a></div>',
                    gettext("Certificate of attendance"),
                    self.links["detail"](attendance.pk),
                    attendance.number,
                )
            )
        elif certificate is None and not record.eligibility.eligible:
            parts.append(
                format_html(
                    '<a class="btn btn-sm btn-outline-primary mt-1" href="{}">{}<span class="visually-hidden"> – {}'
                    "</span></a>",
                    self.links["issue_attendance"](record.enrolment.pk),
                    gettext("Certificate of attendance"),
                    name,
                )
            )
        if not parts:
            return mark_safe('<span class="text-muted">–</span>')
        return mark_safe("\n".join(parts))


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
    kind = tables.Column(verbose_name=_("Document"), orderable=False)
    issued_at = ShortDateTimeColumn(verbose_name=_("Issued"), orderable=False)
    issued_by = tables.Column(verbose_name=_("Issued by"), orderable=False)
    language = tables.Column(verbose_name=_("Language"), orderable=False)
    note = CellTemplateColumn(
        template_name="certificates/_history_note.html", verbose_name=_("Note"), orderable=False, empty_values=()
    )

    class Meta:
        empty_text = _("No certificate has been issued yet.")
