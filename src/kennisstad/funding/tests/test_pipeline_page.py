"""The pipeline: a column per stage with the applications now in it and the sum of their funder
contributions, server-rendered (a table of the same for phones), narrowed by programme; the list
filters by programme, stage and the year an application was in the pipeline."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from kennisstad.funding.models import Programme, Stage

from .factories import ApplicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def applications():
    D = datetime.date
    return [
        ApplicationFactory(
            title_nl="Horizon loopt",
            programme=Programme.HORIZON,
            funder_contribution=Decimal("500000"),
            cofinancing=Decimal("500000"),
            stage_history=[
                (Stage.SUBMITTED, D(2016, 1, 1)),
                (Stage.GRANTED, D(2016, 6, 1)),
                (Stage.RUNNING, D(2016, 7, 1)),
            ],
        ),
        ApplicationFactory(
            title_nl="Interreg loopt",
            funder_contribution=Decimal("250000"),
            cofinancing=Decimal("750000"),
            stage_history=[
                (Stage.SUBMITTED, D(2019, 1, 1)),
                (Stage.GRANTED, D(2019, 6, 1)),
                (Stage.RUNNING, D(2019, 7, 1)),
            ],
        ),
        ApplicationFactory(title_nl="Interreg ingediend"),
    ]


def column(page: str, stage: str) -> str:
    return page.split(f'id="stage-{stage}"')[1].split("</section>")[0]


def test_columns_per_stage_with_their_totals(applications, team_member, client_for):
    page = client_for(team_member).get(reverse("funding:pipeline")).content.decode()
    running = column(page, "running")
    assert "Horizon loopt" in running and "Interreg loopt" in running
    assert "750.000" in running
    assert "Interreg ingediend" in column(page, "submitted")
    assert "600.000" in column(page, "submitted")
    for stage in Stage.values:
        assert f'id="stage-{stage}"' in page
    assert 'class="ks-pipeline-table' in page  # the phones' table
    narrowed = client_for(team_member).get(reverse("funding:pipeline"), {"programme": "horizon"})
    running = column(narrowed.content.decode(), "running")
    assert "Horizon loopt" in running and "Interreg loopt" not in running


def test_the_list_filters_by_programme_stage_and_year(applications, reader, client_for):
    def titles(**query):
        page = client_for(reader).get(reverse("funding:application-list"), query)
        assert page.status_code == 200
        return {
            a
            for a in ("Horizon loopt", "Interreg loopt", "Interreg ingediend")
            if a in page.content.decode()
        }

    assert titles(programme="interreg") == {"Interreg loopt", "Interreg ingediend"}
    assert titles(stage="submitted") == {"Interreg ingediend"}
    assert titles(year="2017") == {"Horizon loopt"}
    assert titles(year="2018") == {"Horizon loopt", "Interreg ingediend"}


def test_the_detail_and_form_pages_open(applications, team_member, client_for):
    web = client_for(team_member)
    application = applications[0]
    detail = web.get(reverse("funding:application-detail", args=[application.pk]))
    assert detail.status_code == 200 and "Horizon loopt" in detail.content.decode()
    assert web.get(reverse("funding:application-update", args=[application.pk])).status_code == 200
    assert web.get(reverse("funding:application-create")).status_code == 200
