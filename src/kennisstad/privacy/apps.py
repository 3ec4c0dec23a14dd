from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "kennisstad.privacy"
    label = "privacy"
    verbose_name = _("Privacy")

    def ready(self):
        # Every app declares its kinds of personal record and its processing activities in its
        # ``personal_data`` module (next to its export sections); importing them fills the
        # registries below. Relations does the same; a module is imported once.
        autodiscover_modules("personal_data")
