from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinancesConfig(AppConfig):
    name = "kennisstad.finances"
    label = "finances"
    verbose_name = _("Finances and grants")

    def ready(self) -> None:
        # The grants this app adds to the organisation's and the project's page.
        from . import grant_contributions

        grant_contributions.register()
