"""The demo's funding applications, written through ``save_application`` stage by stage.

Dated so that in ``DEMO_YEAR`` (2018, the year of the jaarverslag that reports it) the
indicators count what Groningen reported: 12 European cooperation projects running (5 Horizon
2020, 7 Interreg) and 9 more in development or applied for (4 Horizon 2020, 5 Interreg), each
application in only one of the two; an ERDF project running in 2018 and applications of other
years show what the rules leave out. Three applications of the present keep the pipeline and
the dashboard's overdue reports filled whenever the demo is loaded.
"""

import datetime
from decimal import Decimal
from functools import partial

from kennisstad.core.demo import DemoLoad

from .demo_scenario import (
    DEMO_YEAR,
    IN_DEVELOPMENT_2018,
    OTHERS,
    RUNNING_2018,
    ApplicationSpec,
)
from .models import Application, Stage
from .services import save_application

__all__ = ["DEMO_YEAR", "IN_DEVELOPMENT_2018", "RUNNING_2018", "load_applications"]


def _day(demo: DemoLoad, value) -> datetime.date:
    return demo.today - datetime.timedelta(days=value) if isinstance(value, int) else value


def load_applications(demo: DemoLoad) -> None:
    for row in (*RUNNING_2018, *IN_DEVELOPMENT_2018, *OTHERS):
        spec = ApplicationSpec(*row)
        demo.refs["applications"][spec.title_nl] = demo.ensure(
            "funding applications",
            Application,
            {"title_nl": spec.title_nl},
            partial(_create, demo, spec),
        )


def _create(demo: DemoLoad, spec: ApplicationSpec) -> Application:
    total = Decimal(spec.total) if spec.total is not None else None
    grant = Decimal(spec.grant) if spec.grant is not None else None
    (first, first_on), *later = spec.stages
    application = Application(
        title_nl=spec.title_nl,
        title_en=spec.title_en,
        programme=spec.programme,
        programme_line=spec.line,
        call_deadline=_day(demo, first_on) if first == Stage.SUBMITTED else None,
        stage=first,
        own_role=spec.own_role,
        total_budget=total,
        funder_contribution=grant,
        cofinancing=None if total is None else total - (grant or Decimal("0")),
        owner=demo.refs["users"]["advisor"],
    )
    partners = [(demo.refs["organisations"][key], role, None) for key, role in spec.partners]
    obligations = [
        (kind, demo.today + datetime.timedelta(days=due), demo.today if done else None, "")
        for kind, due, done in spec.obligations
    ]
    save_application(
        application=application,
        user=None,
        stage_on=_day(demo, first_on),
        partners=partners,
        obligations=obligations,
    )
    for stage, day in later:
        application.stage = stage
        save_application(
            application=application,
            user=None,
            expected_version=application.version,
            stage_on=_day(demo, day),
        )
    return application
