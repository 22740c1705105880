from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared helpers (template tags, base views); no models."""

    name = "core"

    def ready(self):
        from . import lookups  # noqa: F401  registers field__any_of and field__among
        from .tables_speedup import remember_cell_signatures

        remember_cell_signatures()
