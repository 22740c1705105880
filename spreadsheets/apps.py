from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpreadsheetsConfig(AppConfig):
    """Spreadsheet import and export; sits above the domain apps and uses their services."""

    name = "spreadsheets"
    verbose_name = _("Spreadsheets")
