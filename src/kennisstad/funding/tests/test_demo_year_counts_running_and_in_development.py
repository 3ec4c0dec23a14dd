"""Must show (issue 17): the demo's year of applications (2018) computes the jaarverslag's
"12 running European cooperation projects (H2020, Interreg), 9 more in development or applied
for", per programme too, as indicators of policy field 2.1.4 with their drill-down listing
exactly the applications counted; nothing is typed in."""

import pytest

from kennisstad.funding.demo import DEMO_YEAR, IN_DEVELOPMENT_2018, RUNNING_2018
from kennisstad.funding.models import Application
from kennisstad.indicators import rules
from kennisstad.indicators.models import Indicator, Origin
from kennisstad.indicators.selectors import counted_records
from kennisstad.workspace.demo import load_demo

pytestmark = pytest.mark.django_db

RUNNING = "2-1-4-eu-lopend"
IN_DEVELOPMENT = "2-1-4-eu-in-ontwikkeling"


def figure(code: str):
    indicator = Indicator.objects.get(code=code)
    return indicator.realisations.get(year=DEMO_YEAR, origin=Origin.COMPUTED)


def per_programme(stages: list[str]) -> dict[str, int]:
    return {
        programme: rules.count_per_year(
            rules.parse_rule(
                {"subject": "applications", "stages": stages, "programmes": [programme]}
            ),
            [DEMO_YEAR],
        )[DEMO_YEAR]
        for programme in ("horizon", "interreg", "erdf")
    }


def test_the_demo_year_gives_12_running_and_9_in_development(client_for, team_member):
    load_demo()
    running, developing = figure(RUNNING), figure(IN_DEVELOPMENT)
    assert (running.value, developing.value) == (12, 9)
    assert per_programme(["running"]) == {"horizon": 5, "interreg": 7, "erdf": 1}
    assert per_programme(["idea", "in_preparation", "submitted"]) == {
        "horizon": 4,
        "interreg": 5,
        "erdf": 0,
    }
    # The drill-down lists exactly the applications of the scenario, with their pages.
    listed = {record["label"] for record in counted_records(running)}
    assert listed == {row[0] for row in RUNNING_2018}
    listed = {record["label"] for record in counted_records(developing)}
    assert listed == {row[0] for row in IN_DEVELOPMENT_2018}
    first = counted_records(running)[0]
    assert first["url"] == f"/funding/{first['id']}/"
    # The indicator page shows the computed value and the drill-down.
    indicator = Indicator.objects.get(code=RUNNING)
    page = client_for(team_member).get(f"/indicators/{indicator.pk}/?year={DEMO_YEAR}")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Positieve-energiewijken Groningen" in text
    assert "at some moment of the year" in text or "op enig moment in het jaar" in text
    # Loading again adds nothing.
    count = Application.objects.count()
    load_demo()
    assert Application.objects.count() == count
