"""Integrity registers: gifts and hospitality received, gifts given, and trips and invitations
paid by third parties, as the municipality's code of conduct has them."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntegrityConfig(AppConfig):
    name = "kennisstad.integrity"
    label = "integrity"
    verbose_name = _("Integrity registers")

    def ready(self) -> None:
        # The gifts and third-party trips of a visit on the delegation page.
        from . import contributions

        contributions.register()
