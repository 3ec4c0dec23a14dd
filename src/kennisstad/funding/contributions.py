"""What ``funding`` adds to the pages below it: the overdue reporting obligations in the weekly
digest (``agenda.digest.DIGEST_SECTIONS``). Registered in ``FundingConfig.ready``; ``agenda``
never imports ``funding``. The dashboard (``workspace``, above) reads the selector itself."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext

from kennisstad.accounts import access
from kennisstad.agenda.digest import DIGEST_SECTIONS, DigestSection

from . import selectors


def overdue_obligations_in_digest(
    user: Any, *, today: datetime.date, days: int
) -> DigestSection | None:
    """Every overdue report or audit of a funding application, for the team."""
    if not access.is_team(user):
        return None
    obligations = list(selectors.overdue_obligations(today=today)[:50])
    lines = tuple(
        gettext("%(kind)s — %(application)s (due %(date)s)")
        % {
            "kind": obligation.get_kind_display(),
            "application": obligation.application.title,
            "date": date_format(obligation.due_on, "j F Y"),
        }
        for obligation in obligations
    )
    return DigestSection(gettext("Overdue reports to funders"), lines)


def register() -> None:
    DIGEST_SECTIONS.register(overdue_obligations_in_digest)
