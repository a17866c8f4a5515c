from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitesConfig(AppConfig):
    # Labelled "core" because django.contrib.sites, which Oscar needs, already owns "sites".
    name = "sites"
    label = "core"
    verbose_name = _("Platform core")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401 (registers the system checks)
        from .security.registration import install_registration_guard

        install_registration_guard()

        from .cache import connect_signals

        connect_signals()
