import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from core.tables import CellTemplateColumn, ShortDateTimeColumn, StableTable

from .models import ImportRecord


class PreviewTable(StableTable):
    """The preview's rows (plain dicts stored on the ImportRecord)."""

    row = tables.Column(verbose_name=_("Row"), attrs={"td": {"class": "text-end"}})
    status = CellTemplateColumn(template_name="spreadsheets/_row_status.html", verbose_name=_("Result"))
    name = tables.Column(verbose_name=_("Name"))
    born = tables.Column(verbose_name=_("Date of birth"), orderable=False)
    details = CellTemplateColumn(
        template_name="spreadsheets/_row_details.html", verbose_name=_("Details"), orderable=False, accessor="row"
    )

    class Meta:
        empty_text = _("No rows match this filter.")
        attrs = {"class": "table table-sm align-middle"}


class ImportRecordTable(StableTable):
    created_at = ShortDateTimeColumn(verbose_name=_("Uploaded at"))
    file_name = tables.LinkColumn("spreadsheets:import_detail", args=[tables.A("pk")], verbose_name=_("File"))
    cohort = tables.Column(accessor="cohort__number", verbose_name=_("Cohort"), order_by=("cohort__number",))
    created_by = tables.Column(verbose_name=_("Uploaded by"))
    status = CellTemplateColumn(template_name="spreadsheets/_import_status.html", verbose_name=_("Status"))
    rows_new = tables.Column(attrs={"td": {"class": "text-end"}})
    rows_updated = tables.Column(attrs={"td": {"class": "text-end"}})
    rows_unchanged = tables.Column(attrs={"td": {"class": "text-end"}})
    rows_error = tables.Column(attrs={"td": {"class": "text-end"}})

    class Meta:
        model = ImportRecord
        fields = (
            "created_at",
            "file_name",
            "cohort",
            "created_by",
            "status",
            "rows_new",
            "rows_updated",
            "rows_unchanged",
            "rows_error",
        )
        order_by = ("-created_at",)
        empty_text = _("No imports yet.")
