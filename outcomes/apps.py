from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutcomesConfig(AppConfig):
    """After the course: employers, the job-speed-dating event, and what became of each participant.
    Sits above spreadsheets; reads the lower apps through their selectors."""

    name = "outcomes"
    verbose_name = _("Outcomes")
