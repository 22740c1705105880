from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Builds the demo data set through the real services; sits above every other app."""

    name = "demo"
    verbose_name = _("Demo data")
