"""What ``integrity`` adds to the pages below it: the gifts received and given during a visit
and the trips a third party paid, on the delegation page (``DELEGATION_SECTIONS``), for the
municipality's side only. Registered in ``IntegrityConfig.ready``; ``delegations`` never imports
``integrity``."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext

from kennisstad.accounts import access
from kennisstad.core.contributions import PageAction, PageSection, page_actions
from kennisstad.delegations.pages import DELEGATION_SECTIONS

from . import selectors


def delegation_gifts(delegation: Any, *, user: Any) -> PageSection | None:
    if not access.can_see_gifts_and_travel_costs(user):
        return None
    context = {
        **selectors.of_delegation(delegation.pk),
        "threshold": selectors.gifts_threshold(),
        "can_change": access.is_team(user),
        "delegation": delegation,
    }
    return PageSection("integrity/_delegation_section.html", context, order=30)


def registers_button(user: Any, obj: Any = None) -> PageAction | None:
    """On the delegations list, for the municipality's side: the integrity registers."""
    if not access.can_see_gifts_and_travel_costs(user):
        return None
    return PageAction(gettext("Gifts register"), reverse("integrity:register"), order=90)


def register() -> None:
    DELEGATION_SECTIONS.register(delegation_gifts)
    page_actions("delegations:delegation-list").register(registers_button)
