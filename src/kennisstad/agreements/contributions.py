"""What ``agreements`` adds to the pages below it: the agreements an organisation is party to,
and those a project or a delegation falls under, as a section on their pages; and the
agreements expiring soon in the weekly digest. Registered in ``AgreementsConfig.ready``;
``relations``, ``projects``, ``delegations`` and ``agenda`` never import ``agreements``."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext

from kennisstad.agenda.digest import DIGEST_SECTIONS, DigestSection
from kennisstad.core.contributions import PageSection
from kennisstad.delegations.pages import DELEGATION_SECTIONS
from kennisstad.projects.pages import PROJECT_SECTIONS
from kennisstad.relations.timeline import ORGANISATION_SECTIONS

from . import selectors

SHOWN = 50


def _section(agreements: Any, *, user: Any) -> PageSection | None:
    if not selectors.may_see_agreements(user):
        return None
    rows = list(agreements.order_by("-signed_on", "pk")[:SHOWN])
    if not rows:
        return None
    return PageSection("agreements/_record_agreements.html", {"agreements": rows}, order=30)


def organisation_agreements(organisation: Any, *, user: Any) -> PageSection | None:
    return _section(selectors.agreements_of_organisation(organisation, user=user), user=user)


def project_agreements(project: Any, *, user: Any) -> PageSection | None:
    return _section(selectors.agreements_of_project(project, user=user), user=user)


def delegation_agreements(delegation: Any, *, user: Any) -> PageSection | None:
    return _section(selectors.agreements_of_delegation(delegation, user=user), user=user)


def expiring_in_digest(user: Any, *, today: datetime.date, days: int) -> DigestSection | None:
    """Agreements expiring soon, for the municipality's side, in the recipient's language."""
    if not selectors.may_see_agreements(user):
        return None
    agreements = selectors.expiring_agreements(today)[:50]
    if not agreements:
        return None
    lines = tuple(
        gettext("%(agreement)s — expires on %(date)s")
        % {
            "agreement": agreement.title,
            "date": date_format(agreement.current_expiry(today), "j F Y"),
        }
        for agreement in agreements
    )
    return DigestSection(gettext("Agreements expiring soon"), lines)


def register() -> None:
    ORGANISATION_SECTIONS.register(organisation_agreements)
    PROJECT_SECTIONS.register(project_agreements)
    DELEGATION_SECTIONS.register(delegation_agreements)
    DIGEST_SECTIONS.register(expiring_in_digest)
