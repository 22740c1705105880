from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = _("Data protection")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .services import login_record

        user_logged_in.connect(login_record, dispatch_uid="privacy.login_record")
