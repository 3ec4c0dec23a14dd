"""Columns are found by Dutch or English names whatever their case, spacing or punctuation;
a municipality names its own in the setting, an import in its own mapping."""

import json
from decimal import Decimal

import pytest

from kennisstad.core.imports import ImportRefused
from kennisstad.finances.ledger_columns import map_columns, parse_mapping
from kennisstad.finances.models import Direction, FinanceLine
from kennisstad.finances.services import import_ledger
from kennisstad.policy.tests.factories import seed_policy_field

from .factories import ledger_csv


def test_english_headers_in_any_case_and_punctuation_are_recognised():
    columns = map_columns(
        [
            "YEAR",
            "Kind",
            "Ledger-Account",
            "Cost Center",
            "Iv3 taakveld",
            "Policy_field",
            "Direction",
            "Amount",
            "Description",
            "Extra",
        ]
    )
    assert columns.headers["cost_centre"] == "Cost Center"
    assert columns.headers["taakveld"] == "Iv3 taakveld"
    assert columns.headers["ledger_account"] == "Ledger-Account"
    assert columns.ignored == ["Extra"]


def test_a_missing_required_column_refuses_the_file_naming_it():
    with pytest.raises(ImportRefused, match="policy_field"):
        map_columns(["jaar", "soort", "taakveld", "bedrag"])


@pytest.mark.django_db
def test_the_setting_and_the_import_mapping_name_the_ledger_s_own_columns(settings):
    seed_policy_field()
    settings.KENNISSTAD_LEDGER_COLUMNS = {"policy_field": "Beleidsproduct"}
    data = ledger_csv(
        ["2018;primitief;3.4;2.1.4;-500,00"], header="Jaar;Soort;Taakveld;Beleidsproduct;Saldo"
    )
    with pytest.raises(ImportRefused, match="amount"):
        import_ledger(data=data, file_name="export.csv")
    mapping = parse_mapping(json.dumps({"amount": ["Saldo", "Bedrag EUR"]}), source="map.json")
    import_ledger(data=data, file_name="export.csv", mapping=mapping)
    line = FinanceLine.objects.get()
    assert line.policy_area.code == "2.1.4"
    assert (line.direction, line.amount) == (Direction.INCOME, Decimal("500.00"))


def test_a_mapping_naming_an_unknown_field_is_refused():
    with pytest.raises(ImportRefused, match="bedragen"):
        parse_mapping('{"bedragen": "Saldo"}', source="map.json")
    with pytest.raises(ImportRefused, match=r"map\.json"):
        parse_mapping("{not json", source="map.json")


@pytest.mark.django_db
def test_without_a_direction_column_the_sign_decides():
    seed_policy_field()
    data = ledger_csv(
        ["2018\tprimitief\t3.4\t2.1.4\t1.500", "2018\tprimitief\t3.1\t2.1.4\t(250)"],
        header="jaar\tsoort\ttaakveld\tbeleidsveld\tbedrag",
    )
    import_ledger(data=data, file_name="export.tsv")
    lines = {line.taakveld.code: line for line in FinanceLine.objects.all()}
    assert (lines["3.4"].direction, lines["3.4"].amount) == (Direction.EXPENSES, 1500)
    assert (lines["3.1"].direction, lines["3.1"].amount) == (Direction.INCOME, 250)


def test_a_hostile_mapping_is_refused_not_a_server_error():
    deep = "[" * 100_000 + "]" * 100_000
    with pytest.raises(ImportRefused, match="20000"):
        parse_mapping(deep, source="mapping")
    nested = "[" * 5_000 + "]" * 5_000  # short enough, nested past Python's recursion limit
    with pytest.raises(ImportRefused, match="JSON"):
        parse_mapping(nested, source="mapping")
