import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from core.tables import CellTemplateColumn


class CohortOverviewTable(tables.Table):
    """One row per participant: checklist result and current certificate (rows are selectors.CohortRow)."""

    name = CellTemplateColumn(template_name="certificates/_overview_name.html", verbose_name=_("Name"), orderable=False)
    requirements = CellTemplateColumn(
        template_name="certificates/_overview_requirements.html", verbose_name=_("Requirements"), orderable=False
    )
    certificate = CellTemplateColumn(
        template_name="certificates/_overview_certificate.html", verbose_name=_("Certificate"), orderable=False
    )

    class Meta:
        empty_text = _("Nobody is enrolled yet.")
        attrs = {"class": "table align-middle"}


class HistoryTable(tables.Table):
    number = CellTemplateColumn(
        template_name="certificates/_history_number.html", verbose_name=_("Number"), orderable=False
    )
    status = CellTemplateColumn(
        template_name="certificates/_status_badge.html",
        extra_context={},
        verbose_name=_("Status"),
        orderable=False,
    )
    issued_at = tables.DateTimeColumn(verbose_name=_("Issued"), short=True, orderable=False)
    issued_by = tables.Column(verbose_name=_("Issued by"), orderable=False)
    language = tables.Column(verbose_name=_("Language"), orderable=False)
    note = CellTemplateColumn(
        template_name="certificates/_history_note.html", verbose_name=_("Note"), orderable=False, empty_values=()
    )

    class Meta:
        empty_text = _("No certificate has been issued yet.")
