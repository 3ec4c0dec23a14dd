"""EU and other funding applications: programme, call, stage history, money, partners and the
reporting obligations that follow a grant."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "kennisstad.funding"
    label = "funding"
    verbose_name = _("Funding applications")

    def ready(self) -> None:
        # The overdue reporting obligations in the weekly digest.
        from . import contributions

        contributions.register()
