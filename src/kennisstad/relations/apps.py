from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class RelationsConfig(AppConfig):
    name = "kennisstad.relations"
    label = "relations"
    verbose_name = _("Relations")

    def ready(self):
        # Every app's ``personal_data`` module adds its sections to the export (and erasers).
        autodiscover_modules("personal_data")
        from . import trace_hooks

        trace_hooks.install(self)
