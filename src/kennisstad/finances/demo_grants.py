"""The demo's grants and project allocations on policy field 2.1.4: the yearly grant to the
IWCN (2017 settled, 2018 granted with its accountability due on 1 April 2019), Marketing
Groningen's Top Dutch campaign and its application for the economic profile, a RUG conference
(the demo partner's own grant) and a withdrawn one; and what four demo projects budgeted and
spent on 2.1.4 in 2017-2019. Written through the grant and allocation services, each step as a
step, so the pages show a real history. Idempotent: found by applicant, purpose and period."""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from functools import partial

from kennisstad.core.demo import DemoLoad

from .allocation_services import save_allocation
from .grant_models import Grant
from .grant_services import award_grant, save_grant, settle_grant, withdraw_grant
from .models import ProjectAllocation, Taakveld

D = datetime.date
POLICY_FIELD = "2.1.4"


@dataclass(frozen=True)
class GrantSpec:
    organisation: str  # scenario key (relations' demo)
    title_nl: str
    title_en: str
    project: str | None  # scenario key (projects' demo)
    period: tuple[datetime.date, datetime.date]
    requested: int
    applied_on: datetime.date
    award: tuple[str, int, datetime.date] | None = None  # decision number, amount, date
    accountability_due: datetime.date | None = None
    settle: tuple[int, datetime.date, datetime.date] | None = None  # final, settled, received
    withdraw: tuple[datetime.date, str] | None = None
    owner: str = "advisor"
    conditions: str = ""
    taakveld: str = "3.4"


# fmt: off
GRANTS = (
    GrantSpec(
        "iwcn", "Ondersteuning International Welcome Center North 2017",
        "Support of the International Welcome Center North 2017", "iwcn-support",
        (D(2017, 1, 1), D(2017, 12, 31)), 140000, D(2016, 9, 30),
        ("SUB-2016-0388", 140000, D(2016, 12, 6)), D(2018, 4, 1),
        (136450, D(2018, 6, 20), D(2018, 3, 28)),
        conditions="Jaarverslag met bezoekersaantallen; inzet van RUG, UMCG en Hanze zichtbaar.",
    ),
    GrantSpec(
        "iwcn", "Ondersteuning International Welcome Center North 2018",
        "Support of the International Welcome Center North 2018", "iwcn-support",
        (D(2018, 1, 1), D(2018, 12, 31)), 150000, D(2017, 9, 29),
        ("SUB-2017-0412", 150000, D(2017, 12, 12)), D(2019, 4, 1),
        conditions="Jaarverslag met bezoekersaantallen per maand en tevredenheid van werkgevers.",
    ),
    GrantSpec(
        "marketing", "Top Dutch-campagne 2018", "Top Dutch campaign 2018", "top-dutch",
        (D(2018, 1, 1), D(2018, 12, 31)), 80000, D(2017, 10, 16),
        ("SUB-2017-0457", 75000, D(2018, 1, 23)), D(2019, 5, 1), owner="team",
    ),
    GrantSpec(
        "marketing", "Economisch profiel Groningen: uitrol 2019",
        "Groningen's economic profile: roll-out 2019", "economic-profile",
        (D(2019, 1, 1), D(2019, 12, 31)), 90000, D(2018, 10, 1), owner="team",
    ),
    GrantSpec(
        "rug", "Internationale conferentie Healthy Ageing 2018",
        "International Healthy Ageing conference 2018", "healthy-ageing-network",
        (D(2018, 9, 1), D(2018, 12, 31)), 25000, D(2018, 3, 12),
        ("SUB-2018-0102", 20000, D(2018, 5, 2)), D(2019, 3, 1),
    ),
    GrantSpec(
        "hanze", "Summer school energietransitie 2018", "Energy transition summer school 2018",
        None, (D(2018, 6, 1), D(2018, 8, 31)), 15000, D(2018, 1, 15),
        withdraw=(D(2018, 4, 3), "De aanvrager heeft de summer school afgelast."),
    ),
)

# (project key, year, taakveld, budgeted, spent)
ALLOCATIONS = (
    ("iwcn-support", 2017, "3.4", 140000, 136450),
    ("iwcn-support", 2018, "3.4", 150000, 150000),
    ("iwcn-support", 2019, "3.4", 155000, None),
    ("top-dutch", 2017, "3.4", 60000, 58200),
    ("top-dutch", 2018, "3.4", 75000, 71900),
    ("economic-profile", 2018, "3.4", 40000, 36500),
    ("economic-profile", 2019, "3.4", 45000, None),
    ("smart-users-city", 2017, "3.1", 35000, 33800),
)
# fmt: on


def load_grants(demo: DemoLoad) -> None:
    for spec in GRANTS:
        organisation = demo.refs["organisations"][spec.organisation]
        demo.ensure(
            "grants",
            Grant,
            {"organisation": organisation, "title_nl": spec.title_nl},
            partial(_create_grant, demo, spec),
        )
    for key, year, taakveld, budgeted, spent in ALLOCATIONS:
        allocation = ProjectAllocation(
            project=demo.refs["projects"][key],
            year=year,
            policy_area=demo.refs["policy areas"][POLICY_FIELD],
            taakveld=Taakveld.objects.get(code=taakveld),
            budgeted=Decimal(budgeted),
            spent=None if spent is None else Decimal(spent),
        )
        lookup = {
            "project": allocation.project,
            "year": year,
            "policy_area": allocation.policy_area,
            "taakveld": allocation.taakveld,
        }
        demo.ensure(
            "project allocations",
            ProjectAllocation,
            lookup,
            partial(save_allocation, allocation=allocation, user=None),
        )


def _create_grant(demo: DemoLoad, spec: GrantSpec) -> Grant:
    """The application, then each decision as its own step."""
    grant = save_grant(
        grant=Grant(
            organisation=demo.refs["organisations"][spec.organisation],
            title_nl=spec.title_nl,
            title_en=spec.title_en,
            policy_area=demo.refs["policy areas"][POLICY_FIELD],
            taakveld=Taakveld.objects.get(code=spec.taakveld),
            project=demo.ref("projects", spec.project),
            amount_requested=Decimal(spec.requested),
            period_start=spec.period[0],
            period_end=spec.period[1],
            applied_on=spec.applied_on,
            conditions=spec.conditions,
            owner=demo.refs["users"][spec.owner],
        ),
        user=None,
    )
    if spec.award is not None:
        number, amount, granted_on = spec.award
        award_grant(
            grant=grant,
            decision_number=number,
            amount_granted=Decimal(amount),
            granted_on=granted_on,
            accountability_due=spec.accountability_due,
            user=None,
        )
    if spec.settle is not None:
        final, settled_on, received_on = spec.settle
        settle_grant(
            grant=grant,
            amount_final=Decimal(final),
            settled_on=settled_on,
            accountability_received_on=received_on,
            user=None,
        )
    if spec.withdraw is not None:
        withdrawn_on, reason = spec.withdraw
        withdraw_grant(grant=grant, withdrawn_on=withdrawn_on, reason=reason, user=None)
    return grant
