from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    """Key figures across cohorts, their charts and the funders' quarterly report. Sits above outcomes and
    below privacy; reads the lower apps' tables only to count (docs/dashboard.md)."""

    name = "dashboard"
    verbose_name = _("Dashboard")

    def ready(self):
        from . import notifications  # noqa: F401  (registers the quarterly report and the daily rebuild)
