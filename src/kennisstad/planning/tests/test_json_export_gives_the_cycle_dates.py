"""The JSON export's ``document`` says where the document stands in the cycle: its status and
the dates it was offered, adopted (with the council's decision number) and published; null
for a step not taken."""

import datetime
import io
import json

import pytest
from django.core.management import call_command

from kennisstad.planning.services import adopt_document, offer_document, publish_document
from kennisstad.planning.tests.cycle_setup import begroting

pytestmark = pytest.mark.django_db


def exported_document(kind: str, year: int) -> dict:
    out = io.StringIO()
    call_command("export-begroting", kind=kind, year=year, format="json", stdout=out)
    return json.loads(out.getvalue())["document"]


def test_a_draft_gives_its_status_and_no_dates():
    begroting()
    assert exported_document("begroting", 2018) == {
        "kind": "begroting",
        "year": 2018,
        "status": "ontwerp",
        "offered_on": None,
        "adopted_on": None,
        "decision_number": None,
        "published_on": None,
    }


def test_a_published_document_gives_every_step_of_its_cycle(team_member):
    document = begroting()
    offer_document(document=document, on=datetime.date(2017, 10, 1), user=team_member)
    adopt_document(
        document=document,
        on=datetime.date(2017, 11, 9),
        decision_number="2017-112",
        user=team_member,
    )
    publish_document(document=document, on=datetime.date(2017, 11, 20), user=team_member)
    data = exported_document("begroting", 2018)
    assert {key: data[key] for key in data if key not in ("kind", "year")} == {
        "status": "gepubliceerd",
        "offered_on": "2017-10-01",
        "adopted_on": "2017-11-09",
        "decision_number": "2017-112",
        "published_on": "2017-11-20",
    }
