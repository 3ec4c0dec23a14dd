"""The gifts and third-party travel recorded on delegations before the integrity registers
existed are moved by the migrations: a gift received becomes a GiftReceived with its visit and
an office-holder as recipient (what happened to it translated; "kept by the municipality" is
the municipality's property), a gift given becomes a GiftGiven, and a travel cost a third party
paid becomes a ThirdPartyTrip of its traveller, while the travel cost stays for the
foreign-travel register. Each copy has an audit-trail row."""

from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from kennisstad.delegations.models import TravelCost
from kennisstad.delegations.tests.factories import DelegationFactory, at, outgoing_visit
from kennisstad.integrity.models import GiftGiven, GiftReceived, ThirdPartyTrip

BEFORE = ("delegations", "0001_initial")


def _migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor


def _old_apps(executor):
    """Every app as it is now, but delegations as it was before the move."""
    graph = executor.loader.graph
    move = ("delegations", "0002_gifts_moved_to_integrity")
    leaves = [  # apps whose migrations need the move (agreements' keys to delegations) wait too
        node
        for node in graph.leaf_nodes()
        if node[0] not in ("delegations", "integrity") and move not in graph.forwards_plan(node)
    ]
    return executor.loader.project_state([*leaves, BEFORE]).apps


def _write_before_the_move(old, delegation_id: int) -> None:
    Gift = old.get_model("delegations", "Gift")
    common = {"delegation_id": delegation_id, "given_on": "2025-03-10"}
    Gift.objects.create(
        direction="received",
        description_nl="Porseleinen vaas",
        giver="Vice-burgemeester van Tianjin",
        recipient="Burgemeester van Groningen",
        estimated_value=Decimal("350.00"),
        disposition="kept",
        **common,
    )
    Gift.objects.create(
        direction="received",
        description_nl="Zijden sjaal",
        giver="Delegatie Tianjin",
        recipient="Wethouder Economische Zaken",
        estimated_value=Decimal("40.00"),
        disposition="registered",
        **common,
    )
    Gift.objects.create(
        direction="given",
        description_nl="Delfts blauwe tegel",
        giver="Burgemeester van Groningen",
        recipient="Vice-burgemeester van Tianjin",
        estimated_value=Decimal("95.00"),
        **common,
    )
    old.get_model("delegations", "TravelCost").objects.create(
        delegation_id=delegation_id,
        traveller="Jeroen Dijkstra",
        traveller_function="Senior adviseur Europese zaken",
        destination_country="BE",
        transport=Decimal("238.40"),
        lodging=Decimal("189.00"),
        paid_by="third_party",
        payer="Samenwerkingsverband Noord-Nederland",
    )


@pytest.mark.django_db(transaction=True)
def test_gifts_and_third_party_travel_survive_the_move():
    delegation = DelegationFactory(
        activity=outgoing_visit(at(2025, 3, 10), country="BE", city="Brussel"),
        purpose_nl="Lobby waterstof",
    )
    executor = _migrate([("integrity", None), BEFORE])
    try:
        _write_before_the_move(_old_apps(executor), delegation.pk)
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    vase = GiftReceived.objects.get(description_nl="Porseleinen vaas")
    assert vase.delegation_id == delegation.pk
    assert vase.disposition == "municipality"  # above the threshold: not the recipient's
    assert (vase.recipient.name, vase.recipient.function) == ("Burgemeester van Groningen", "mayor")
    assert vase.giver_name == "Vice-burgemeester van Tianjin"
    assert vase.history.count() == 1
    scarf = GiftReceived.objects.get(description_nl="Zijden sjaal")
    assert scarf.disposition == "kept" and scarf.recipient.function == "alderman"
    tile = GiftGiven.objects.get()
    assert (tile.description_nl, tile.delegation_id) == ("Delfts blauwe tegel", delegation.pk)
    assert not GiftReceived.objects.filter(description_nl="Delfts blauwe tegel").exists()
    trip = ThirdPartyTrip.objects.get()
    assert trip.office_holder.name == "Jeroen Dijkstra"
    assert trip.paid_by == "Samenwerkingsverband Noord-Nederland"
    assert trip.estimated_value == Decimal("427.40") and trip.destination == "Brussel"
    assert trip.starts_on.isoformat() == "2025-03-10" and trip.delegation_id == delegation.pk
    assert TravelCost.objects.filter(paid_by="third_party").count() == 1  # the mission's cost
