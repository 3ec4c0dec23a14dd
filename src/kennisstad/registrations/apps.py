from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "kennisstad.registrations"
    label = "registrations"
    verbose_name = _("Registrations")

    def ready(self) -> None:
        from . import contributions

        contributions.register()
