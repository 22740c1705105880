from django.apps import AppConfig


class ProjectConfig(AppConfig):
    """Registers the project's start-up checks (config/checks.py); it has no models."""

    name = "config"
    label = "project"
    verbose_name = "Project settings"

    def ready(self):
        from . import checks  # noqa: F401  (registers the checks)
