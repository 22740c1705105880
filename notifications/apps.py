from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        from . import receivers  # noqa: F401  (connects to the lower apps' signals)

        # Each app may register notification kinds and daily jobs in its own <app>/notifications.py.
        autodiscover_modules("notifications")
