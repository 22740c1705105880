from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared helpers (template tags, base views); no models."""

    name = "core"
