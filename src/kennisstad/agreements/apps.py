"""Agreements with partner cities and regions (issue 17)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "kennisstad.agreements"
    label = "agreements"
    verbose_name = _("Agreements")

    def ready(self) -> None:
        # The agreements a record falls under on the organisation, project and delegation
        # pages, and the agreements expiring soon in the weekly digest.
        from . import contributions

        contributions.register()
