"""The demo's partner-delivered figures: the IWCN delivers its visitor numbers itself. Its 2017
figure was approved by a team member (so it counts), its 2018 figure waits for approval (so it
does not yet). Written through the delivery services like any partner's value, telling nobody."""

import datetime
from decimal import Decimal
from functools import partial

from kennisstad.core.demo import DemoLoad
from kennisstad.indicators.delivery_services import approve_delivery, submit_value
from kennisstad.indicators.models import DeliveredValue, Indicator, IndicatorKind, Unit
from kennisstad.indicators.services import save_indicator

POLICY_FIELD = "2.1.4"
NAME_NL = "Aantal bezoekers International Welcome Center North"
NAME_EN = "Number of visitors to the International Welcome Center North"
SOURCE = "Bezoekersregistratie IWCN"

# (year, visitors, peildatum, approved by a team member)
FIGURES = (
    (2017, Decimal("11800"), datetime.date(2018, 1, 15), True),
    (2018, Decimal("13450"), datetime.date(2019, 1, 14), False),
)


def load_deliveries(demo: DemoLoad) -> None:
    policy_field = demo.refs["policy areas"][POLICY_FIELD]
    indicator = Indicator(
        code="2-1-4-iwcn-bezoekers",
        name_nl=NAME_NL,
        name_en=NAME_EN,
        policy_area=policy_field,
        kind=IndicatorKind.EFFECT,
        unit=Unit.COUNT,
        source=SOURCE,
        measured_from=2016,
        order=10,
        owner_organisation=demo.ref("organisations", "iwcn"),
    )
    indicator = demo.ensure(
        "indicators",
        Indicator,
        {"policy_area": policy_field, "name_nl": NAME_NL},
        partial(save_indicator, indicator=indicator, user=None),
    )
    partner, reviewer = demo.ref("users", "iwcn"), demo.ref("users", "team")
    for year, visitors, measured_on, approved in FIGURES:
        demo.ensure(
            "delivered values",
            DeliveredValue,
            {"indicator": indicator, "year": year},
            partial(_deliver, indicator, year, visitors, measured_on, partner, reviewer, approved),
        )


def _deliver(indicator, year, visitors, measured_on, partner, reviewer, approved):
    delivered = submit_value(
        indicator=indicator,
        year=year,
        value=visitors,
        measured_on=measured_on,
        source=SOURCE,
        note="Bezoekers aan de balie en op afspraak; exclusief evenementen.",
        user=partner,
        notify=False,
    )
    if approved:
        delivered = approve_delivery(delivered=delivered, user=reviewer, notify=False)
    return delivered
